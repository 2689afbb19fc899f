// JSON skimming with SSE2 (the x86-64 baseline): 16 bytes per step through a string, 64 bytes
// per step through a container (bit masks of quotes and brackets; a running parity of the quotes
// tells which bytes are inside strings). Processors with AVX2, PCLMULQDQ and POPCNT (chosen at
// run time) take the 64 bytes in two loads, the running parity in one carry-less
// multiplication, and skip a block without looking at its brackets one by one when it has fewer
// closing brackets than there are open containers; with AVX-512 (BW) too, the 64 bytes take one
// load and their comparisons give the bit masks directly.
#include "json_skim.hpp"

#include <cstdint>

#include "cpu_kernels.hpp"
#include "input_prefetch.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
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

/// Where skimming a container is: string state and nesting depth, carried from block to block.
struct ContainerState {
  std::uint64_t in_string = 0;  // all ones inside a string, else 0 (a mask for whole blocks)
  bool escaped = false;         // the previous byte was a backslash that escapes this one
  std::size_t depth = 0;
};

/// Skims text[pos, end) byte by byte; returns the position just past the byte that closes the
/// container, or npos when it is not in this range.
std::size_t skim_bytes(std::string_view text, std::size_t pos, std::size_t end,
                       ContainerState& state) {
  for (; pos < end; ++pos) {
    const char c = text[pos];
    if (state.in_string) {
      if (state.escaped)
        state.escaped = false;
      else if (c == '\\')
        state.escaped = true;
      else if (c == '"')
        state.in_string = 0;
    } else if (c == '"') {
      state.in_string = ~std::uint64_t{0};
    } else if (c == '{' || c == '[') {
      ++state.depth;
    } else if ((c == '}' || c == ']') && --state.depth == 0) {
      return pos + 1;
    }
  }
  return npos;
}

#if defined(__SSE2__)
/// Bit masks of the 64 bytes of a block (bit i for byte i).
struct BlockBits {
  std::uint64_t backslashes = 0;
  std::uint64_t quotes = 0;
  std::uint64_t opens = 0;   // '{' and '['
  std::uint64_t closes = 0;  // '}' and ']'
};

/// The backslashes, quotes and brackets of the 64 bytes at `p`.
/// ('{' | 0x20 == '{' == '[' | 0x20 and '}' | 0x20 == '}' == ']' | 0x20.)
BlockBits block_bits(const char* p) {
  BlockBits bits;
  const __m128i backslash = _mm_set1_epi8('\\'), quote = _mm_set1_epi8('"');
  const __m128i lower = _mm_set1_epi8(0x20), open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}');
  for (int i = 0; i < 4; ++i) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    const __m128i folded = _mm_or_si128(block, lower);
    const auto mask = [&](__m128i equal) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(equal)))
             << (16 * i);
    };
    bits.backslashes |= mask(_mm_cmpeq_epi8(block, backslash));
    bits.quotes |= mask(_mm_cmpeq_epi8(block, quote));
    bits.opens |= mask(_mm_cmpeq_epi8(folded, open));
    bits.closes |= mask(_mm_cmpeq_epi8(folded, close));
  }
  return bits;
}

/// The bytes of the block escaped by a backslash: each backslash that is not itself escaped
/// escapes the byte after it. `carry` comes in true when the previous block ended in such a
/// backslash, and goes out set that way for the next block.
std::uint64_t escaped_bytes(std::uint64_t backslashes, bool& carry) {
  std::uint64_t escaped = carry ? 1 : 0;
  carry = false;
  for (; backslashes; backslashes &= backslashes - 1) {
    const int bit = __builtin_ctzll(backslashes);
    if (escaped >> bit & 1) continue;
    if (bit == 63)
      carry = true;
    else
      escaped |= std::uint64_t{1} << (bit + 1);
  }
  return escaped;
}

/// Bit i set when an odd number of bits 0..i of x are set: the bytes from an opening quote up
/// to (not including) its closing one.
std::uint64_t running_parity(std::uint64_t x) {
  for (int shift = 1; shift < 64; shift *= 2) x ^= x << shift;
  return x;
}

