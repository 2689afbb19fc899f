// fork, load, register, serialize to a pipe; the parent reads the record or the cause of death.
#include "plugin_scan.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "plugin_loader.hpp"
#include "registry_cache.hpp"

namespace castkit::host {
namespace {

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

/// What the child does: everything load_plugin does, then the record on `fd`. Every symbol is
/// bound at load, so a plugin needing one the process lacks is refused with that symbol's name
/// (later runs bind lazily, as the scan has vouched for the file).
[[noreturn]] void child(const std::string& file, int fd) {
  PluginRecord record;
  record.key = file;
  LoadOutcome outcome = load_plugin(file, true);
  if (outcome.plugin) {
    record.name = std::move(outcome.plugin->name);
    record.version = std::move(outcome.plugin->version);
    record.specs = std::move(outcome.plugin->specs);
  } else {
    record.name = plugin_name_from_file(file);
    record.refusal = std::move(outcome.refusal);
  }
  write_all(fd, serialize_registry({record}));
  ::_exit(0);  // no destructors, no atexit handlers of the plugin in the child
}

PluginRecord refused(const std::string& file, const std::string& why) {
  PluginRecord record;
  record.name = plugin_name_from_file(file);
  record.refusal = "plugin " + record.name + " (" + file + "): " + why;
  return record;
}

}  // namespace

PluginRecord scan_plugin(const std::string& file) {
  int fds[2];
  if (::pipe(fds) != 0)
    return refused(file, std::string("cannot be scanned: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return refused(file, std::string("cannot be scanned: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(file, fds[1]);
  }
  ::close(fds[1]);
  std::string bytes;
  char buffer[8192];
  ssize_t n;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status))
    return refused(file, std::string("crashed while loading or registering (") +
                             ::strsignal(WTERMSIG(status)) + ")");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return refused(file, "exited while loading or registering (status " +
                             std::to_string(WEXITSTATUS(status)) + ")");
  std::vector<PluginRecord> records = parse_registry(bytes);
  if (records.size() != 1) return refused(file, "its scan gave no answer");
  return std::move(records.front());
}

}  // namespace castkit::host
