// Cue and line breaking: two small dynamic programmes over the spaces between words.
#include "cue_text.hpp"

#include <algorithm>
#include <limits>

#include "text_units.hpp"

namespace castkit::layout::detail {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

// Cost of breaking at a space of each class (sentence, clause, conjunction, word).
constexpr double cue_break_cost[] = {0, 20, 40, 80};
constexpr double line_break_cost[] = {0, 10, 20, 40};
// Each extra cue or line costs this much, so text is not cut more often than it needs to be.
constexpr double cost_per_cue = 10;
constexpr double cost_per_line = 100;
// A cue cut far from full costs up to this much, so tiny cues are used only at sentence ends.
constexpr double underfill_cost = 15;
// A line of one word in a cue of several lines reads badly ("where / at like the ..."); this
// makes a slightly worse break elsewhere win unless the lone word ends a sentence or clause.
constexpr double lone_word_cost = 25;

// Greedy first fit of words[first, last) into lines: the fewest lines the words can take.
struct LineFill {
  std::size_t max_chars;
  int lines = 0;
  std::size_t current = 0;
  void add(std::size_t word_chars) {
    if (lines > 0 && current + 1 + word_chars <= max_chars) {
      current += 1 + word_chars;
    } else {
      ++lines;
      current = word_chars;
    }
  }
};

std::vector<std::size_t> word_lengths(const std::vector<std::string_view>& words) {
  std::vector<std::size_t> lengths;
  lengths.reserve(words.size());
  for (auto word : words) lengths.push_back(count_code_points(word));
  return lengths;
}

std::string join(const std::vector<std::string_view>& words, std::size_t first, std::size_t last,
                 char separator) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += separator;
    out += words[i];
  }
  return out;
}

// A long paragraph is cut into blocks of words, each laid out on its own, so the dynamic
// programme's memory stays bounded: a block ends at the first sentence end after
// block_words_min words, or at block_words_max words. A sentence end is where the programme
// would cut anyway, so blocks change nothing for paragraphs of ordinary length.
constexpr std::size_t block_words_min = 1000;
constexpr std::size_t block_words_max = 2000;

std::vector<std::string_view> next_block(std::string_view text, std::size_t& position) {
  std::vector<std::string_view> words;
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (words.size() < block_words_max) {
    while (position < text.size() && is_space(text[position])) ++position;
    const std::size_t start = position;
    while (position < text.size() && !is_space(text[position])) ++position;
    if (position == start) break;
    words.push_back(text.substr(start, position - start));
    if (words.size() >= block_words_min && ends_sentence(words.back())) break;
  }
  return words;
}

// Cuts `words` into cues (appended to `cues`) by the cheapest sequence of cuts.
void split_block(const std::vector<std::string_view>& words, const Options& options,
                 std::size_t label_chars, std::vector<CueText>& cues) {
  const std::size_t n = words.size();
  const auto lengths = word_lengths(words);
  const auto capacity = static_cast<double>(options.max_lines * options.max_line_chars);
  // cut_cost[j]: the cost of a cue boundary before words[j] (computed once per boundary).
  std::vector<double> cut_cost(n, 0);
  for (std::size_t j = 1; j < n; ++j)
    cut_cost[j] = cue_break_cost[static_cast<int>(break_class(words[j - 1], words[j]))];
  // best[j]: cheapest cut of words[0, j) into cues; from[j]: where the last cue starts.
  std::vector<double> best(n + 1, infinity);
  std::vector<std::size_t> from(n + 1, 0);
  best[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i] == infinity) continue;
    LineFill fill{static_cast<std::size_t>(options.max_line_chars)};
    if (i == 0 && label_chars > 0) {
      fill.lines = 1;
      fill.current = label_chars;
    }
    std::size_t chars = 0;
    for (std::size_t j = i + 1; j <= n; ++j) {
      fill.add(lengths[j - 1]);
      chars += lengths[j - 1] + (j > i + 1 ? 1 : 0);
      if (fill.lines > options.max_lines && j > i + 1) break;
      double cost = best[i] + cost_per_cue;
      if (j < n) {
        cost += cut_cost[j];
        if (chars < capacity) cost += underfill_cost * (1.0 - chars / capacity);
      }
      if (cost < best[j]) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  std::vector<std::size_t> starts;
  for (std::size_t j = n; j > 0; j = from[j]) starts.push_back(from[j]);
  std::reverse(starts.begin(), starts.end());
  for (std::size_t c = 0; c < starts.size(); ++c) {
    const std::size_t first = starts[c];
    const std::size_t last = c + 1 < starts.size() ? starts[c + 1] : n;
    const std::vector<std::string_view> cue_words(words.begin() + first, words.begin() + last);
    CueText cue;
    cue.text = break_into_lines(cue_words, options, first == 0 ? label_chars : 0);
    for (std::size_t i = first; i < last; ++i) {
      cue.chars += lengths[i] + (i > first ? 1 : 0);
      cue.syllables += estimate_syllables(words[i]);
    }
    cues.push_back(std::move(cue));
  }
}

}  // namespace

