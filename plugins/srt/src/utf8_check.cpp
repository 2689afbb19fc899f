// UTF-8 validity: ASCII skipped 64 bytes at a time with SSE2, the runs of other bytes between
// ASCII ones checked by the SDK.
#include "utf8_check.hpp"

#include <cstdint>

#include "castkit/text.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace castkit::srt {
namespace {

constexpr std::size_t kBlock = 64;

bool is_ascii(char c) {
  return static_cast<unsigned char>(c) < 0x80;
}

// Bit i set when byte i of the kBlock bytes at `data` is not ASCII.
std::uint64_t non_ascii_bytes(const char* data) {
#ifdef __SSE2__
  std::uint64_t mask = 0;
  for (std::size_t at = 0; at < kBlock; at += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    mask |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(bytes))} << at;
  }
  return mask;
#else
  std::uint64_t mask = 0;
  for (std::size_t at = 0; at < kBlock; ++at)
    if (!is_ascii(data[at])) mask |= std::uint64_t{1} << at;
  return mask;
#endif
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  const char* data = text.data();
  const std::size_t n = text.size();
  std::size_t at = 0;  // always the start of a character
  for (;;) {
    // To the next byte that is not ASCII.
    if (at + kBlock <= n) {
      const std::uint64_t mask = non_ascii_bytes(data + at);
      if (!mask) {
        at += kBlock;
        continue;
      }
      at += static_cast<std::size_t>(__builtin_ctzll(mask));
    } else {
      while (at < n && is_ascii(data[at])) ++at;
      if (at == n) return true;
    }
    // The run of such bytes, whole characters between ASCII ones, checked by the SDK.
    std::size_t end = at + 1;
    while (end < n && !is_ascii(data[end])) ++end;
    if (find_invalid_utf8(text.substr(at, end - at))) return false;
    at = end;
  }
}

}  // namespace castkit::srt
