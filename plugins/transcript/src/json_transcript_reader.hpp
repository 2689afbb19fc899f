// Reads Podcasting 2.0 JSON transcripts (and Whisper-shaped JSON) into a Transcript.
#pragma once

#include <string>
#include <string_view>

#include "castkit/host.hpp"
#include "castkit/model.hpp"

namespace castkit::transcript {

/// Extension key for members of a JSON transcript (or of one of its segments) that the model
/// has no field for; an object of member name -> value, written back by the exporter.
inline constexpr const char* json_extra_key = "transcript-json.extra";

/// Parses a JSON transcript in UTF-8: `{"version": "1.0.0", "segments": [{"speaker",
/// "startTime", "endTime", "body"}]}` with float seconds rounded to milliseconds, or Whisper's
/// `{"language", "segments": [{"start", "end", "text"}]}` (reported as a note through `host`).
/// Throws castkit::Error (input) at file:line:col when the text is not such a file.
Transcript read_json_transcript(std::string_view json, const std::string& input_name, Host& host);

}  // namespace castkit::transcript
