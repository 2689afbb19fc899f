#include "test_server.hpp"

#include <cstdio>
#include <stdexcept>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace castkit::net::testing {

TestServer& TestServer::instance(const std::string& root) {
  static TestServer server(root);
  return server;
}

TestServer::TestServer(const std::string& root) {
  int to_child[2], from_child[2];
  if (pipe(to_child) != 0 || pipe(from_child) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
  posix_spawn_file_actions_addclose(&actions, to_child[1]);
  posix_spawn_file_actions_addclose(&actions, from_child[0]);
  std::string script = CASTKIT_NET_TEST_SERVER;
  std::string root_arg = root;
  char* argv[] = {const_cast<char*>("/usr/bin/python3"), script.data(), const_cast<char*>("--root"),
                  root_arg.data(), nullptr};
  if (posix_spawn(&pid_, "/usr/bin/python3", &actions, nullptr, argv, environ) != 0)
    throw std::runtime_error("cannot start the test server");
  posix_spawn_file_actions_destroy(&actions);
  close(to_child[0]);
  close(from_child[1]);
  stdin_fd_ = to_child[1];
  FILE* out = fdopen(from_child[0], "r");
  if (!out || std::fscanf(out, "PORT %d", &port_) != 1)
    throw std::runtime_error("the test server did not report its port");
  std::fclose(out);
}

TestServer::~TestServer() {
  if (stdin_fd_ >= 0) close(stdin_fd_);  // the server exits when its stdin closes
  if (pid_ > 0) waitpid(pid_, nullptr, 0);
}

std::string TestServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace castkit::net::testing
