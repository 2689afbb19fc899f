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

}  // namespace castkit::rss
