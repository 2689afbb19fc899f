// Podcasting 2.0 JSON chapters (version 1.2): reading and writing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "castkit/model.hpp"

namespace castkit::feed {

/// The media type of a JSON chapters file.
inline constexpr std::string_view json_chapters_media_type = "application/json+chapters";

/// What a JSON chapters file holds.
struct JsonChapters {
  std::string version;            ///< "version" as written (e.g. "1.2.0")
  std::string author;             ///< "author": who made the show
  std::string title;              ///< "title": the episode title
  std::string podcast_name;       ///< "podcastName": the show title
  std::string file_name;          ///< "fileName": the media file the chapters belong to
  std::vector<Chapter> chapters;  ///< in file order; times in milliseconds
};

/// Parses a JSON chapters file. Accepts the old fields `id` and `hasArtwork`, ignores unknown
/// keys. Throws castkit::Error (input) naming `input_name` and the position or chapter at fault.
JsonChapters parse_json_chapters(std::string_view json, const std::string& input_name);

/// Appends `chapters` as a JSON chapters 1.2.0 file (two-space indentation, fixed key order,
/// seconds as decimals, empty fields left out).
void write_json_chapters(const JsonChapters& chapters, std::string& out);

}  // namespace castkit::feed
