// The in-place parsing buffer: new[] for small documents, a huge-page mapping for large ones.
#include "parse_buffer.hpp"

#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace castkit::rss {

namespace {

/// The size of a transparent huge page on x86-64 and arm64 with 4 KiB pages; copies from this
/// size on are mapped.
constexpr std::size_t kHugePage = std::size_t{2} << 20;

}  // namespace

ParseBuffer::ParseBuffer(std::string_view bytes) : size_(bytes.size()) {
  if (bytes.empty()) return;
#if defined(__linux__)
  if (bytes.size() >= kHugePage) {
    // Room to start at a huge page boundary, so that the whole copy can use huge pages.
    const std::size_t rounded = (bytes.size() + kHugePage - 1) / kHugePage * kHugePage;
    const std::size_t length = rounded + kHugePage;
    void* mapping =
        ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping != MAP_FAILED) {
      mapping_ = mapping;
      mapped_ = length;
      const auto address = reinterpret_cast<std::uintptr_t>(mapping);
      data_ = reinterpret_cast<char*>((address + kHugePage - 1) & ~(kHugePage - 1));
      ::madvise(data_, rounded, MADV_HUGEPAGE);  // only advice: without it, 4 KiB pages
      std::memcpy(data_, bytes.data(), bytes.size());
      return;
    }
  }
#endif
  data_ = new char[bytes.size()];
  std::memcpy(data_, bytes.data(), bytes.size());
}

ParseBuffer::ParseBuffer(ParseBuffer&& other) noexcept {
  *this = std::move(other);
}

ParseBuffer& ParseBuffer::operator=(ParseBuffer&& other) noexcept {
  if (this == &other) return *this;
  release();
  size_ = std::exchange(other.size_, 0);
  mapping_ = std::exchange(other.mapping_, nullptr);
  mapped_ = std::exchange(other.mapped_, 0);
  data_ = size_ ? std::exchange(other.data_, other.empty_) : empty_;
  return *this;
}

ParseBuffer::~ParseBuffer() {
  release();
}

void ParseBuffer::release() noexcept {
#if defined(__linux__)
  if (mapping_) ::munmap(mapping_, mapped_);
#endif
  if (!mapping_ && data_ != empty_) delete[] data_;
  data_ = empty_;
  size_ = 0;
  mapping_ = nullptr;
  mapped_ = 0;
}

}  // namespace castkit::rss
