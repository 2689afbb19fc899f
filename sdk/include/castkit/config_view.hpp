// castkit SDK: a read-only view of configuration (a YAML section), free of yaml-cpp types.
#pragma once

#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "castkit/diagnostics.hpp"

namespace castkit {

/// One node of configuration as the host parsed it: a scalar, a sequence or a mapping, with the
/// position it was written at so plugins can point at a bad value.
struct ConfigNode {
  /// What the node holds.
  enum class Kind { missing, null, scalar, sequence, mapping };
  Kind kind = Kind::missing;  ///< missing: the key was not there
  std::string scalar;         ///< the text of a scalar
  std::vector<ConfigNode> items;                              ///< sequence elements
  std::vector<std::pair<std::string, ConfigNode>> members;    ///< mapping entries, in order
  std::string file;         ///< configuration file (or "--set" for command-line values)
  std::uint32_t line = 0;   ///< 1-based line, 0 if unknown
  std::uint32_t column = 0; ///< 1-based column, 0 if unknown
};

/// A cheap, read-only handle on a ConfigNode; safe to use when empty (everything is missing).
/// Typed getters return the default when the key is missing and throw castkit::Error (usage,
/// with file:line:col) when the value has the wrong type.
class ConfigView {
 public:
  ConfigView() = default;
  /// A view of `node`, which must outlive the view.
  explicit ConfigView(const ConfigNode* node) : node_(node) {}

  /// True when the node exists (is not missing).
  bool exists() const { return node_ && node_->kind != ConfigNode::Kind::missing; }
  /// The underlying node, or nullptr.
  const ConfigNode* node() const { return node_; }

  /// The member `key` of a mapping (empty view when absent or not a mapping).
  ConfigView operator[](std::string_view key) const {
    if (!node_ || node_->kind != ConfigNode::Kind::mapping) return {};
    for (const auto& [name, child] : node_->members)
      if (name == key) return ConfigView(&child);
    return {};
  }
  /// The elements of a sequence (empty when not a sequence).
  std::vector<ConfigView> items() const {
    std::vector<ConfigView> out;
    if (node_ && node_->kind == ConfigNode::Kind::sequence)
      for (const auto& child : node_->items) out.emplace_back(&child);
    return out;
  }
  /// The keys of a mapping, in order.
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    if (node_ && node_->kind == ConfigNode::Kind::mapping)
      for (const auto& member : node_->members) out.push_back(member.first);
    return out;
  }

  /// A string value.
  std::string as_string(std::string fallback = {}) const {
    if (!exists() || node_->kind == ConfigNode::Kind::null) return fallback;
    if (node_->kind != ConfigNode::Kind::scalar) wrong_type("a string");
    return node_->scalar;
  }
  /// An integer value.
  std::int64_t as_int(std::int64_t fallback) const {
    if (!exists() || node_->kind == ConfigNode::Kind::null) return fallback;
    std::int64_t value = 0;
    const std::string& s = scalar_or("an integer");
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) wrong_type("an integer");
    return value;
  }
  /// A number value.
  double as_double(double fallback) const {
    if (!exists() || node_->kind == ConfigNode::Kind::null) return fallback;
    double value = 0;
    const std::string& s = scalar_or("a number");
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) wrong_type("a number");
    return value;
  }
  /// A boolean value (true/false, yes/no, on/off).
  bool as_bool(bool fallback) const {
    if (!exists() || node_->kind == ConfigNode::Kind::null) return fallback;
    const std::string& s = scalar_or("a boolean");
    if (s == "true" || s == "yes" || s == "on" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "no" || s == "off" || s == "False" || s == "FALSE") return false;
    wrong_type("a boolean (true or false)");
  }

  /// Throws a usage error pointing at this node.
  [[noreturn]] void fail(const std::string& message) const {
    if (node_) fail_usage(message, node_->file, node_->line, node_->column);
    fail_usage(message);
  }

 private:
  const std::string& scalar_or(const char* expected) const {
    if (node_->kind != ConfigNode::Kind::scalar) wrong_type(expected);
    return node_->scalar;
  }
  [[noreturn]] void wrong_type(const char* expected) const {
    fail(std::string("expected ") + expected +
         (node_->kind == ConfigNode::Kind::scalar ? ", found \"" + node_->scalar + "\""
                                                  : std::string(", found a ") +
                                                        (node_->kind == ConfigNode::Kind::mapping
                                                             ? "mapping"
                                                             : "sequence")));
  }

  const ConfigNode* node_ = nullptr;
};

}  // namespace castkit