std::string break_into_lines(const std::vector<std::string_view>& words, const Options& options,
                             std::size_t label_chars) {
  const std::size_t n = words.size();
  if (n == 0) return {};
  const auto lengths = word_lengths(words);
  const auto max_chars = static_cast<std::size_t>(options.max_line_chars);
  const auto max_lines = static_cast<std::size_t>(options.max_lines);
  // best[k][j]: cheapest way to set words[0, j) on k lines; from[k][j]: where the last line starts.
  std::vector<std::vector<double>> best(max_lines + 1, std::vector<double>(n + 1, infinity));
  std::vector<std::vector<std::size_t>> from(max_lines + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = 0;
  for (std::size_t k = 1; k <= max_lines; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      if (best[k - 1][i] == infinity) continue;
      const double break_cost =
          i == 0 ? 0 : line_break_cost[static_cast<int>(break_class(words[i - 1], words[i]))];
      // The label and its space come before the first line's first word.
      std::size_t length = k == 1 && label_chars > 0 ? label_chars + 1 : 0;
      for (std::size_t j = i + 1; j <= n; ++j) {
        length += lengths[j - 1] + (j > i + 1 ? 1 : 0);
        if (length > max_chars && j > i + 1) break;
        const double slack = length > max_chars ? 0.0 : double(max_chars - length);
        double cost = best[k - 1][i] + cost_per_line + break_cost + slack * slack / max_chars;
        if (j == i + 1 && n > 2) cost += lone_word_cost;
        if (cost < best[k][j]) {
          best[k][j] = cost;
          from[k][j] = i;
        }
      }
    }
  }
  std::size_t lines = 0;
  for (std::size_t k = 1; k <= max_lines; ++k)
    if (best[k][n] != infinity && (lines == 0 || best[k][n] < best[lines][n])) lines = k;
  if (lines == 0) return join(words, 0, n, ' ');  // callers pass words that fit; stay safe
  std::vector<std::size_t> starts(lines);
  for (std::size_t k = lines, j = n; k > 0; --k) {
    starts[k - 1] = from[k][j];
    j = from[k][j];
  }
  std::string out;
  for (std::size_t k = 0; k < lines; ++k) {
    if (k > 0) out += '\n';
    out += join(words, starts[k], k + 1 < lines ? starts[k + 1] : n, ' ');
  }
  return out;
}

std::vector<CueText> split_into_cues(std::string_view paragraph, const Options& options,
                                     std::size_t label_chars) {
  std::vector<CueText> cues;
  std::size_t position = 0;
  for (bool first_block = true;; first_block = false) {
    const auto words = next_block(paragraph, position);
    if (words.empty()) break;
    split_block(words, options, first_block ? label_chars : 0, cues);
  }
  return cues;
}

}  // namespace castkit::layout::detail
