// Writes Podcasting 2.0 JSON transcripts.
#pragma once

#include <string>
#include <vector>

#include "castkit/model.hpp"

namespace castkit::transcript {

/// Appends `{"version": "1.0.0", "segments": [...]}` for `segments` (each with a start and an
/// end) to `out`: float seconds, the speaker on every segment (carried forward when a segment
/// leaves it empty), segments without text left out, members kept from the source written back.
/// `transcript_ext` is the transcript's extension data (members of the top-level object).
void write_json_transcript(const std::vector<Segment>& segments, const Extensions& transcript_ext,
                           std::string& out);

}  // namespace castkit::transcript
