// The transcript tests' host and file helpers.
#include "test_host.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace castkit::transcript::testing {

void RecordingHost::report(const Diagnostic& diagnostic) {
  reports.push_back(diagnostic);
}

void RecordingHost::log(LogLevel, std::string_view) {}

FetchResponse RecordingHost::fetch(const FetchRequest&) {
  throw std::logic_error("the transcript plugin never fetches");
}

std::vector<FetchResponse> RecordingHost::fetch_all(const std::vector<FetchRequest>&) {
  throw std::logic_error("the transcript plugin never fetches");
}

bool RecordingHost::reported(std::string_view words) const {
  for (const auto& report : reports)
    if (report.message.find(words) != std::string::npos) return true;
  return false;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  INFO(path);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string data_path(const std::string& relative) {
  return std::string(CASTKIT_TEST_DATA) + "/" + relative;
}

std::string golden_path(const std::string& name) {
  return std::string(CASTKIT_PLUGIN_SOURCE_DIR) + "/tests/golden/" + name;
}

}  // namespace castkit::transcript::testing