/// The quotes of a block that open or close strings: those not escaped by a backslash.
inline std::uint64_t unescaped_quotes(std::uint64_t quotes, std::uint64_t backslashes,
                                      ContainerState& state) {
  return backslashes || state.escaped ? quotes & ~escaped_bytes(backslashes, state.escaped)
                                      : quotes;
}

/// The bytes of a block inside strings, from the running parity of its unescaped quotes and
/// whether the block starts inside a string; records whether the next one does.
inline std::uint64_t inside_strings(std::uint64_t parity, ContainerState& state) {
  const std::uint64_t inside = parity ^ state.in_string;
  state.in_string = static_cast<std::uint64_t>(static_cast<std::int64_t>(inside) >> 63);
  return inside;
}

/// Follows a block's brackets (those outside strings) in order; returns the offset in the
/// block just past the one that closes the container, or npos.
inline std::size_t walk_brackets(std::uint64_t opens, std::uint64_t closes, ContainerState& state) {
  for (std::uint64_t brackets = opens | closes; brackets; brackets &= brackets - 1) {
    const int bit = __builtin_ctzll(brackets);
    if (opens >> bit & 1)
      ++state.depth;
    else if (--state.depth == 0)
      return static_cast<std::size_t>(bit) + 1;
  }
  return npos;
}

/// Skims the 64 bytes at text[pos] with bit masks; returns the position just past the byte
/// that closes the container, or npos when it is not in the block.
std::size_t skim_block(std::string_view text, std::size_t pos, ContainerState& state) {
  const BlockBits bits = block_bits(text.data() + pos);
  const std::uint64_t inside =
      inside_strings(running_parity(unescaped_quotes(bits.quotes, bits.backslashes, state)), state);
  const std::size_t end = walk_brackets(bits.opens & ~inside, bits.closes & ~inside, state);
  return end == npos ? npos : pos + end;
}
#endif

#if defined(__x86_64__)
/// Follows one block of skim_blocks_avx2 or _avx512 given its bit masks: the running parity of
/// its quotes in one carry-less multiplication, and its brackets one by one only when it has as
/// many closing brackets as there are open containers. Returns the offset in the block just past
/// the byte that closes the container, or npos.
[[gnu::target("pclmul,popcnt"), gnu::always_inline]] inline std::size_t follow_block(
    const BlockBits& bits, ContainerState& state) {
  // Multiplying by all ones without carries: bit i is the parity of quote bits 0..i.
  const std::uint64_t parity = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_clmulepi64_si128(
      _mm_set_epi64x(
          0, static_cast<long long>(unescaped_quotes(bits.quotes, bits.backslashes, state))),
      _mm_set1_epi8(static_cast<char>(0xFF)), 0)));
  const std::uint64_t inside = inside_strings(parity, state);
  const std::uint64_t opens = bits.opens & ~inside;
  const std::uint64_t closes = bits.closes & ~inside;
  const auto close_count = static_cast<std::size_t>(_mm_popcnt_u64(closes));
  if (close_count < state.depth) {
    state.depth += static_cast<std::size_t>(_mm_popcnt_u64(opens)) - close_count;
    return npos;
  }
  return walk_brackets(opens, closes, state);
}

/// The bit mask of the 64 bytes compared in `low` and `high` (bit i for byte i).
[[gnu::target("avx2")]] inline std::uint64_t mask(__m256i low_equal, __m256i high_equal) {
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(low_equal))) |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(high_equal)))
             << 32;
}

