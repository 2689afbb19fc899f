// The formats the vtt plugin offers: vtt (WebVTT subtitles/captions) and vtt-chapters (a WebVTT
// chapters track), both ways.
#pragma once

#include <memory>
#include <string_view>

#include "castkit/plugin.hpp"

namespace castkit::vtt {

/// How sure we are that `input` is a WebVTT file (signature after an optional BOM).
Confidence probe_vtt(const Input& input);
/// Like probe_vtt, but only confident for files named like a chapters track.
Confidence probe_vtt_chapters(const Input& input);

/// Reads WebVTT cues into the episode's transcript.
std::unique_ptr<Importer> make_vtt_importer();
/// Reads a WebVTT chapters track into the episode's chapters.
std::unique_ptr<Importer> make_vtt_chapters_importer();
/// Writes the episode's transcript as WebVTT.
std::unique_ptr<Exporter> make_vtt_exporter();
/// Writes the episode's chapters as a WebVTT chapters track.
std::unique_ptr<Exporter> make_vtt_chapters_exporter();

/// The episode an importer fills: the show's last episode, created when there is none.
Episode& target_episode(Show& show);
/// The episode an exporter writes: the requested one, else the show's first.
const Episode& source_episode(const ExportRequest& request);

}  // namespace castkit::vtt
