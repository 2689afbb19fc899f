// The castkit.yaml schema as a table of key patterns ("[]" any list element, "*" any key).
#include "project_schema.hpp"

#include <charconv>
#include <string_view>
#include <vector>

namespace castkit::host {
namespace {

/// What a key may hold.
enum class Type { string, integer, number, boolean, mapping, sequence, string_or_mapping, open };

/// One schema line.
struct Rule {
  std::string_view pattern;
  Type type;
};

// clang-format off
constexpr Rule kPersonRules[] = {
    {"[]", Type::mapping}, {"[].name", Type::string}, {"[].role", Type::string},
    {"[].group", Type::string}, {"[].img", Type::string}, {"[].href", Type::string}};

constexpr Rule kShowRules[] = {
    {"title", Type::string}, {"link", Type::string}, {"description", Type::string},
    {"language", Type::string}, {"author", Type::string}, {"owner", Type::mapping},
    {"owner.name", Type::string}, {"owner.email", Type::string}, {"image", Type::string},
    {"categories", Type::sequence}, {"categories.[]", Type::string_or_mapping},
    {"categories.[].text", Type::string}, {"categories.[].subcategories", Type::sequence},
    {"categories.[].subcategories.[]", Type::string}, {"explicit", Type::boolean},
    {"type", Type::string}, {"copyright", Type::string}, {"feed_url", Type::string},
    {"podcast_guid", Type::string}, {"locked", Type::boolean}, {"locked_owner", Type::string},
    {"funding", Type::sequence}, {"funding.[]", Type::mapping}, {"funding.[].url", Type::string},
    {"funding.[].text", Type::string}, {"persons", Type::sequence}, {"medium", Type::string},
    {"license", Type::string}, {"license_url", Type::string}, {"keywords", Type::sequence},
    {"keywords.[]", Type::string}};

constexpr Rule kEpisodeRules[] = {
    {"id", Type::string}, {"sources", Type::sequence}, {"sources.[]", Type::string_or_mapping},
    {"sources.[].path", Type::string}, {"sources.[].format", Type::string},
    {"guid", Type::string}, {"guid_is_permalink", Type::boolean}, {"title", Type::string},
    {"subtitle", Type::string}, {"link", Type::string}, {"description", Type::string},
    {"summary", Type::string}, {"published", Type::string}, {"duration", Type::string},
    {"enclosure", Type::mapping}, {"enclosure.url", Type::string}, {"enclosure.type", Type::string},
    {"enclosure.length", Type::integer}, {"image", Type::string}, {"season", Type::integer},
    {"number", Type::number}, {"episode_type", Type::string}, {"explicit", Type::boolean},
    {"persons", Type::sequence}, {"notes", Type::sequence}, {"notes.[]", Type::mapping},
    {"notes.[].title", Type::string}, {"notes.[].url", Type::string},
    {"sponsors", Type::sequence}, {"sponsors.[]", Type::mapping}, {"sponsors.[].name", Type::string},
    {"sponsors.[].url", Type::string}, {"sponsors.[].text", Type::string},
    {"soundbites", Type::sequence}, {"soundbites.[]", Type::mapping},
    {"soundbites.[].start", Type::string}, {"soundbites.[].duration", Type::string},
    {"soundbites.[].title", Type::string}, {"keywords", Type::sequence},
    {"keywords.[]", Type::string}, {"location", Type::mapping}, {"location.name", Type::string},
    {"location.geo", Type::string}, {"location.osm", Type::string}, {"license", Type::string},
    {"license_url", Type::string}, {"transcript_language", Type::string}};

constexpr Rule kTopRules[] = {
    {"output_dir", Type::string}, {"base_url", Type::string}, {"show", Type::mapping},
    {"episodes", Type::sequence}, {"episodes.[]", Type::mapping},
    {"outputs", Type::sequence}, {"outputs.[]", Type::mapping}, {"outputs.[].format", Type::string},
    {"outputs.[].path", Type::string},
    {"transforms", Type::sequence}, {"transforms.[]", Type::mapping},
    {"transforms.[].name", Type::string}, {"transforms.[].options", Type::open},
    {"formats", Type::open},
    {"subtitles", Type::mapping}, {"subtitles.max_line_chars", Type::integer},
    {"subtitles.max_lines", Type::integer}, {"subtitles.min_duration_ms", Type::integer},
    {"subtitles.max_duration_ms", Type::integer}, {"subtitles.target_cps", Type::number},
    {"subtitles.max_cps", Type::number}, {"subtitles.min_gap_ms", Type::integer},
    {"plugins", Type::mapping}, {"plugins.paths", Type::sequence}, {"plugins.paths.[]", Type::string},
    {"fetch", Type::mapping}, {"fetch.offline", Type::boolean}, {"fetch.cache", Type::boolean},
    {"fetch.cache_dir", Type::string}, {"fetch.connect_timeout_ms", Type::integer},
    {"fetch.timeout_ms", Type::integer}, {"fetch.max_body_bytes", Type::integer},
    {"fetch.max_redirects", Type::integer}, {"fetch.max_retries", Type::integer},
    {"fetch.retry_delay_ms", Type::integer}, {"fetch.max_retry_after_ms", Type::integer},
    {"fetch.politeness_delay_ms", Type::integer}, {"fetch.max_connections_per_host", Type::integer},
    {"fetch.max_connections", Type::integer}, {"fetch.progress", Type::boolean},
    {"limits", Type::mapping}, {"limits.max_input_bytes", Type::integer},
    {"limits.max_line_bytes", Type::integer},
    {"input", Type::mapping}, {"input.encoding", Type::string},
    {"output", Type::mapping}, {"output.fsync", Type::boolean},
    {"convert", Type::mapping}, {"convert.streaming", Type::boolean}};
// clang-format on

/// The type a pattern has, or nothing when the schema does not know it.
std::optional<Type> lookup(std::string_view pattern) {
  auto in = [&](const auto& rules, std::string_view prefix) -> std::optional<Type> {
    if (!pattern.starts_with(prefix)) return std::nullopt;
    const std::string_view rest = pattern.substr(prefix.size());
    for (const Rule& r : rules)
      if (r.pattern == rest) return r.type;
    return std::nullopt;
  };
  if (auto t = in(kTopRules, "")) return t;
  if (auto t = in(kShowRules, "show.")) return t;
  if (auto t = in(kEpisodeRules, "episodes.[].")) return t;
  if (auto t = in(kPersonRules, "show.persons.")) return t;
  if (auto t = in(kPersonRules, "episodes.[].persons.")) return t;
  return std::nullopt;
}

const char* describe(Type t) {
  switch (t) {
    case Type::string:
      return "a string";
    case Type::integer:
      return "an integer";
    case Type::number:
      return "a number";
    case Type::boolean:
      return "a boolean (true or false)";
    case Type::mapping:
    case Type::open:
      return "a mapping";
    case Type::sequence:
      return "a list";
    case Type::string_or_mapping:
      return "a string or a mapping";
  }
  return "a value";
}

bool is_integer(const std::string& s) {
  long long v;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size();
}

bool is_number(const std::string& s) {
  double v;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size();
}

bool is_boolean(const std::string& s) {
  for (const char* b :
       {"true", "false", "yes", "no", "on", "off", "True", "False", "TRUE", "FALSE"})
    if (s == b) return true;
  return false;
}

bool fits(const ConfigNode& node, Type type) {
  using K = ConfigNode::Kind;
  if (node.kind == K::null) return true;  // "key:" with nothing: treated as absent
  switch (type) {
    case Type::string:
      return node.kind == K::scalar;
    case Type::integer:
      return node.kind == K::scalar && is_integer(node.scalar);
    case Type::number:
      return node.kind == K::scalar && is_number(node.scalar);
    case Type::boolean:
      return node.kind == K::scalar && is_boolean(node.scalar);
    case Type::mapping:
    case Type::open:
      return node.kind == K::mapping;
    case Type::sequence:
      return node.kind == K::sequence;
    case Type::string_or_mapping:
      return node.kind == K::scalar || node.kind == K::mapping;
  }
  return false;
}

std::string found(const ConfigNode& node) {
  switch (node.kind) {
    case ConfigNode::Kind::scalar:
      return "\"" + node.scalar + "\"";
    case ConfigNode::Kind::mapping:
      return "a mapping";
    case ConfigNode::Kind::sequence:
      return "a list";
    default:
      return "nothing";
  }
}

/// Walks the tree; `path` is the concrete key path, `pattern` the schema pattern.
void walk(const ConfigNode& node, const std::string& path, const std::string& pattern,
          const KeyPositions& keys, Host& host) {
  if (node.kind == ConfigNode::Kind::sequence) {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const std::string item_pattern = pattern + (pattern.empty() ? "" : ".") + "[]";
      const ConfigNode& item = node.items[i];
      if (auto type = lookup(item_pattern)) {
        if (!fits(item, *type))
          fail_usage(std::string("expected ") + describe(*type) + ", found " + found(item),
                     item.file, item.line, item.column);
        if (*type == Type::open) continue;
      }
      walk(item, path + "." + std::to_string(i), item_pattern, keys, host);
    }
    return;
  }
  if (node.kind != ConfigNode::Kind::mapping) return;
  for (const auto& [key, child] : node.members) {
    const std::string child_path = path + (path.empty() ? "" : ".") + key;
    const std::string child_pattern = pattern + (pattern.empty() ? "" : ".") + key;
    const auto type = lookup(child_pattern);
    if (!type) {
      Diagnostic warning{
          Severity::warning, child.file, 0, 0,
          "unknown key \"" + key + "\"" + (path.empty() ? "" : " in " + path) + " (ignored)"};
      if (auto it = keys.find(child_path); it != keys.end()) {
        warning.line = it->second.first;
        warning.column = it->second.second;
      }
      host.report(warning);
      continue;
    }
    if (!fits(child, *type))
      fail_usage("\"" + key + "\": expected " + describe(*type) + ", found " + found(child),
                 child.file, child.line, child.column);
    if (*type != Type::open) walk(child, child_path, child_pattern, keys, host);
  }
}

}  // namespace

void check_project_schema(const ConfigNode& root, const KeyPositions& keys, Host& host) {
  walk(root, "", "", keys, host);
}

}  // namespace castkit::host
