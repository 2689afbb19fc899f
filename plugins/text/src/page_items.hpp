// The items of a text page's sections: people, sponsors, show-note links, chapter rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/model.hpp"
#include "page_lines.hpp"

namespace castkit::text_page {

/// "Name – rest" split at the first spaced dash (en dash, em dash or hyphen). Without one the
/// whole text is the head.
struct DashSplit {
  std::string_view head;  ///< before the dash
  std::string_view tail;  ///< after it (empty without a dash)
};

/// Splits `text` at its first " – ", " — " or " - ".
DashSplit split_at_dash(std::string_view text);

/// The first http(s) URL written out in `text`, without trailing punctuation; empty if none.
std::string_view find_url(std::string_view text);

/// A call-to-action web address with no scheme ("Learn more at fly.io/changelog", "visit
/// example.com"): the address after "at" or "visit" when it has a common top-level domain, as an
/// https URL; empty if none.
std::string find_call_to_action_address(std::string_view text);

/// A "Featuring" line: "Name", "Name – Website, GitHub" or "Name (host)". The role is set when
/// the line says host, co-host or guest. Nothing when the name part is not a name (more than 6
/// words or 60 bytes: a sentence).
std::optional<Person> parse_person(std::string_view line);

/// A "Sponsors" line: "Name – what the episode says", with the URL the text gives, if any.
Sponsor parse_sponsor(std::string_view line);

/// The "Notes & Links" lines as links: list items ("- ", "* ", "• ", "1. ") when there are any
/// (other lines are then group headings), else every line. A URL written in an item is its url.
std::vector<NoteLink> parse_notes(const std::vector<Line>& lines);

/// A chapter table row: "1 | 00:00 | Welcome | 00:54 |" or "1 00:00 Welcome 00:54" (number,
/// start, title, duration; the number and duration are optional). The end is start + duration.
/// Nothing for a row without a start time (a header row or text that is not a chapter).
std::optional<Chapter> parse_chapter_row(std::string_view line);

}  // namespace castkit::text_page
