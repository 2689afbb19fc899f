// The text of an SRT cue: tags (<i> <b> <u> <font> ...), position codes ({\an8}), character
// references, speaker labels ("NAME:") and dual-speaker dash lines.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "castkit_common/speaker_turns.hpp"

namespace castkit::srt {

/// How speaker labels at the start of a cue are recognised.
struct SpeakerRule {
  /// upper: "NAME:" with no lower-case letters (default); capitalized: also "Name:" and
  /// "Dr. Name:" except common words like "Note"; off: never.
  enum class Mode { upper, capitalized, off } mode = Mode::upper;
  /// A user pattern (ECMAScript regex, formats.srt.speaker_pattern) matched at the start of a
  /// line; group 1 is the name. Replaces `mode` when set.
  std::shared_ptr<const std::regex> pattern;
};

/// One speaker's part of a cue (shared with the exporters through "subtitle.turns").
using SrtTurn = layout::Turn;

/// What the model keeps from an SRT cue's text. The three strings are references (normally to a
/// segment's own), so a reader that reuses one segment reuses their buffers too.
struct SrtContent {
  std::string& text;           ///< plain text, tags and position codes removed, refs decoded
  std::string& html;           ///< text with <i> <b> <u> as HTML; empty when it has none
  std::string& speaker;        ///< label of the cue (its first turn)
  std::string position;        ///< position codes such as "{\an8}", "" when none
  std::vector<SrtTurn> turns;  ///< dash lines with labels: one turn per dash line
};

/// Reads a cue's raw text into `content`, whose strings are cleared first.
void read_srt_text(std::string_view raw, const SpeakerRule& rule, SrtContent& content);

/// Finds a speaker label at the start of `line`: returns the name (a view into `line`) and
/// sets `rest` to the text after the label, or returns "" when there is none.
std::string_view find_speaker_label(std::string_view line, const SpeakerRule& rule,
                                    std::string_view& rest);

}  // namespace castkit::srt
