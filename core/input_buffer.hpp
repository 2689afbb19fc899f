// Where an input's bytes live while it is read: a private read-only mapping of a file, or memory
// the host filled (stdin, a fetched body, a small file).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace castkit::host {

/// An input's bytes with zeros readable after their end (parsers may read past the end in
/// blocks). Never moves the bytes, so views of them stay valid while it lives.
class InputBuffer {
 public:
  /// Maps `size` bytes of the open file `fd` (size > 0), followed by at least one page of zeros.
  /// Returns nullptr when the file cannot be mapped (the caller reads it instead).
  static std::unique_ptr<InputBuffer> map_file(int fd, std::size_t size);
  /// Takes `bytes` over, followed by `held_padding` zeros.
  static std::unique_ptr<InputBuffer> hold(std::string bytes);

  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;
  ~InputBuffer();

  /// The input.
  std::string_view bytes() const { return {data_, size_}; }
  /// How many zero bytes after bytes() may be read.
  std::size_t readable_padding() const { return padding_; }
  /// Lets the memory of the bytes before `offset` go: a mapped file drops those pages, which are
  /// read again from the file if they are ever touched; held memory is kept.
  void release_before(std::size_t offset);

  /// Zero bytes after the end of a held input (what simdjson asks for).
  static constexpr std::size_t held_padding = 64;

 private:
  InputBuffer() = default;

  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t padding_ = 0;
  std::size_t mapped_length_ = 0;  // 0: held in `held_`
  std::size_t released_ = 0;       // bytes from the start already released
  std::string held_;
};

}  // namespace castkit::host
