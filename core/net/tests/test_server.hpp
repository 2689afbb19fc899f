// Starts test_server.py on 127.0.0.1 for the duration of a test run.
#pragma once

#include <string>

namespace castkit::net::testing {

/// The test HTTP server, started on first use and stopped when the test process exits.
class TestServer {
 public:
  /// The running server (started once per process, serving `root` under /files/).
  static TestServer& instance(const std::string& root = CASTKIT_TEST_DATA);
  /// "http://127.0.0.1:<port>" + `path`.
  std::string url(const std::string& path) const;
  ~TestServer();

 private:
  explicit TestServer(const std::string& root);
  int pid_ = -1;
  int stdin_fd_ = -1;
  int port_ = 0;
};

}  // namespace castkit::net::testing
