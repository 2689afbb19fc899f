// Shared helpers for the json plugin's tests: a model with every field set, a host that records
// diagnostics, and file reading.
#pragma once

#include <string>
#include <vector>

#include "castkit/host.hpp"
#include "castkit/model.hpp"

namespace castkit::json::testing {

/// A show in which every field of every struct of model.hpp is set (two episodes, extension
/// values of every kind, provenance, estimated segment times, text that needs escaping).
Show rich_model();

/// A Host that keeps what plugins report and fetches nothing.
class RecordingHost final : public Host {
 public:
  std::vector<Diagnostic> diagnostics;  ///< everything reported, in order
  void report(const Diagnostic& d) override { diagnostics.push_back(d); }
  void log(LogLevel, std::string_view) override {}
  FetchResponse fetch(const FetchRequest& request) override;
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) override;
};

/// The whole content of a file (fails the test when it cannot be read).
std::string read_file(const std::string& path);

/// The folder of golden files.
std::string golden_dir();

}  // namespace castkit::json::testing
