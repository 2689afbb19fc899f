// Finding line ends fast, for the subtitle readers (srt, vtt): 16 bytes at a time with SSE2.
#pragma once

#include <cstddef>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace castkit::scan {

/// The offset of the first '\n' or '\r' in `data` at or after `from`, else `n` (the size).
inline std::size_t find_line_end(const char* data, std::size_t from, std::size_t n) {
#ifdef __SSE2__
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  while (from + 16 <= n) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + from));
    const int hits =
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr)));
    if (hits) return from + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(hits)));
    from += 16;
  }
#endif
  while (from < n && data[from] != '\n' && data[from] != '\r') ++from;
  return from;
}

}  // namespace castkit::scan
