// A Host for the transcript plugin's tests: keeps reports, never fetches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "castkit/host.hpp"
#include "castkit/model.hpp"

namespace castkit::transcript::testing {

/// Records what plugin code reports.
struct RecordingHost : Host {
  std::vector<Diagnostic> reports;  ///< every diagnostic, in order
  void report(const Diagnostic& diagnostic) override;
  void log(LogLevel level, std::string_view message) override;
  FetchResponse fetch(const FetchRequest& request) override;
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) override;
  /// True when some report's message contains `words`.
  bool reported(std::string_view words) const;
};

/// The bytes of the file at `path` (fails the test when it cannot be read).
std::string read_file(const std::string& path);

/// A test data file's path: CASTKIT_TEST_DATA + "/" + relative.
std::string data_path(const std::string& relative);

/// A golden file's path in this plugin's tests/golden folder.
std::string golden_path(const std::string& name);

}  // namespace castkit::transcript::testing
