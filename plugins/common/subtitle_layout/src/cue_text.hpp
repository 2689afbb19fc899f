// Cutting a paragraph into cue-sized pieces and breaking each piece into lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "castkit_common/subtitle_layout.hpp"

namespace castkit::layout::detail {

/// The text of one cue and what the timing needs to know about it.
struct CueText {
  std::string text;       ///< the lines, joined with '\n'
  std::size_t chars = 0;  ///< code points, line breaks counted as one space each
  int syllables = 0;      ///< estimated syllables
};

/// Cuts `paragraph` into cues of at most options.max_lines lines of options.max_line_chars
/// code points, preferring cuts at sentence ends, then after clause punctuation, then before
/// conjunctions and prepositions; never inside a word (a word longer than a line gets a line of
/// its own). Whitespace runs become single spaces. Empty text gives no cues. `label_chars`
/// code points (plus a space) are kept free at the start of the first cue's first line, for a
/// "Name:" label the writer puts there.
std::vector<CueText> split_into_cues(std::string_view paragraph, const Options& options,
                                     std::size_t label_chars = 0);

/// Breaks `words` into at most options.max_lines balanced lines by the same preferences, the
/// first line keeping room for `label_chars` code points and a space when label_chars > 0.
std::string break_into_lines(const std::vector<std::string_view>& words, const Options& options,
                             std::size_t label_chars = 0);

}  // namespace castkit::layout::detail
