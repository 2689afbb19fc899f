// Reading inputs with a size limit, in one pass.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "castkit/diagnostics.hpp"
#include "input_source.hpp"

namespace castkit::host {
namespace {

[[noreturn]] void fail_io(const std::string& name, const std::string& what) {
  throw Error(ErrorKind::io, Diagnostic{Severity::error, name, 0, 0, what});
}

[[noreturn]] void fail_too_big(const std::string& name, std::uint64_t max_bytes) {
  fail_input(name, 0, 0,
             "input is larger than " + std::to_string(max_bytes) +
                 " bytes (raise limits.max_input_bytes to read it)");
}

/// Files from this size on are mapped rather than read: a large input is then paged in as it is
/// parsed and can be dropped behind a streaming import; small ones are cheaper to read.
constexpr std::uint64_t map_from_bytes = 256 << 10;

void read_fd(int fd, const std::string& name, std::uint64_t max_bytes, std::string& out) {
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) fail_too_big(name, max_bytes);
    out.reserve(static_cast<std::size_t>(st.st_size) + InputBuffer::held_padding);
  }
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_io(name, std::string("cannot read: ") + std::strerror(errno));
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) fail_too_big(name, max_bytes);
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

bool is_url(std::string_view name) {
  return name.starts_with("http://") || name.starts_with("https://");
}

InputData input_from_response(const std::string& name, FetchResponse response,
                              std::uint64_t max_bytes) {
  if (response.status == 0) fail_io(name, response.body.empty() ? "fetch failed" : response.body);
  if (response.status >= 400) fail_io(name, "HTTP status " + std::to_string(response.status));
  if (response.body.size() > max_bytes) fail_too_big(name, max_bytes);
  std::string url = response.final_url.empty() ? response.url : response.final_url;
  return {name, InputBuffer::hold(std::move(response.body)), std::move(url),
          std::move(response.content_type)};
}

InputData read_input(const std::string& name, std::uint64_t max_bytes, Host& host) {
  if (is_url(name)) return input_from_response(name, host.fetch({name, {}}), max_bytes);
  InputData input{name, nullptr, {}, {}};
  std::string bytes;
  if (name == "-") {
    read_fd(STDIN_FILENO, name, max_bytes, bytes);
    input.buffer = InputBuffer::hold(std::move(bytes));
    return input;
  }
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail_io(name, std::string("cannot open: ") + std::strerror(errno));
  struct stat st;
  const bool known = ::fstat(fd, &st) == 0;
  if (known && S_ISDIR(st.st_mode)) {
    ::close(fd);
    fail_io(name, "is a directory, expected a file");
  }
  if (known && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) >= map_from_bytes) {
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
      ::close(fd);
      fail_too_big(name, max_bytes);
    }
    input.buffer = InputBuffer::map_file(fd, static_cast<std::size_t>(st.st_size));
  }
  try {
    if (!input.buffer) read_fd(fd, name, max_bytes, bytes);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  if (!input.buffer) input.buffer = InputBuffer::hold(std::move(bytes));
  return input;
}

}  // namespace castkit::host