/// Skims the 64-byte blocks from text[pos] on, each in two AVX2 loads; returns the position
/// just past the byte that closes the container, or npos with `pos` at the first byte of the
/// incomplete last block. (The position and the state live in locals while skimming: kept in
/// `pos` and `state`, each block would store and load them on the loop's critical path.)
[[gnu::target("avx2,pclmul,popcnt")]] std::size_t skim_blocks_avx2(std::string_view text,
                                                                   std::size_t& pos,
                                                                   ContainerState& state) {
  const __m256i backslash = _mm256_set1_epi8('\\'), quote = _mm256_set1_epi8('"');
  const __m256i lower = _mm256_set1_epi8(0x20), open = _mm256_set1_epi8('{');
  const __m256i close = _mm256_set1_epi8('}');
  ContainerState local = state;
  std::size_t at = pos, end = npos;
  for (; at + 64 <= text.size(); at += 64) {
    prefetch_ahead(text, at);
    const auto* p = reinterpret_cast<const __m256i*>(text.data() + at);
    const __m256i low = _mm256_loadu_si256(p), high = _mm256_loadu_si256(p + 1);
    const __m256i low_folded = _mm256_or_si256(low, lower);
    const __m256i high_folded = _mm256_or_si256(high, lower);
    BlockBits bits;
    bits.backslashes = mask(_mm256_cmpeq_epi8(low, backslash), _mm256_cmpeq_epi8(high, backslash));
    bits.quotes = mask(_mm256_cmpeq_epi8(low, quote), _mm256_cmpeq_epi8(high, quote));
    bits.opens = mask(_mm256_cmpeq_epi8(low_folded, open), _mm256_cmpeq_epi8(high_folded, open));
    bits.closes = mask(_mm256_cmpeq_epi8(low_folded, close), _mm256_cmpeq_epi8(high_folded, close));
    if (const std::size_t closed = follow_block(bits, local); closed != npos) {
      end = at + closed;
      break;
    }
  }
  pos = at;
  state = local;
  return end;
}

/// skim_blocks_avx2 with each block in one AVX-512 load, compared straight into bit masks.
[[gnu::target("avx512f,avx512bw,pclmul,popcnt")]] std::size_t skim_blocks_avx512(
    std::string_view text, std::size_t& pos, ContainerState& state) {
  const __m512i backslash = _mm512_set1_epi8('\\'), quote = _mm512_set1_epi8('"');
  const __m512i lower = _mm512_set1_epi8(0x20), open = _mm512_set1_epi8('{');
  const __m512i close = _mm512_set1_epi8('}');
  ContainerState local = state;
  std::size_t at = pos, end = npos;
  for (; at + 64 <= text.size(); at += 64) {
    prefetch_ahead(text, at);
    const __m512i block = _mm512_loadu_si512(text.data() + at);
    const __m512i folded = _mm512_or_si512(block, lower);
    BlockBits bits;
    bits.backslashes = _mm512_cmpeq_epi8_mask(block, backslash);
    bits.quotes = _mm512_cmpeq_epi8_mask(block, quote);
    bits.opens = _mm512_cmpeq_epi8_mask(folded, open);
    bits.closes = _mm512_cmpeq_epi8_mask(folded, close);
    if (const std::size_t closed = follow_block(bits, local); closed != npos) {
      end = at + closed;
      break;
    }
  }
  pos = at;
  state = local;
  return end;
}
#endif

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

std::size_t skip_value(std::string_view text, std::size_t pos, Kernel kernel) {
  if (pos >= text.size()) return npos;
  const char first = text[pos];
  if (first == '"') return skip_string(text, pos);
  if (first != '{' && first != '[') {  // a number or literal
    while (pos < text.size() && !is_whitespace(text[pos]) && text[pos] != ',' && text[pos] != '}' &&
           text[pos] != ']')
      ++pos;
    return pos;
  }
  ContainerState state;
#if defined(__x86_64__)
  const CpuKernels& kernels = cpu_kernels();
  std::size_t end = npos;
  if (kernels.avx512 && kernel == Kernel::best) {
    end = skim_blocks_avx512(text, pos, state);
  } else if (kernels.avx2 && (kernel == Kernel::best || kernel == Kernel::avx2)) {
    end = skim_blocks_avx2(text, pos, state);
  }
  if (end != npos) return end;
#endif
#if defined(__SSE2__)
  for (; pos + 64 <= text.size(); pos += 64) {
    prefetch_ahead(text, pos);
    if (const std::size_t end = skim_block(text, pos, state); end != npos) return end;
  }
#endif
  return skim_bytes(text, pos, text.size(), state);
}

}  // namespace castkit::json::skim
