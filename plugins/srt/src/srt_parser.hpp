// The SubRip (SRT) reader: as tolerant as ffmpeg (libavformat/srtdec.c) and VLC
// (modules/demux/subtitle.c): no spec, so the rules are written down in docs/subtitles.md.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/model.hpp"

namespace castkit::srt {

/// One cue as read: times, index, the raw text lines (tags still in) and what followed the end
/// time on the timing line. The views point into the input or into the reader's own buffer and
/// hold only while the cue is handed over.
struct RawCue {
  Millis start = 0;              ///< start time
  Millis end = 0;                ///< end time (may be before start)
  std::string_view id;           ///< the index line above the times ("" when missing)
  std::string_view text;         ///< payload lines joined by '\n', blank lines removed
  std::string_view coordinates;  ///< e.g. "X1:63 X2:223 Y1:43 Y2:58" ("" when none)
  std::uint32_t line = 0;        ///< 1-based line of the timing line
};

/// A problem that does not stop reading.
struct ReadWarning {
  std::uint32_t line = 0;  ///< 1-based line
  std::string message;     ///< what happened
};

/// What reading an SRT file found besides its cues.
struct ReadReport {
  std::vector<ReadWarning> warnings;  ///< in file order
  std::size_t empty_cues = 0;         ///< cues with no text, skipped
};

/// The times on a timing line: "start --> end [rest]".
struct Timing {
  Millis start = 0;       ///< start
  Millis end = 0;         ///< end
  std::string_view rest;  ///< what follows the end time, trimmed
};

/// Result of looking at one line as a timing line.
enum class TimingResult { not_timing, ok, out_of_range };

/// False for lines that cannot be timing lines, told cheaply: the shortest is "0:0,0->0:0,0"
/// (or "0:0:0->0:0:0"), and every one starts with a digit, a space or a tab.
inline bool may_be_timing_line(std::string_view line) {
  constexpr std::size_t kShortest = 12;
  if (line.size() < kShortest) return false;
  const char first = line.front();
  return (first >= '0' && first <= '9') || first == ' ' || first == '\t';
}

/// Reads `line` as "[hh+:]mm:ss[,.]mmm --> [hh+:]mm:ss[,.]mmm [rest]" (spaces around the arrow
/// optional, "->" accepted, 1-3 digit fractions read as milliseconds like ffmpeg and VLC).
TimingResult read_timing_line(std::string_view line, Timing& timing);

/// Lets a streaming reader check and release the text while read_srt goes through it: called
/// before read_srt looks at bytes past what the gate last allowed (at first nothing), with
/// `held`, the offset of the first byte read_srt still refers to, and `needed`, the end of the
/// line about to be read. Returns the offset up to which read_srt may now read (>= needed).
using ReadGate = std::function<std::size_t(std::size_t held, std::size_t needed)>;

/// Splits UTF-8 `text` into cues, handing each to `on_cue` as soon as it is complete (the cue
/// object is reused for the next cue); returns the warnings and counts. Lines longer than
/// `max_line_bytes` throw an input error that names `name`. Without a `gate` the whole text may
/// be read at once.
ReadReport read_srt(std::string_view text, const std::string& name, std::size_t max_line_bytes,
                    const std::function<void(const RawCue&)>& on_cue,
                    const ReadGate* gate = nullptr);

}  // namespace castkit::srt
