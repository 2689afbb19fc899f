// JSON skimming with SSE2 (the x86-64 baseline): 16 bytes per step through string contents and
// through runs of text between brackets.
#include "json_skim.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace castkit::json::skim {

namespace {

bool is_whitespace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// The first position at or after `pos` holding '"' or '\\' (text.size() when none).
std::size_t find_quote_or_backslash(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; pos + 16 <= text.size(); pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    const int mask = _mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
    if (mask) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; pos < text.size(); ++pos)
    if (text[pos] == '"' || text[pos] == '\\') return pos;
  return text.size();
}

/// The first position at or after `pos` holding '"' or a bracket (text.size() when none).
/// '{' | 0x20 == '{' == '[' | 0x20 and '}' | 0x20 == '}' == ']' | 0x20.
std::size_t find_quote_or_bracket(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i lower = _mm_set1_epi8(0x20);
  const __m128i opening = _mm_set1_epi8('{');
  const __m128i closing = _mm_set1_epi8('}');
  for (; pos + 16 <= text.size(); pos += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    const __m128i folded = _mm_or_si128(block, lower);
    const int mask = _mm_movemask_epi8(_mm_or_si128(
        _mm_cmpeq_epi8(block, quote),
        _mm_or_si128(_mm_cmpeq_epi8(folded, opening), _mm_cmpeq_epi8(folded, closing))));
    if (mask) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '"' || (c | 0x20) == '{' || (c | 0x20) == '}') return pos;
  }
  return text.size();
}

}  // namespace

std::size_t skip_whitespace(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_whitespace(text[pos])) ++pos;
  return pos;
}

std::size_t skip_string(std::string_view text, std::size_t pos) {
  ++pos;  // the opening quote
  while (true) {
    pos = find_quote_or_backslash(text, pos);
    if (pos >= text.size()) return npos;
    if (text[pos] == '"') return pos + 1;
    pos += 2;  // a backslash and the character it escapes
  }
}

std::size_t skip_value(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return npos;
  const char first = text[pos];
  if (first == '"') return skip_string(text, pos);
  if (first != '{' && first != '[') {  // a number or literal
    while (pos < text.size() && !is_whitespace(text[pos]) && text[pos] != ',' && text[pos] != '}' &&
           text[pos] != ']')
      ++pos;
    return pos;
  }
  std::size_t depth = 0;
  while (true) {
    pos = find_quote_or_bracket(text, pos);
    if (pos >= text.size()) return npos;
    const char c = text[pos];
    if (c == '"') {
      pos = skip_string(text, pos);
      if (pos == npos) return npos;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (--depth == 0) {
      return pos + 1;
    }
    ++pos;
  }
}

}  // namespace castkit::json::skim
