// Appending many small pieces to a std::string without a library call per piece.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace castkit::feed {

/// Appends to a std::string through a pointer: the string is grown ahead of the writing (room),
/// the pieces are copied in place, and the string is cut back to what was written when the buffer
/// goes away. The string must not be touched otherwise while the buffer exists.
class AppendBuffer {
 public:
  /// Appends to `out`; `expected` is a guess of how much will be written (room made at once).
  explicit AppendBuffer(std::string& out, std::size_t expected = 0)
      : out_(out), cursor_(out.data() + out.size()), limit_(cursor_) {
    if (expected > 0) extend(expected);
  }
  AppendBuffer(const AppendBuffer&) = delete;
  AppendBuffer& operator=(const AppendBuffer&) = delete;
  /// Cuts the string to the bytes written.
  ~AppendBuffer() { out_.resize(static_cast<std::size_t>(cursor_ - out_.data())); }

  /// Where the next byte goes, with room for at least `size` bytes; advance() past what was put.
  [[gnu::always_inline]] char* room(std::size_t size) {
    if (static_cast<std::size_t>(limit_ - cursor_) < size) grow(size);
    return cursor_;
  }
  /// Marks the bytes up to `end` (from room()) as written.
  void advance(char* end) { cursor_ = end; }

  /// Appends `text`.
  [[gnu::always_inline]] void put(std::string_view text) {
    char* at = room(text.size());
    std::memcpy(at, text.data(), text.size());
    cursor_ = at + text.size();
  }
  /// Appends `text` whose length is known only when running: up to 64 bytes are copied in
  /// place as overlapping 16-, 8-, 4-byte or single-byte moves rather than by a memcpy call.
  [[gnu::always_inline]] void put_run(std::string_view text) {
    const std::size_t size = text.size();
    if (size > 64) return put(text);
    char* at = room(size);
    const char* from = text.data();
    if (size >= 16) {
      if (size > 32) {
        std::memcpy(at + 16, from + 16, 16);
        std::memcpy(at + size - 32, from + size - 32, 16);
      }
      std::memcpy(at, from, 16);
      std::memcpy(at + size - 16, from + size - 16, 16);
    } else if (size >= 8) {
      std::memcpy(at, from, 8);
      std::memcpy(at + size - 8, from + size - 8, 8);
    } else if (size >= 4) {
      std::memcpy(at, from, 4);
      std::memcpy(at + size - 4, from + size - 4, 4);
    } else if (size > 0) {
      at[0] = from[0];
      at[size / 2] = from[size / 2];
      at[size - 1] = from[size - 1];
    }
    cursor_ = at + size;
  }
  /// Appends `c`.
  [[gnu::always_inline]] void put(char c) {
    *room(1) = c;
    ++cursor_;
  }

 private:
  /// Makes room for `size` more bytes (and some to spare, so that growing is rare).
  void grow(std::size_t size);
  /// Makes the string hold exactly `size` bytes beyond the cursor.
  void extend(std::size_t size);

  std::string& out_;
  char* cursor_;
  char* limit_;
};

}  // namespace castkit::feed
