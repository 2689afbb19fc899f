// Word, character and syllable counting for the subtitle layout.
#include "text_units.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace castkit::layout::detail {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Decodes the code point at `text[i]` and advances `i`; invalid bytes count as one code point
// each (the layout never rejects text, it only measures it).
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 1;
  if (i + length > text.size()) length = 1;
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      length = 1;
      cp = lead;
      break;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  i += length;
  return cp;
}

bool is_vowel(char32_t cp) {
  static constexpr std::u32string_view vowels =
      U"aeiouyAEIOUY"
      U"àáâãäåæèéêëìíîïòóôõöøùúûüýÿœÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝŒ"
      U"аеёиоуыэюяАЕЁИОУЫЭЮЯ";
  return vowels.find(cp) != std::u32string_view::npos;
}

bool is_letter_like(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0xC0;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// The word without leading and trailing ASCII punctuation, lower-cased.
std::string bare_lower(std::string_view word) {
  auto is_punct = [](char c) {
    return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' ||
           c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*' || c == '_';
  };
  while (!word.empty() && is_punct(word.front())) word.remove_prefix(1);
  while (!word.empty() && is_punct(word.back())) word.remove_suffix(1);
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Drops closing quotes and brackets so "done." and "done.)" and «done.» look alike.
std::string_view without_closers(std::string_view word) {
  for (;;) {
    if (!word.empty() && (word.back() == '"' || word.back() == '\'' || word.back() == ')' ||
                          word.back() == ']' || word.back() == '*' || word.back() == '_')) {
      word.remove_suffix(1);
    } else if (ends_with(word, "\u201D") || ends_with(word, "\u2019") ||
               ends_with(word, "\u00BB")) {
      word.remove_suffix(ends_with(word, "\u00BB") ? 2 : 3);
    } else {
      return word;
    }
  }
}

bool is_dash(std::string_view word) {
  return word == "-" || word == "--" || word == "\u2013" || word == "\u2014";
}

}  // namespace

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) next_code_point(text, i);
  return count;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_ascii_space(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_ascii_space(text[i])) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

int estimate_syllables(std::string_view word) {
  int groups = 0;
  int digits = 0;
  int cjk = 0;
  int other_letters = 0;
  bool in_vowel_group = false;
  bool ascii_only = true;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t cp = next_code_point(word, i);
    if (cp >= 0x80) ascii_only = false;
    const bool vowel = is_vowel(cp);
    if (vowel && !in_vowel_group) ++groups;
    in_vowel_group = vowel;
    if (cp >= '0' && cp <= '9')
      ++digits;
    else if (is_cjk(cp))
      ++cjk;
    else if (!vowel && is_letter_like(cp) && cp >= 0x250)
      ++other_letters;
  }
  if (ascii_only && groups > 1) {
    // A silent final "e" ("make", "time"), but not "-le" ("little") or a lone vowel group.
    const std::string bare = bare_lower(word);
    if (bare.size() > 2 && bare.back() == 'e' && !ends_with(bare, "le") &&
        !is_vowel(static_cast<unsigned char>(bare[bare.size() - 2])))
      --groups;
  }
  int total = groups + digits + cjk + (groups == 0 ? (other_letters + 2) / 3 : 0);
  if (total == 0) {
    for (std::size_t i = 0; i < word.size();)
      if (is_letter_like(next_code_point(word, i))) return 1;
  }
  return total;
}

bool ends_sentence(std::string_view word) {
  const std::string_view end = without_closers(word);
  return ends_with(end, ".") || ends_with(end, "!") || ends_with(end, "?") ||
         ends_with(end, "\u2026");
}

BreakClass break_class(std::string_view before, std::string_view after) {
  if (is_dash(before) || is_dash(after)) return BreakClass::clause;
  if (ends_sentence(before)) return BreakClass::sentence;
  if (ends_with(before, ",") || ends_with(before, ";") || ends_with(before, ":") ||
      ends_with(before, "\u2014") || ends_with(before, "\u2013"))
    return BreakClass::clause;
  static constexpr std::array<std::string_view, 40> joiners = {
      "and",    "but",   "or",      "nor",  "so",     "yet",   "because", "although",
      "though", "while", "whereas", "if",   "unless", "until", "when",    "whenever",
      "where",  "which", "who",     "that", "than",   "since", "as",      "after",
      "before", "about", "at",      "by",   "for",    "from",  "in",      "into",
      "of",     "on",    "onto",    "over", "to",     "with",  "without", "through"};
  const std::string next = bare_lower(after);
  if (std::find(joiners.begin(), joiners.end(), next) != joiners.end())
    return BreakClass::conjunction;
  return BreakClass::word;
}

}  // namespace castkit::layout::detail
