// The scan under the XML escaper: which bytes an output context must look at, found 16, 32 or
// 64 bytes per step. Internal to feed_common (used by xml_escape.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace castkit::feed::xml_scan {

/// What a byte needs: nothing, a replacement, or a UTF-8 check.
enum Need : std::uint8_t { plain = 0, special = 1, multibyte = 2 };

/// Byte classes for one output context.
using ByteTable = std::array<Need, 256>;

/// The table for a context escaping `specials` and the controls (tab and line feed too when
/// `controls_special`).
constexpr ByteTable make_table(std::string_view specials, bool controls_special) {
  ByteTable table{};
  for (int c = 0; c < 0x20; ++c) table[c] = special;
  if (!controls_special) table['\t'] = table['\n'] = plain;
  for (char c : specials) table[static_cast<unsigned char>(c)] = special;
  for (int c = 0x80; c < 0x100; ++c) table[c] = multibyte;
  return table;
}

/// One test of the 16-byte scan: a byte hits when `byte | or_bits == equals`, which is one
/// printable special, or two that differ in one bit (`<` and `>`, `"` and `&`).
struct Probe {
  unsigned char or_bits = 0;
  unsigned char equals = 0;
};

/// How one output context treats the bytes: the table, and the same classes for the 16-byte scan
/// (probes for the printable ASCII characters it escapes; whether tab and line feed pass as they
/// are).
struct Context {
  ByteTable table;
  std::array<Probe, 4> probes;
  std::size_t probe_count;
  bool tab_and_newline_plain;
};

/// A context escaping `printable_specials` (at most 4) and the controls (tab and line feed too
/// when `controls_special`).
constexpr Context make_context(std::string_view printable_specials, bool controls_special) {
  Context context{make_table(printable_specials, controls_special), {}, 0, !controls_special};
  std::array<bool, 4> paired{};
  for (std::size_t i = 0; i < printable_specials.size(); ++i) {
    if (paired[i]) continue;
    const auto first = static_cast<unsigned char>(printable_specials[i]);
    Probe probe{0, first};
    for (std::size_t j = i + 1; j < printable_specials.size(); ++j) {
      const auto second = static_cast<unsigned char>(printable_specials[j]);
      const auto differing = static_cast<unsigned char>(first ^ second);
      if (!paired[j] && (differing & (differing - 1)) == 0) {
        probe = Probe{differing, static_cast<unsigned char>(first | second)};
        paired[j] = true;
        break;
      }
    }
    context.probes[context.probe_count++] = probe;
  }
  return context;
}

/// The length of the valid UTF-8 sequence XML allows at `p`, or 0.
inline std::size_t xml_utf8_length(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  const auto left = end - p;
  auto continuation = [](unsigned char byte) { return (byte & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF)  // U+0080 to U+07FF: all allowed
    return left >= 2 && continuation(p[1]) ? 2 : 0;
  if ((c & 0xF0) == 0xE0) {  // U+0800 to U+FFFF, less the surrogates, U+FFFE and U+FFFF
    if (left < 3 || !continuation(p[1]) || !continuation(p[2])) return 0;
    const char32_t cp = (c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
    return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) && cp < 0xFFFE ? 3 : 0;
  }
  if ((c & 0xF8) == 0xF0) {  // U+10000 to U+10FFFF
    if (left < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) return 0;
    const char32_t cp =
        (c & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu);
    return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
  }
  return 0;  // a continuation byte, an overlong lead (C0, C1) or F8 and up
}

#if defined(__SSE2__)
/// The bits of the 16 `bytes` that `context` does not pass as they are: controls (tab and line
/// feed only where they are not plain), non-ASCII bytes and its specials.
template <const Context& context>
inline unsigned attention_mask(__m128i bytes) {
  // Signed compare: bytes below 0x20 and bytes from 0x80 up are both "less than" 0x20.
  __m128i hit = _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20));
  if constexpr (context.tab_and_newline_plain)
    hit = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')),
                                        _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))),
                           hit);
  for (std::size_t i = 0; i < context.probe_count; ++i) {
    const Probe probe = context.probes[i];
    const __m128i probed =
        probe.or_bits ? _mm_or_si128(bytes, _mm_set1_epi8(static_cast<char>(probe.or_bits)))
                      : bytes;
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(probed, _mm_set1_epi8(static_cast<char>(probe.equals))));
  }
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}

/// attention_mask of the 16 bytes at `p`.
template <const Context& context>
inline unsigned attention_mask(const unsigned char* p) {
  return attention_mask<context>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

/// The `Word` (4 or 8 bytes) at `p`, as it lies in memory.
template <typename Word>
inline Word load(const unsigned char* p) {
  Word word;
  std::memcpy(&word, p, sizeof word);
  return word;
}
#endif

#if defined(__x86_64__)
/// True when the processor runs the AVX2 scan.
inline bool has_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
}

