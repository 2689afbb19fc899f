// The rss exporter's core: the model as an RSS 2.0 feed with iTunes and Podcasting 2.0 tags.
#pragma once

#include <string>
#include <vector>

#include "castkit/model.hpp"

namespace castkit::rss {

/// Choices the `formats.rss` options make.
struct WriteOptions {
  /// Write psc:chapters inline for every episode with chapters, even when it links a chapters
  /// file (by default only episodes without a podcast:chapters link get them).
  bool always_inline_chapters = false;
};

/// Appends `show` as a feed to `out`: deterministic (the same model gives the same bytes),
/// well-formed whatever the text holds. Returns warnings about values it had to change (e.g. a
/// channel description cut to Apple's 4000 bytes).
std::vector<std::string> write_rss(const Show& show, std::string& out, const WriteOptions& options);

// The same feed piece by piece (the streaming export): write_feed_head, write_feed_item for each
// episode, write_feed_tail append exactly the bytes write_rss appends. Nothing of the show but
// its own fields is needed before the first item.

/// Appends the XML declaration, <rss> with its namespace declarations and the channel's own tags
/// (not `show.episodes`). Returns warnings as write_rss does.
std::vector<std::string> write_feed_head(const Show& show, std::string& out);

/// Appends one <item>.
void write_feed_item(const Episode& episode, std::string& out, const WriteOptions& options);

/// Closes the channel and the feed.
void write_feed_tail(std::string& out);

}  // namespace castkit::rss
