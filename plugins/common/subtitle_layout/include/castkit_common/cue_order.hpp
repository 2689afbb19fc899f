// Cues written in time order by the srt and vtt exporters: the end given to a cue that ends
// before it starts, and the checks a streaming sink makes to write what the whole-model exporter
// would.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "castkit/host.hpp"
#include "castkit/model.hpp"
#include "castkit_common/subtitle_layout.hpp"

namespace castkit::layout {

/// The end written for a cue that ends before (or when) it starts: the next cue's start when that
/// is later, at most 2 s after its start, else 2 s after its start (players want end > start).
Millis fixed_end(Millis start, std::optional<Millis> next_start);

/// Warns on `output_name` that `fixed` cues had their end set by fixed_end (nothing when 0).
void report_fixed_ends(std::size_t fixed, const std::string& output_name, Host& host);

/// What a streaming SRT or WebVTT sink checks before it writes a cue, so that it writes exactly
/// what the whole-model exporter would: one episode, cues in time order, none that needs laying
/// out. A failed check throws castkit::NeedsWholeModel saying which.
class StreamedCues {
 public:
  /// For `format` (as messages name it, e.g. "WebVTT") laying out with `options`.
  StreamedCues(std::string format, const Options& options)
      : format_(std::move(format)), options_(options) {}

  /// A new episode: the first is written, a second needs the whole model.
  void episode();
  /// Whether an episode has begun.
  bool started() const { return episodes_ != 0; }
  /// Checks the next segment of the episode and returns its start.
  Millis next(const Segment& segment);

 private:
  std::string format_;
  Options options_;
  std::size_t episodes_ = 0;
  std::size_t count_ = 0;
  Millis previous_start_ = 0;
};

}  // namespace castkit::layout