/// attention_mask for the 32 bytes at `p`, with AVX2.
template <const Context& context>
[[gnu::target("avx2")]] inline unsigned attention_mask_avx2(const unsigned char* p) {
  const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  __m256i hit = _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), bytes);  // controls and non-ASCII
  if constexpr (context.tab_and_newline_plain)
    hit = _mm256_andnot_si256(_mm256_or_si256(_mm256_cmpeq_epi8(bytes, _mm256_set1_epi8('\t')),
                                              _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8('\n'))),
                              hit);
  for (std::size_t i = 0; i < context.probe_count; ++i) {
    const Probe probe = context.probes[i];
    const __m256i probed =
        probe.or_bits ? _mm256_or_si256(bytes, _mm256_set1_epi8(static_cast<char>(probe.or_bits)))
                      : bytes;
    hit = _mm256_or_si256(
        hit, _mm256_cmpeq_epi8(probed, _mm256_set1_epi8(static_cast<char>(probe.equals))));
  }
  return static_cast<unsigned>(_mm256_movemask_epi8(hit));
}

/// Steps `p` over 64-byte runs while 64 bytes are left before `end`, passing plain bytes and
/// valid UTF-8 sequences; returns the first byte that needs replacing (a special, a control, bad
/// UTF-8), or null when the runs need nothing.
template <const Context& context>
[[gnu::target("avx2")]] inline const unsigned char* find_in_blocks_avx2(const unsigned char*& p,
                                                                        const unsigned char* end) {
  while (end - p >= 64) {
    std::uint64_t mask =
        attention_mask_avx2<context>(p) | std::uint64_t{attention_mask_avx2<context>(p + 32)} << 32;
    const unsigned char* next = p + 64;
    while (mask != 0) {
      const unsigned char* hit = p + __builtin_ctzll(mask);
      if (*hit < 0x80) return hit;
      const std::size_t length = xml_utf8_length(hit, end);
      if (length == 0) return hit;
      const auto seen = static_cast<std::size_t>(hit - p) + length;  // bytes of this run looked at
      if (seen >= 64) {
        next = hit + length;
        break;
      }
      mask &= ~std::uint64_t{0} << seen;
    }
    p = next;
  }
  return nullptr;
}
#endif

/// The first byte in [p, end) that is not plain in `context`, or `end`; `begin` is where the
/// text starts. Text of 16 bytes or more is scanned 16 bytes per step with SSE2 (the x86-64
/// baseline), the last step reading the text's last 16 bytes (overlapping bytes already seen);
/// from 4 to 15 bytes are looked at in one step as two overlapping halves; less byte by byte.
template <const Context& context>
[[gnu::always_inline]] inline const unsigned char* skip_plain(const unsigned char* begin,
                                                              const unsigned char* p,
                                                              const unsigned char* end) {
#if defined(__SSE2__)
  if (end - begin >= 16) {
    for (; end - p > 32; p += 32)  // two blocks per step: one branch for both
      if (unsigned mask = attention_mask<context>(p) | attention_mask<context>(p + 16) << 16)
        return p + __builtin_ctz(mask);
    for (; end - p > 16; p += 16)
      if (unsigned mask = attention_mask<context>(p)) return p + __builtin_ctz(mask);
    const unsigned char* last = end - 16;
    unsigned mask = attention_mask<context>(last) >> (p - last);  // bytes before p: seen
    return mask != 0 ? p + __builtin_ctz(mask) : end;
  }
  // A hit in the first half is the first one; otherwise it lies in the second half, which ends
  // at `end` (bytes both halves hold are found in the first).
  if (end - p >= 8) {
    unsigned mask =
        attention_mask<context>(_mm_set_epi64x(load<std::int64_t>(end - 8), load<std::int64_t>(p)));
    if (mask & 0xFF) return p + __builtin_ctz(mask);
    return mask != 0 ? end - 16 + __builtin_ctz(mask) : end;
  }
  if (end - p >= 4) {
    const std::uint64_t halves =
        load<std::uint32_t>(p) | std::uint64_t{load<std::uint32_t>(end - 4)} << 32;
    unsigned mask =
        attention_mask<context>(_mm_set_epi64x(0, static_cast<std::int64_t>(halves))) & 0xFF;
    if (mask & 0x0F) return p + __builtin_ctz(mask);
    return mask != 0 ? end - 8 + __builtin_ctz(mask) : end;
  }
#endif
  while (p < end && context.table[*p] == plain) ++p;
  return p;
}

/// The first byte in [p, end) that needs replacing or a UTF-8 check, or `end`, as skip_plain
/// finds it; long text (128 bytes or more left) goes 64 bytes per step with AVX2 where the
/// processor has it, also passing valid UTF-8.
template <const Context& context>
[[gnu::always_inline]] inline const unsigned char* next_to_look_at(const unsigned char* begin,
                                                                   const unsigned char* p,
                                                                   const unsigned char* end) {
#if defined(__x86_64__)
  if (end - p >= 128 && has_avx2())
    if (const unsigned char* hit = find_in_blocks_avx2<context>(p, end)) return hit;
#endif
  return skip_plain<context>(begin, p, end);
}

}  // namespace castkit::feed::xml_scan
