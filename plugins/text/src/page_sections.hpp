// The section structure of a changelog.com-style episode page rendered as text: opening
// paragraphs, then "Featuring", "Sponsors", "Notes & Links", "Chapters" and "Transcript".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "page_lines.hpp"

namespace castkit::text_page {

/// Which section a heading opens.
enum class SectionKind { featuring, sponsors, notes, chapters, transcript };

/// The section a line names when it is a heading on its own ("Notes & Links", "Chapters", ...;
/// any case, an optional trailing colon).
std::optional<SectionKind> heading_kind(std::string_view line);

/// A heading and the lines under it.
struct Section {
  SectionKind kind = SectionKind::featuring;  ///< which section
  Line heading;                               ///< the heading line itself
  std::vector<Line> lines;                    ///< the lines up to the next heading
};

/// The page split at its headings. Nothing after the "Transcript" heading is a heading: the
/// transcript is the last section and its paragraphs may be any text.
struct PageSections {
  std::vector<Line> opening;      ///< lines before the first heading
  std::vector<Section> sections;  ///< in page order (a heading may repeat)
};

/// Splits `lines` at the section headings.
PageSections split_sections(const std::vector<Line>& lines);

}  // namespace castkit::text_page
