// fork/exec of the castkit binary with pipes for stdin, stdout and stderr.
#include "run_castkit.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace {

void drain(int fd, std::string& into) {
  char buffer[8192];
  ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n > 0) into.append(buffer, static_cast<std::size_t>(n));
}

}  // namespace

std::string scratch_dir(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(CASTKIT_BUILD_DIR) / "test-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

RunResult run_castkit(const std::vector<std::string>& args, const std::string& input,
                      const std::vector<std::string>& extra_env) {
  // A child that exits before reading all its stdin must not kill the test with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  static int run_counter = 0;
  const std::string registry =
      scratch_dir("registry-" + std::to_string(::getpid()) + "-" + std::to_string(run_counter++)) +
      "/registry.bin";
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe(in_pipe) || ::pipe(out_pipe) || ::pipe(err_pipe)) throw std::runtime_error("pipe");
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      ::close(fd);
    // The first definition of a name wins for getenv: the test's own settings go first.
    std::vector<std::string> env = extra_env;
    for (std::string e : {"CASTKIT_REGISTRY=" + registry, std::string("HOME=/nonexistent"),
                          std::string("PATH=/usr/bin:/bin")})
      env.push_back(e);
    std::vector<char*> argv{const_cast<char*>(CASTKIT_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    ::execve(CASTKIT_BINARY, argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  // Feed stdin fully first only when it is small; otherwise interleave with reading.
  std::string_view pending = input;
  ::fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  RunResult result;
  bool out_open = true, err_open = true, in_open = true;
  if (pending.empty()) {
    ::close(in_pipe[1]);
    in_open = false;
  }
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_open) fds.push_back({in_pipe[1], POLLOUT, 0});
    ::poll(fds.data(), fds.size(), -1);
    for (const pollfd& p : fds) {
      if (!p.revents) continue;
      if (p.fd == in_pipe[1]) {
        ssize_t n = ::write(in_pipe[1], pending.data(), pending.size());
        if (n > 0) pending.remove_prefix(static_cast<std::size_t>(n));
        if (n < 0 || pending.empty()) {
          ::close(in_pipe[1]);
          in_open = false;
        }
        continue;
      }
      std::string& into = p.fd == out_pipe[0] ? result.out : result.err;
      const std::size_t before = into.size();
      drain(p.fd, into);
      if (into.size() == before) {
        ::close(p.fd);
        (p.fd == out_pipe[0] ? out_open : err_open) = false;
      }
    }
  }
  if (in_open) ::close(in_pipe[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}
