// Helpers shared by the text plugin's tests: a host that records diagnostics, file reading, and
// running the importer the way the host does.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "castkit/plugin.hpp"
#include "text_format.hpp"

namespace castkit::text_page::test {

/// A Host that keeps what plugins report and refuses to fetch.
class RecordingHost final : public Host {
 public:
  std::vector<Diagnostic> diagnostics;  ///< everything reported, in order
  void report(const Diagnostic& diagnostic) override { diagnostics.push_back(diagnostic); }
  void log(LogLevel, std::string_view) override {}
  FetchResponse fetch(const FetchRequest&) override { throw std::logic_error("no fetch in tests"); }
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>&) override {
    throw std::logic_error("no fetch in tests");
  }
};

/// The bytes of a file under the test data folder.
inline std::string read_test_file(const std::string& relative) {
  std::ifstream in(std::string(CASTKIT_TEST_DATA) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open test file " + relative);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// Imports text page bytes into a fresh show; diagnostics land in `host`.
inline Show import_page(const std::string& bytes, RecordingHost& host,
                        const std::string& name = "page.txt", const ConfigNode* project = nullptr) {
  Context context{host, ConfigView(), ConfigView(project)};
  Input input{name, bytes, "", "", ""};
  Show show;
  importer_spec().create()->read(input, show, context);
  return show;
}

}  // namespace castkit::text_page::test
