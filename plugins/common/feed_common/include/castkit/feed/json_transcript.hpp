// Podcasting 2.0 JSON transcripts, read when the rss importer follows a podcast:transcript link.
#pragma once

#include <string>
#include <string_view>

#include "castkit/model.hpp"

namespace castkit::feed {

/// Parses a Podcasting 2.0 JSON transcript (`{"version", "segments": [{"speaker", "startTime",
/// "endTime", "body"}]}`) into `transcript`'s segments. Throws castkit::Error (input) naming
/// `input_name` when the text is not such a file.
void parse_json_transcript(std::string_view json, const std::string& input_name,
                           Transcript& transcript);

}  // namespace castkit::feed
