// A Host for the html plugin's tests: records what the importer logs and fetches; fetches go
// to a real libcurl fetcher (for the local test server) or are refused.
#pragma once

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "castkit/plugin.hpp"
#include "curl_fetcher.hpp"
#include "html_importer.hpp"

namespace castkit::html::testing {

/// Records logs and fetched URLs; fetches only when given a fetcher.
class TestHost final : public Host {
 public:
  /// A host that refuses every fetch (as offline), or fetches with `fetcher`.
  explicit TestHost(std::unique_ptr<net::Fetcher> fetcher = nullptr)
      : fetcher_(std::move(fetcher)) {}
  void report(const Diagnostic& d) override { reports.push_back(d); }
  void log(LogLevel, std::string_view message) override { logs.emplace_back(message); }
  FetchResponse fetch(const FetchRequest& request) override {
    fetched.push_back(request.url);
    if (!fetcher_)
      throw Error(ErrorKind::io,
                  Diagnostic{Severity::error, request.url, 0, 0, "offline test host"});
    return fetcher_->fetch(request);
  }
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) override {
    std::vector<FetchResponse> out;
    for (const auto& r : requests) out.push_back(fetch(r));
    return out;
  }
  std::vector<Diagnostic> reports;   ///< what report() got
  std::vector<std::string> logs;     ///< what log() got
  std::vector<std::string> fetched;  ///< URLs asked for, in order

 private:
  std::unique_ptr<net::Fetcher> fetcher_;
};

/// A fetcher for the local test server: no cache, no politeness delay.
inline std::unique_ptr<net::Fetcher> local_fetcher() {
  net::FetchOptions options;
  options.use_cache = false;
  options.politeness_delay_ms = 0;
  options.progress = false;
  return std::make_unique<net::CurlFetcher>(options);
}

/// The bytes of a file.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Options: a mapping of scalar keys (e.g. {{"site", "changelog"}}).
inline ConfigNode options_node(std::vector<std::pair<std::string, std::string>> values) {
  ConfigNode node;
  node.kind = ConfigNode::Kind::mapping;
  node.file = "test";
  for (auto& [key, value] : values) {
    ConfigNode scalar;
    scalar.kind = ConfigNode::Kind::scalar;
    scalar.scalar = value;
    scalar.file = "test";
    node.members.emplace_back(key, std::move(scalar));
  }
  return node;
}

/// Imports `bytes` as a page named `name` fetched from `url` (empty: a local file).
inline Show import_page(const std::string& bytes, const std::string& name, const std::string& url,
                        TestHost& host, const ConfigNode& options = options_node({})) {
  Input input;
  input.name = name;
  input.bytes = bytes;
  input.url = url;
  Context context{host, ConfigView(&options), ConfigView()};
  Show show;
  HtmlImporter().read(input, show, context);
  return show;
}

/// The signal recorded for `field`, or "" when none.
inline std::string provenance_of(const Episode& episode, const std::string& field) {
  for (const auto& [name, signal] : episode.provenance)
    if (name == field) return signal;
  return {};
}

}  // namespace castkit::html::testing
