// The srt plugin's format: SubRip subtitles, import and export.
#pragma once

#include <memory>

#include "castkit/plugin.hpp"

namespace castkit::srt {

/// How sure we are that `input` is SRT: a timing line near the start.
Confidence probe_srt(const Input& input);
/// Reads SRT cues into the episode's transcript.
std::unique_ptr<Importer> make_srt_importer();
/// Writes the episode's transcript as SRT.
std::unique_ptr<Exporter> make_srt_exporter();

}  // namespace castkit::srt
