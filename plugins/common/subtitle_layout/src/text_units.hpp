// Words, UTF-8 character counts, syllable estimates and break preferences for the subtitle layout.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace castkit::layout::detail {

/// The number of Unicode code points in UTF-8 `text` (what "characters" means for line limits).
std::size_t count_code_points(std::string_view text);

/// The words of `text`: runs of anything but ASCII whitespace (a no-break space stays inside).
std::vector<std::string_view> split_words(std::string_view text);

/// An estimate of how many syllables it takes to say `word` (0 for punctuation only): vowel
/// groups for Latin and Cyrillic letters, minus a silent final English "e"; one per digit; one
/// per CJK character or Hangul block; one per three letters of other scripts.
int estimate_syllables(std::string_view word);

/// True when `word` ends a sentence: . ! ? or … possibly followed by closing quotes/brackets.
bool ends_sentence(std::string_view word);

/// How good a place the space between two words is for a line or cue break (lower is better).
enum class BreakClass {
  sentence = 0,     ///< after a sentence end: . ! ? … (closing quotes and brackets allowed)
  clause = 1,       ///< after , ; : or around a dash
  conjunction = 2,  ///< before a conjunction or preposition
  word = 3,         ///< anywhere else between words
};

/// The break class of the space between `before` and `after`.
BreakClass break_class(std::string_view before, std::string_view after);

}  // namespace castkit::layout::detail
