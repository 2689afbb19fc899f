// The generic chain's signals. Each reads one kind of evidence from the page and fills what is
// still empty, recording provenance; the importer runs them in order: JSON-LD, the RSS link,
// OpenGraph / Twitter / meta tags, then headings and timestamp heuristics.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "castkit/plugin.hpp"
#include "episode_fill.hpp"

namespace castkit::html {

/// What every signal reads: the page and where it came from.
struct PageView {
  const pugi::xml_document& document;  ///< the parsed page
  std::string url;                     ///< the page's URL (fetched or canonical), may be empty
  std::string name;                    ///< input name for messages
};

/// JSON-LD: a PodcastEpisode / Episode object (top level, in an array or in @graph). Returns
/// true when one was found.
bool read_json_ld(const PageView& page, EpisodeFill& fill);

/// The page's rel=alternate RSS/Atom links other than comment feeds: fetches each (at most
/// `max_feeds`) through the host, finds the item for this page (by link, guid, canonical URL
/// or enclosure) and fills from it, following podcast:chapters (JSON chapters) and JSON
/// podcast:transcript files. Returns true when an item was found.
bool read_rss_link(const PageView& page, Context& context, int max_feeds, EpisodeFill& fill);

/// OpenGraph, Twitter card and plain meta tags (og:audio as property or name).
void read_meta_tags(const PageView& page, EpisodeFill& fill);

/// Headings (the heading that matches <title>), audio elements and links, chapter lists and
/// tables ("00:00 Intro"), and speaker-labelled transcript paragraphs.
void read_heuristics(const PageView& page, EpisodeFill& fill);

/// The feed links read_rss_link would try, in order (comment feeds left out).
std::vector<std::string> feed_links(const PageView& page);

/// Audio URLs the page names in meta tags and <audio> elements (to match a feed's enclosure).
std::vector<std::string> page_audio_urls(const PageView& page);

}  // namespace castkit::html
