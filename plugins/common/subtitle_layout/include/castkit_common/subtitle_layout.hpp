// Lays a transcript out into readable subtitle cues (used by the srt and vtt exporters).
#pragma once

#include <vector>

#include "castkit/config_view.hpp"
#include "castkit/host.hpp"
#include "castkit/model.hpp"
#include "castkit/plugin.hpp"

namespace castkit::layout {

/// The limits subtitles are laid out within (Netflix / BBC defaults); all configurable under
/// `subtitles:` in castkit.yaml and with --set subtitles.<key>=<value>.
struct Options {
  int max_line_chars = 42;     ///< characters per line
  int max_lines = 2;           ///< lines per cue
  Millis min_duration = 833;   ///< shortest cue
  Millis max_duration = 7000;  ///< longest cue
  double target_cps = 17;      ///< reading speed aimed at, characters per second
  double max_cps = 20;         ///< reading speed never exceeded when time allows
  Millis min_gap = 80;         ///< gap between consecutive cues
  /// Set by writers that put "Name: " before the text of the first cue after each change of
  /// speaker (SRT): that cue's first line then keeps room for the label. Not a config key.
  bool speaker_label_in_text = false;
};

/// The command-line options that set the `subtitles:` keys, for the srt and vtt exporter specs
/// (append them to ExporterSpec::options): --max-line-chars, --max-lines, --min-duration-ms,
/// --max-duration-ms, --target-cps, --max-cps, --min-gap-ms.
std::vector<OptionSpec> option_specs();

/// Options read from a `subtitles:` configuration section (missing keys keep the defaults).
Options options_from(const ConfigView& subtitles);

/// True when `segment` cannot be written as a cue as it is: it has no start, no end, or is
/// longer than one cue may be. A transcript needs laying out when any of its segments does.
bool segment_needs_layout(const Segment& segment, const Options& options);

/// True when the transcript needs laying out before it can be written as subtitles: some
/// segment has no start, no end, or is longer than one cue may be.
bool needs_layout(const Transcript& transcript, const Options& options);

/// Cues for `episode`'s transcript: text broken into lines with '\n', a speaker on every cue,
/// `estimated` set on computed times, exact anchors kept, starts strictly increasing, never past
/// the episode's known duration (or its last chapter's end). Warnings go to `host`.
std::vector<Segment> layout_cues(const Episode& episode, const Options& options, Host& host);

/// `episode`'s transcript paragraphs with every start and end filled: each paragraph runs from
/// its first cue's start to its last cue's end as layout_cues times them (so times the source
/// states are kept and the rest is marked estimated). Paragraphs without text are left out;
/// every paragraph carries its speaker. For formats that need times but not cues
/// (transcript-json).
std::vector<Segment> time_paragraphs(const Episode& episode, const Options& options, Host& host);

}  // namespace castkit::layout
