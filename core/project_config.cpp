// yaml-cpp -> ConfigNode, keeping each node's position (YAML::Mark is 0-based).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "project_config.hpp"

namespace castkit::host {
namespace {

/// How deep a configuration may nest: castkit's own settings go five levels deep.
constexpr std::size_t kMostDepth = 64;
/// How many values a configuration may hold per byte of its text. Without aliases every value
/// takes at least a byte; aliases may name one value many times, but not a billion times.
constexpr std::size_t kMostValuesPerByte = 16;
/// Values any file may hold on top of that, so that a short file may still use aliases freely.
constexpr std::size_t kValuesAnyFile = 1024;

/// Turns a yaml-cpp document into ConfigNodes, refusing a nesting deeper than kMostDepth (such as
/// an alias inside the value it names, which never ends) and more values than the text's size
/// allows (aliases of aliases).
class Converter {
 public:
  Converter(const std::string& file, KeyPositions* keys, std::size_t text_bytes)
      : file_(file), keys_(keys), values_left_(kMostValuesPerByte * text_bytes + kValuesAnyFile) {}

  /// The ConfigNode of `node`, whose path is `path` and which lies `depth` levels deep.
  ConfigNode convert(const YAML::Node& node, const std::string& path, std::size_t depth) {
    ConfigNode out;
    out.file = file_;
    const YAML::Mark mark = node.Mark();
    if (mark.line >= 0) out.line = static_cast<std::uint32_t>(mark.line) + 1;
    if (mark.column >= 0) out.column = static_cast<std::uint32_t>(mark.column) + 1;
    if (depth > kMostDepth)
      fail_usage("nested more than " + std::to_string(kMostDepth) +
                     " levels deep (is an alias inside the value it names?)",
                 file_, out.line, out.column);
    if (values_left_-- == 0)
      fail_usage("the aliases expand to more values than castkit reads from a file this size (" +
                     std::to_string(kMostValuesPerByte) + " per byte)",
                 file_, out.line, out.column);
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
        out.kind = ConfigNode::Kind::missing;
        break;
      case YAML::NodeType::Null:
        out.kind = ConfigNode::Kind::null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = ConfigNode::Kind::scalar;
        out.scalar = node.Scalar();
        break;
      case YAML::NodeType::Sequence:
        out.kind = ConfigNode::Kind::sequence;
        for (const YAML::Node& item : node)
          out.items.push_back(
              convert(item, path + (path.empty() ? "" : ".") + std::to_string(out.items.size()),
                      depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = ConfigNode::Kind::mapping;
        for (const auto& member : node) {
          const YAML::Mark key_mark = member.first.Mark();
          const auto key_line = static_cast<std::uint32_t>(key_mark.line + 1);
          const auto key_column = static_cast<std::uint32_t>(key_mark.column + 1);
          if (!member.first.IsScalar())
            fail_usage("mapping keys must be plain names", file_, key_line, key_column);
          const std::string& key = member.first.Scalar();
          const std::string child_path = path + (path.empty() ? "" : ".") + key;
          if (keys_) (*keys_)[child_path] = {key_line, key_column};
          out.members.emplace_back(key, convert(member.second, child_path, depth + 1));
        }
        break;
    }
    return out;
  }

 private:
  const std::string& file_;
  KeyPositions* keys_;
  std::size_t values_left_;
};

std::string read_config_bytes(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw Error(ErrorKind::io, Diagnostic{Severity::error, path, 0, 0,
                                          std::string("cannot read: ") + std::strerror(errno)});
  std::string bytes;
  char buffer[65536];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
    bytes.append(buffer, static_cast<std::size_t>(n));
  const int read_errno = errno;
  ::close(fd);
  if (n < 0)
    throw Error(ErrorKind::io,
                Diagnostic{Severity::error, path, 0, 0,
                           std::string("cannot read: ") + std::strerror(read_errno)});
  return bytes;
}

}  // namespace

ConfigNode parse_config(std::string_view text, const std::string& file, KeyPositions* keys) {
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {  // its message is only "bad file"
    fail_usage("nested more than " + std::to_string(e.depth() - 1) + " levels deep", file,
               static_cast<std::uint32_t>(e.mark.line + 1),
               static_cast<std::uint32_t>(e.mark.column + 1));
  } catch (const YAML::Exception& e) {
    fail_usage(e.msg, file, static_cast<std::uint32_t>(e.mark.line + 1),
               static_cast<std::uint32_t>(e.mark.column + 1));
  }
  ConfigNode root = Converter(file, keys, text.size()).convert(document, "", 0);
  if (root.kind == ConfigNode::Kind::missing || root.kind == ConfigNode::Kind::null) {
    root.kind = ConfigNode::Kind::mapping;
    root.line = root.column = 1;
  }
  if (root.kind != ConfigNode::Kind::mapping)
    fail_usage("expected a mapping of settings at the top level", file, root.line, root.column);
  return root;
}

ConfigNode load_config_file(const std::string& path, KeyPositions* keys) {
  return parse_config(read_config_bytes(path), path, keys);
}

void set_config_value(ConfigNode& root, std::string_view key, std::string value,
                      const std::string& origin) {
  ConfigNode* node = &root;
  while (true) {
    if (node->kind != ConfigNode::Kind::mapping) {
      node->kind = ConfigNode::Kind::mapping;
      node->items.clear();
      node->scalar.clear();
    }
    const auto dot = key.find('.');
    const std::string_view part = key.substr(0, dot);
    if (part.empty()) fail_usage("bad configuration key \"" + std::string(key) + "\"", origin);
    ConfigNode* child = nullptr;
    for (auto& [name, member] : node->members)
      if (name == part) child = &member;
    if (!child) {
      node->members.emplace_back(std::string(part), ConfigNode{});
      child = &node->members.back().second;
    }
    child->file = origin;
    child->line = child->column = 0;
    node = child;
    if (dot == std::string_view::npos) break;
    key.remove_prefix(dot + 1);
  }
  node->kind = ConfigNode::Kind::scalar;
  node->scalar = std::move(value);
  node->members.clear();
  node->items.clear();
}

void apply_set_argument(ConfigNode& root, std::string_view argument) {
  const auto eq = argument.find('=');
  if (eq == std::string_view::npos || eq == 0)
    fail_usage("--set expects KEY=VALUE, got \"" + std::string(argument) + "\"");
  set_config_value(root, argument.substr(0, eq), std::string(argument.substr(eq + 1)), "--set");
}

void overlay_config(ConfigNode& base, const ConfigNode& over) {
  if (over.kind == ConfigNode::Kind::missing) return;
  if (base.kind != ConfigNode::Kind::mapping || over.kind != ConfigNode::Kind::mapping) {
    base = over;
    return;
  }
  for (const auto& [name, value] : over.members) {
    ConfigNode* existing = nullptr;
    for (auto& [base_name, base_value] : base.members)
      if (base_name == name) existing = &base_value;
    if (existing)
      overlay_config(*existing, value);
    else
      base.members.emplace_back(name, value);
  }
}

}  // namespace castkit::host
