// Input bytes mapped from a file (with zero padding after the end) or held in memory.
#include "input_buffer.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>

namespace castkit::host {
namespace {

std::size_t page_size() {
  static const std::size_t size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

std::unique_ptr<InputBuffer> InputBuffer::map_file(int fd, std::size_t size) {
  const std::size_t page = page_size();
  const std::size_t file_pages = (size + page - 1) / page * page;
  // Reserve the file's pages plus one page of zeros, then map the file over the start: the bytes
  // after the end of the file up to its last page are zeros too (mmap fills them).
  const std::size_t length = file_pages + page;
  void* reserved = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (reserved == MAP_FAILED) return nullptr;
  if (::mmap(reserved, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
    ::munmap(reserved, length);
    return nullptr;
  }
  std::unique_ptr<InputBuffer> buffer(new InputBuffer);
  buffer->data_ = static_cast<const char*>(reserved);
  buffer->size_ = size;
  buffer->padding_ = length - size;
  buffer->mapped_length_ = length;
  return buffer;
}

std::unique_ptr<InputBuffer> InputBuffer::hold(std::string bytes) {
  std::unique_ptr<InputBuffer> buffer(new InputBuffer);
  const std::size_t size = bytes.size();
  bytes.resize(size + held_padding, '\0');
  buffer->held_ = std::move(bytes);
  buffer->data_ = buffer->held_.data();
  buffer->size_ = size;
  buffer->padding_ = held_padding;
  return buffer;
}

InputBuffer::~InputBuffer() {
  if (mapped_length_ != 0) ::munmap(const_cast<char*>(data_), mapped_length_);
}

void InputBuffer::release_before(std::size_t offset) {
  if (mapped_length_ == 0) return;
  const std::size_t page = page_size();
  const std::size_t end = std::min(offset, size_) / page * page;
  if (end <= released_) return;
  // Dropping pages of a private file mapping nobody wrote to only forgets them: touching them
  // again reads them back from the file.
  ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

}  // namespace castkit::host
