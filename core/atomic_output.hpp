// Writing outputs so that a failed run leaves an existing file as it was.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace castkit::host {

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, written,
/// flushed to disk (when `durable`), then renamed over `path`. On any failure the temporary file
/// is removed, `path` is untouched, and castkit::Error (io) is thrown. A file that already holds
/// exactly `bytes` is left as it is (its mtime too). "-" writes to stdout.
void write_atomically(const std::string& path, std::string_view bytes, bool durable = false);

/// An output written in pieces (a streaming conversion): a temporary file in the same directory,
/// renamed over `path` by commit(). Destroyed without commit() (a failed or abandoned run), it
/// removes the temporary file and `path` stays as it was. Failures throw castkit::Error (io).
class AtomicFile {
 public:
  /// Creates the temporary file next to `path` (not "-"). With `compare` the bytes written are
  /// compared with the file they replace, so that commit() can leave an unchanged file alone;
  /// without it (the caller knows they differ) the old file is not read.
  AtomicFile(std::string path, bool durable, bool compare = true);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  /// Appends `bytes`.
  void write(std::string_view bytes);
  /// Finishes: renames the file over `path`, unless `path` already holds the same bytes (then it
  /// is left as it is, like write_atomically does).
  void commit();

 private:
  [[noreturn]] void fail(const std::string& what);
  /// Compares the next `bytes` with the file being replaced; a difference ends the comparing.
  void compare_with_old(std::string_view bytes);
  /// Forgets the file being replaced: the new bytes differ from it.
  void stop_comparing();

  std::string path_;
  std::string temp_;
  int fd_ = -1;
  bool durable_;
  int old_fd_ = -1;             // the file being replaced, while the bytes so far match it
  std::uint64_t old_size_ = 0;  // its size
  std::uint64_t written_ = 0;   // bytes written so far
};

}  // namespace castkit::host
