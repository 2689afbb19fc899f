// Timing cues between the times a transcript states (its anchors).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "castkit/host.hpp"
#include "castkit_common/subtitle_layout.hpp"

namespace castkit::layout::detail {

/// What the timing needs to know about one cue.
struct CueMeasure {
  std::size_t chars = 0;            ///< code points shown
  int syllables = 0;                ///< estimated amount of speech
  std::optional<Millis> end_limit;  ///< the source's end of its paragraph (last cue only)
};

/// A time the transcript states: cue `cue` starts at `time` (cue == number of cues: the time
/// just after the last cue, i.e. its end plus the minimum gap).
struct Knot {
  std::size_t cue = 0;  ///< index of the cue it times
  Millis time = 0;      ///< when that cue starts
  int priority = 0;     ///< among knots on one cue the highest wins: 2 the cue's own paragraph
                        ///< start, 1 an earlier empty paragraph's start, 0 a paragraph's end
  bool exact = false;   ///< the cue's start is read from the source (estimated = false)
  std::string label;    ///< how warnings name it, e.g. the paragraph's first words
};

/// Start, end and exactness of one timed cue.
struct CueTime {
  Millis start = 0;    ///< when it appears
  Millis end = 0;      ///< when it disappears (> start)
  bool exact = false;  ///< start read from the source
};

/// Times every cue: between two kept knots the time is shared out in proportion to syllables,
/// no cue getting less than its reading time at target_cps (then max_cps, then the bare minimum
/// with a warning); after the last knot at the speaking rate measured so far; never past
/// `duration` when known. Knots that would make starts non-increasing, leave the cues before
/// them less than min_gap + 1 ms each, or lie past `duration` are dropped with a warning.
std::vector<CueTime> time_cues(const std::vector<CueMeasure>& cues, std::vector<Knot> knots,
                               std::optional<Millis> duration, const Options& options, Host& host);

/// Times past this (about 35,000 years) are not used as knots, which keeps every sum of times
/// far from overflow.
inline constexpr Millis max_knot_time = Millis{1} << 50;

/// The speaking rate assumed when the transcript states no usable times: 250 ms a syllable
/// (4 syllables a second, about 170 words a minute of English).
inline constexpr double default_ms_per_syllable = 250;

}  // namespace castkit::layout::detail
