// Memory hints: madvise(MADV_HUGEPAGE) on the 2 MiB-aligned middle of a large buffer.
#include "castkit/memory.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace castkit {

void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::size_t kMinimum = 4u << 20;
  constexpr std::uintptr_t kHugePage = 2u << 20;
  if (!data || bytes < kMinimum) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
  if (last <= first) return;
  // Only advice: a failure (no THP support, not an anonymous mapping) changes nothing.
  (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace castkit
