// A Host for plugin tests (shared by every plugin's tests): records diagnostics, refuses network
// use.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "castkit/plugin.hpp"

namespace castkit::testing {

/// Records what plugins report; fetching fails.
class RecordingHost : public Host {
 public:
  std::vector<Diagnostic> diagnostics;  ///< everything reported, in order

  void report(const Diagnostic& diagnostic) override { diagnostics.push_back(diagnostic); }
  void log(LogLevel, std::string_view) override {}
  FetchResponse fetch(const FetchRequest&) override {
    throw Error(ErrorKind::io, Diagnostic{Severity::error, {}, 0, 0, "no network in tests"});
  }
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>&) override {
    throw Error(ErrorKind::io, Diagnostic{Severity::error, {}, 0, 0, "no network in tests"});
  }
  /// How many warnings were reported.
  std::size_t warnings() const {
    std::size_t n = 0;
    for (const auto& d : diagnostics) n += d.severity == Severity::warning;
    return n;
  }
};

/// The bytes of a file under the test data folder (tests/data; CASTKIT_TEST_DATA).
inline std::string read_test_file(const std::string& relative) {
  std::ifstream in(std::string(CASTKIT_TEST_DATA) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open test file " + relative);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// A context with empty options and project configuration.
struct TestContext {
  RecordingHost host;
  ConfigNode options_node;
  ConfigNode project_node;
  Context context{host, ConfigView(&options_node), ConfigView(&project_node)};
};

}  // namespace castkit::testing
