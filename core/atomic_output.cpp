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

}  // namespace

void write_atomically(const std::string& path, std::string_view bytes, bool durable) {
  if (path == "-") {
    if (!write_all(STDOUT_FILENO, bytes))
      fail_io("-", std::string("cannot write to stdout: ") + std::strerror(errno));
    return;
  }
  // An unchanged output is left alone: no rewrite, its mtime kept (make- and rsync-friendly),
  // and no rename that makes ext4 flush the replaced file.
  if (already_holds(path, bytes)) return;
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = (dir == "/" ? "" : dir) + "/." + base + ".castkit-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0)
    fail_io(path, std::string("cannot create a file in ") + dir + ": " + std::strerror(errno));

  std::string failure;
  if (!write_all(fd, bytes))
    failure = std::string("cannot write: ") + std::strerror(errno);
  else if (::fchmod(fd, mode_for(path)) != 0)
    failure = std::string("cannot set permissions: ") + std::strerror(errno);
  else if (durable && ::fdatasync(fd) != 0)
    failure = std::string("cannot flush to disk: ") + std::strerror(errno);
  if (::close(fd) != 0 && failure.empty())
    failure = std::string("cannot close: ") + std::strerror(errno);
  if (failure.empty() && ::rename(temp.c_str(), path.c_str()) != 0)
    failure = std::string("cannot replace the file: ") + std::strerror(errno);
  if (!failure.empty()) {
    ::unlink(temp.c_str());
    fail_io(path, failure);
  }
}

}  // namespace castkit::host
