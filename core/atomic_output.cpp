// Atomic file output: temporary file, fsync, rename.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "atomic_output.hpp"
#include "castkit/diagnostics.hpp"

namespace castkit::host {
namespace {

[[noreturn]] void fail_io(const std::string& path, const std::string& what) {
  throw Error(ErrorKind::io, Diagnostic{Severity::error, path, 0, 0, what});
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// The permissions a new file gets: those of the file being replaced, else 0666 less umask.
mode_t mode_for(const std::string& path) {
  struct stat existing;
  if (::stat(path.c_str(), &existing) == 0) return existing.st_mode & 07777;
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

/// True when `path` is a regular file holding exactly `bytes` (then it needs no rewrite).
bool already_holds(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<std::uint64_t>(st.st_size) == bytes.size();
  char buffer[1 << 16];
  while (same && !bytes.empty()) {
    ssize_t n = ::read(fd, buffer, std::min(sizeof buffer, bytes.size()));
    if (n <= 0 || std::memcmp(buffer, bytes.data(), static_cast<std::size_t>(n)) != 0) {
      same = false;
      break;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  ::close(fd);
  return same;
}

/// The temporary file name for `path`: hidden, in the same directory (so rename is atomic).
std::string temp_name_for(const std::string& path) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return (dir == "/" ? "" : dir) + "/." + base + ".castkit-XXXXXX";
}

}  // namespace

AtomicFile::AtomicFile(std::string path, bool durable, bool compare)
    : path_(std::move(path)), temp_(temp_name_for(path_)), durable_(durable) {
  // The file being replaced, compared piece by piece as the new bytes are written.
  if (compare) old_fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat old;
  if (old_fd_ >= 0 && (::fstat(old_fd_, &old) != 0 || !S_ISREG(old.st_mode))) stop_comparing();
  if (old_fd_ >= 0) old_size_ = static_cast<std::uint64_t>(old.st_size);
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) {
    const auto slash = temp_.rfind('/');
    throw Error(ErrorKind::io, Diagnostic{Severity::error, path_, 0, 0,
                                          "cannot create a file in " + temp_.substr(0, slash) +
                                              ": " + std::strerror(errno)});
  }
}

AtomicFile::~AtomicFile() {
  stop_comparing();
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temp_.c_str());
}

void AtomicFile::fail(const std::string& what) {
  const std::string failure = what + std::strerror(errno);
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(temp_.c_str());
  fail_io(path_, failure);
}

void AtomicFile::stop_comparing() {
  if (old_fd_ >= 0) ::close(old_fd_);
  old_fd_ = -1;
}

void AtomicFile::compare_with_old(std::string_view bytes) {
  if (written_ + bytes.size() > old_size_) return stop_comparing();
  char old[1 << 16];
  for (std::size_t done = 0; done < bytes.size() && old_fd_ >= 0;) {
    const std::size_t want = std::min(sizeof old, bytes.size() - done);
    const ssize_t n = ::pread(old_fd_, old, want, static_cast<off_t>(written_ + done));
    if (n != static_cast<ssize_t>(want) || std::memcmp(old, bytes.data() + done, want) != 0)
      stop_comparing();
    done += want;
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (old_fd_ >= 0) compare_with_old(bytes);
  if (!write_all(fd_, bytes)) fail("cannot write: ");
  written_ += bytes.size();
}

void AtomicFile::commit() {
  // An unchanged output is left alone: no rewrite, its mtime kept (make- and rsync-friendly),
  // and no rename that makes ext4 flush the replaced file.
  if (old_fd_ >= 0 && written_ == old_size_) {
    stop_comparing();
    ::close(fd_);
    fd_ = -1;
    ::unlink(temp_.c_str());
    return;
  }
  if (::fchmod(fd_, mode_for(path_)) != 0) fail("cannot set permissions: ");
  if (durable_ && ::fdatasync(fd_) != 0) fail("cannot flush to disk: ");
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    ::unlink(temp_.c_str());
    fail_io(path_, std::string("cannot close: ") + std::strerror(errno));
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    const std::string failure = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(temp_.c_str());
    fail_io(path_, failure);
  }
}

void write_atomically(const std::string& path, std::string_view bytes, bool durable) {
  if (path == "-") {
    if (!write_all(STDOUT_FILENO, bytes))
      fail_io("-", std::string("cannot write to stdout: ") + std::strerror(errno));
    return;
  }
  // Compared in memory first, so an unchanged output costs no temporary file.
  if (already_holds(path, bytes)) return;
  AtomicFile file(path, durable, false);
  file.write(bytes);
  file.commit();
}

}  // namespace castkit::host
