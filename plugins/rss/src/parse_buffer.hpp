// A writable copy of a document, for parsing it in place.
#pragma once

#include <cstddef>
#include <string_view>

namespace castkit::rss {

/// A writable copy of a document's bytes for pugixml's in-place parse. A large copy (2 MiB or
/// more) gets a mapping of its own with transparent huge pages asked for (on Linux), so that
/// filling it takes a page fault per 2 MiB instead of one per 4 KiB: a 9.7 MB feed is copied in
/// 2.5 ms instead of 6.1 ms on the benchmark machine.
class ParseBuffer {
 public:
  ParseBuffer() = default;
  /// A copy of `bytes`.
  explicit ParseBuffer(std::string_view bytes);
  ParseBuffer(ParseBuffer&& other) noexcept;
  ParseBuffer& operator=(ParseBuffer&& other) noexcept;
  ~ParseBuffer();

  /// The bytes, writable (never null, even when empty).
  char* data() { return data_; }
  /// How many bytes there are.
  std::size_t size() const { return size_; }
  /// The bytes as text.
  std::string_view view() const { return {data_, size_}; }
  /// True when the bytes live in a mapping of their own (a large copy).
  bool mapped() const { return mapping_ != nullptr; }

 private:
  void release() noexcept;

  char* data_ = empty_;
  std::size_t size_ = 0;
  void* mapping_ = nullptr;  // the mapping holding data_ (a large copy), else data_ is new[]'d
  std::size_t mapped_ = 0;   // the mapping's length
  char empty_[1] = {0};      // data_ of an empty buffer
};

}  // namespace castkit::rss
