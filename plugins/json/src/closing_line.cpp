// Finding an element's closing line: line breaks followed, indent.size() bytes further on, by
// '}' are found 16 (SSE2), 32 (AVX2) or 64 (AVX-512) bytes a step, and each is then checked
// byte by byte.
#include "closing_line.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "cpu_kernels.hpp"
#include "input_prefetch.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace castkit::json::layout {

namespace {

using skim::npos;

/// True when the line after the line break at text[line] is `indent`, then '}'.
inline bool closes_at(std::string_view text, std::size_t line, std::string_view indent) {
  const std::size_t close = line + 1 + indent.size();
  return close < text.size() && text[close] == '}' &&
         std::memcmp(text.data() + line + 1, indent.data(), indent.size()) == 0;
}

/// The first of the candidate line breaks (bit i: text[at + i]) whose line closes; the position
/// just past its '}', or npos.
inline std::size_t first_closing(std::string_view text, std::size_t at, std::uint64_t candidates,
                                 std::string_view indent) {
  for (; candidates; candidates &= candidates - 1) {
    const std::size_t line = at + static_cast<std::size_t>(__builtin_ctzll(candidates));
    if (closes_at(text, line, indent)) return line + indent.size() + 2;
  }
  return npos;
}

/// find_closing_line one byte at a time.
std::size_t scan_bytes(std::string_view text, std::size_t pos, std::string_view indent) {
  for (; pos < text.size(); ++pos)
    if (text[pos] == '\n' && closes_at(text, pos, indent)) return pos + indent.size() + 2;
  return npos;
}

#if defined(__SSE2__)
/// find_closing_line 16 bytes a step.
std::size_t scan_sse2(std::string_view text, std::size_t pos, std::string_view indent) {
  const std::size_t shift = indent.size() + 1;  // from a line break to its line's '}'
  const __m128i newline = _mm_set1_epi8('\n'), close = _mm_set1_epi8('}');
  for (; pos + shift + 16 <= text.size(); pos += 16) {
    const auto* p = text.data() + pos;
    if (reinterpret_cast<std::uintptr_t>(p) % 64 < 16)  // once per cache line
      prefetch_ahead(text, pos);
    const __m128i lines =
        _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), newline);
    const __m128i closes =
        _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + shift)), close);
    const auto candidates = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(lines, closes)));
    if (candidates)
      if (const std::size_t end = first_closing(text, pos, candidates, indent); end != npos)
        return end;
  }
  return scan_bytes(text, pos, indent);
}
#endif

#if defined(__x86_64__)
/// find_closing_line 32 bytes a step.
[[gnu::target("avx2")]] std::size_t scan_avx2(std::string_view text, std::size_t pos,
                                              std::string_view indent) {
  const std::size_t shift = indent.size() + 1;
  const __m256i newline = _mm256_set1_epi8('\n'), close = _mm256_set1_epi8('}');
  for (; pos + shift + 32 <= text.size(); pos += 32) {
    prefetch_ahead(text, pos);
    const auto* p = text.data() + pos;
    const __m256i lines =
        _mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), newline);
    const __m256i closes =
        _mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + shift)), close);
    const auto candidates =
        static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(lines, closes)));
    if (candidates)
      if (const std::size_t end = first_closing(text, pos, candidates, indent); end != npos)
        return end;
  }
  return scan_bytes(text, pos, indent);
}

/// find_closing_line 64 bytes a step, compared straight into bit masks.
[[gnu::target("avx512f,avx512bw")]] std::size_t scan_avx512(std::string_view text, std::size_t pos,
                                                            std::string_view indent) {
  const std::size_t shift = indent.size() + 1;
  const __m512i newline = _mm512_set1_epi8('\n'), close = _mm512_set1_epi8('}');
  for (; pos + shift + 64 <= text.size(); pos += 64) {
    prefetch_ahead(text, pos);
    const char* p = text.data() + pos;
    const std::uint64_t candidates = _mm512_cmpeq_epi8_mask(_mm512_loadu_si512(p), newline) &
                                     _mm512_cmpeq_epi8_mask(_mm512_loadu_si512(p + shift), close);
    if (candidates)
      if (const std::size_t end = first_closing(text, pos, candidates, indent); end != npos)
        return end;
  }
  return scan_bytes(text, pos, indent);
}
#endif

}  // namespace

std::optional<std::string_view> element_indent(std::string_view text, std::size_t first) {
  std::size_t start = std::min(first, text.size());
  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
  if (start == 0 || text[start - 1] != '\n') return std::nullopt;
  return text.substr(start, first - start);
}

std::size_t find_closing_line(std::string_view text, std::size_t pos, std::string_view indent,
                              skim::Kernel kernel) {
#if defined(__x86_64__)
  const CpuKernels& kernels = cpu_kernels();
  if (kernels.avx512 && kernel == skim::Kernel::best) return scan_avx512(text, pos, indent);
  if (kernels.avx2 && kernel != skim::Kernel::baseline) return scan_avx2(text, pos, indent);
#endif
#if defined(__SSE2__)
  return scan_sse2(text, pos, indent);
#else
  return scan_bytes(text, pos, indent);
#endif
}

}  // namespace castkit::json::layout
