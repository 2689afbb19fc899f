// Writes a transcript as speaker-labelled Markdown (the Changelog convention).
#pragma once

#include <string>

#include "castkit/model.hpp"

namespace castkit::markdown {

/// Appends `transcript` to `out` as Markdown: one paragraph per segment, `**Name:**` where a
/// turn starts (speaker change, or a segment marked as a new turn), `\[mm:ss\]` before the text of
/// a segment with an exact start, `**Break:**` for break segments, inline HTML back as Markdown.
void write_transcript(const Transcript& transcript, std::string& out);

}  // namespace castkit::markdown
