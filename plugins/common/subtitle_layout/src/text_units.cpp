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
  if (cp < 0x80) {
    switch (cp | 0x20) {  // ASCII, either case
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        return true;
      default:
        return false;
    }
  }
  static constexpr std::u32string_view vowels =
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

// The word without leading and trailing ASCII punctuation.
std::string_view without_punctuation(std::string_view word) {
  auto is_punct = [](char c) {
    return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' ||
           c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*' || c == '_';
  };
  while (!word.empty() && is_punct(word.front())) word.remove_prefix(1);
  while (!word.empty() && is_punct(word.back())) word.remove_suffix(1);
  return word;
}

// ASCII letters lower-cased (short words: fits the small-string buffer, no allocation).
std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Byte by byte: the suffixes are 1 to 3 bytes, too short for a memcmp call to pay.
bool ends_with(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  const std::size_t offset = text.size() - suffix.size();
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (text[offset + i] != suffix[i]) return false;
  return true;
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
    const std::string bare = lower(without_punctuation(word));
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
  // Conjunctions and prepositions a line or cue may start with, sorted for binary search.
  static constexpr std::array<std::string_view, 40> joiners = {
      "about", "after",   "although", "and",   "as",     "at",    "because", "before",
      "but",   "by",      "for",      "from",  "if",     "in",    "into",    "nor",
      "of",    "on",      "onto",     "or",    "over",   "since", "so",      "than",
      "that",  "though",  "through",  "to",    "unless", "until", "when",    "whenever",
      "where", "whereas", "which",    "while", "who",    "with",  "without", "yet"};
  static_assert(std::is_sorted(joiners.begin(), joiners.end()));
  // Joiners are short: skip the bare word's lower-casing for anything longer.
  const std::string_view bare = without_punctuation(after);
  if (bare.size() > 8) return BreakClass::word;
  const std::string next = lower(bare);
  if (std::binary_search(joiners.begin(), joiners.end(), std::string_view(next)))
    return BreakClass::conjunction;
  return BreakClass::word;
}

}  // namespace castkit::layout::detail
