// One pass over cue text: escapes and carriage returns rule it out, and so does a line that
// starts with a space, a tab, a form feed or its own end.
#include "plain_cue_text.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace castkit::vtt {
namespace {

bool needs_escape(char c) {
  return c == '&' || c == '<' || c == '>' || c == '\r';
}

// A character a line may not start with to be copied as it is.
bool invisible(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\n';
}

// The line after the '\n' at `at` starts with a visible character.
bool next_line_visible(const char* data, std::size_t at, std::size_t n) {
  return at + 1 < n && !invisible(data[at + 1]);
}

// is_plain_cue_text, and with kCopy also the copy of `text` to `out` (plain or not: the caller
// uses it only when plain).
template <bool kCopy>
bool plain(std::string_view text, [[maybe_unused]] char* out) {
  const char* data = text.data();
  const std::size_t n = text.size();
  if (n == 0 || invisible(data[0])) return false;
  std::size_t at = 0;
#ifdef __SSE2__
  // Marks the bytes to escape in `bad` and the line ends in `ends`, for 16 bytes from `from`
  // (and copies them).
  auto masks = [data, out](std::size_t from, unsigned& bad, unsigned& ends) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + from));
    if constexpr (kCopy) _mm_storeu_si128(reinterpret_cast<__m128i*>(out + from), bytes);
    const __m128i escaped = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('&')),
                                                      _mm_cmpeq_epi8(bytes, _mm_set1_epi8('<'))),
                                         _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('>')),
                                                      _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r'))));
    bad = static_cast<unsigned>(_mm_movemask_epi8(escaped));
    ends = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
  };
  // Checks the marks of the 16 bytes from `from`.
  auto plain_block = [&](std::size_t from, unsigned bad, unsigned ends) {
    if (bad) return false;
    for (; ends; ends &= ends - 1)
      if (!next_line_visible(data, from + static_cast<std::size_t>(__builtin_ctz(ends)), n))
        return false;
    return true;
  };
  if (n >= 16) {
    unsigned bad = 0, ends = 0;
    for (; at + 16 <= n; at += 16) {
      masks(at, bad, ends);
      if (!plain_block(at, bad, ends)) return false;
    }
    if (at == n) return true;
    // The last bytes in one load that overlaps what was seen.
    const std::size_t last = n - 16;
    const unsigned seen = (1u << (at - last)) - 1;
    masks(last, bad, ends);
    return plain_block(last, bad & ~seen, ends & ~seen);
  }
#endif
  for (; at < n; ++at) {
    if (needs_escape(data[at])) return false;
    if (data[at] == '\n' && !next_line_visible(data, at, n)) return false;
    if constexpr (kCopy) out[at] = data[at];
  }
  return true;
}

}  // namespace

bool is_plain_cue_text(std::string_view text) {
  return plain<false>(text, nullptr);
}

bool copy_plain_cue_text(std::string_view text, char* out) {
  return plain<true>(text, out);
}

}  // namespace castkit::vtt
