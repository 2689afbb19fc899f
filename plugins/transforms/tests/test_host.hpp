// A Host for transform tests: records log lines, fetches nothing.
#pragma once

#include <string>
#include <vector>

#include "castkit/diagnostics.hpp"
#include "castkit/host.hpp"

/// Collects what a transform logs.
class TestHost final : public castkit::Host {
 public:
  void report(const castkit::Diagnostic& d) override {
    lines.push_back(castkit::format_diagnostic(d));
  }
  void log(castkit::LogLevel, std::string_view message) override { lines.emplace_back(message); }
  castkit::FetchResponse fetch(const castkit::FetchRequest&) override { return {}; }
  std::vector<castkit::FetchResponse> fetch_all(
      const std::vector<castkit::FetchRequest>&) override {
    return {};
  }
  std::vector<std::string> lines;  ///< everything reported or logged
};

/// A mapping node with one scalar member, for options.
inline castkit::ConfigNode option_node(const std::string& key, const std::string& value) {
  castkit::ConfigNode root;
  root.kind = castkit::ConfigNode::Kind::mapping;
  castkit::ConfigNode child;
  child.kind = castkit::ConfigNode::Kind::scalar;
  child.scalar = value;
  child.file = "castkit.yaml";
  child.line = 3;
  child.column = 9;
  root.members.emplace_back(key, child);
  return root;
}
