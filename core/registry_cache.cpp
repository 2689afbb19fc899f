// Reading and writing the registry cache. Fields are length-prefixed ("5:hello") or numbers
// ending in ';', so reading is one pass over a string_view with no escaping.
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <optional>

#include "castkit/version.hpp"
#include "registry_cache.hpp"

namespace castkit::host {
namespace {

constexpr std::string_view kHeader = "castkit-registry 1 abi " CASTKIT_STRINGIFY(
    CASTKIT_ABI_MAJOR) "." CASTKIT_STRINGIFY(CASTKIT_ABI_MINOR) " " CASTKIT_BUILD_TAG "\n";

/// Appends fields.
class Writer {
 public:
  void num(std::int64_t n) {
    out += std::to_string(n);
    out += ';';
  }
  void str(std::string_view s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
  }
  void strings(const std::vector<std::string>& list) {
    num(static_cast<std::int64_t>(list.size()));
    for (const auto& s : list) str(s);
  }
  void options(const std::vector<OptionSpec>& list) {
    num(static_cast<std::int64_t>(list.size()));
    for (const auto& o : list) {
      str(o.name);
      str(o.key);
      str(o.help);
      num(o.takes_value);
    }
  }
  std::string out;  ///< what was written
};

/// Reads fields; any malformation sets `ok` to false and makes every later read empty.
class Reader {
 public:
  /// Reads `in`; text() fields are skipped when `texts` is brief.
  Reader(std::string_view in, RegistryTexts texts) : in_(in), texts_(texts) {}
  std::int64_t num() {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(in_.data(), in_.data() + in_.size(), value);
    if (ec != std::errc() || end == in_.data() + in_.size() || *end != ';') return bad();
    in_.remove_prefix(static_cast<std::size_t>(end - in_.data()) + 1);
    return value;
  }
  std::string str() { return std::string(field()); }
  /// A description or help text: empty when the reader skips texts.
  std::string text() {
    const std::string_view value = field();
    return texts_ == RegistryTexts::all ? std::string(value) : std::string();
  }
  std::size_t count() {
    std::int64_t n = num();
    // Every element takes at least two bytes, which bounds a corrupt count.
    if (n < 0 || static_cast<std::size_t>(n) > in_.size()) return bad(), 0;
    return static_cast<std::size_t>(n);
  }
  std::vector<std::string> strings() {
    std::vector<std::string> list(count());
    for (auto& s : list) s = str();
    return list;
  }
  std::vector<OptionSpec> options() {
    std::vector<OptionSpec> list(count());
    for (auto& o : list) {
      o.name = str();
      o.key = str();
      o.help = text();
      o.takes_value = num() != 0;
    }
    return list;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

 private:
  /// A length-prefixed field ("5:hello").
  std::string_view field() {
    std::size_t length = 0;
    auto [end, ec] = std::from_chars(in_.data(), in_.data() + in_.size(), length);
    if (ec != std::errc() || end == in_.data() + in_.size() || *end != ':') return bad(), "";
    in_.remove_prefix(static_cast<std::size_t>(end - in_.data()) + 1);
    if (length > in_.size()) return bad(), "";
    const std::string_view value = in_.substr(0, length);
    in_.remove_prefix(length);
    return value;
  }
  std::int64_t bad() {
    ok_ = false;
    in_ = {};
    return 0;
  }
  std::string_view in_;
  RegistryTexts texts_;
  bool ok_ = true;
};

}  // namespace

std::string serialize_registry(const std::vector<PluginRecord>& records) {
  Writer w;
  w.out += kHeader;
  w.num(static_cast<std::int64_t>(records.size()));
  for (const PluginRecord& r : records) {
    w.str(r.key);
    w.num(static_cast<std::int64_t>(r.size));
    w.num(r.mtime_ns);
    w.str(r.name);
    w.str(r.version);
    w.str(r.refusal);
    w.num(static_cast<std::int64_t>(r.specs.importers.size()));
    for (const ImporterSpec& s : r.specs.importers) {
      w.str(s.format);
      w.str(s.description);
      w.strings(s.extensions);
      w.strings(s.media_types);
      w.strings(s.signatures);
      w.options(s.options);
    }
    w.num(static_cast<std::int64_t>(r.specs.exporters.size()));
    for (const ExporterSpec& s : r.specs.exporters) {
      w.str(s.format);
      w.str(s.description);
      w.str(s.extension);
      w.str(s.media_type);
      w.num(static_cast<std::int64_t>(s.scope));
      w.num(static_cast<std::int64_t>(s.link_role));
      w.options(s.options);
    }
    w.num(static_cast<std::int64_t>(r.specs.transforms.size()));
    for (const TransformSpec& s : r.specs.transforms) {
      w.str(s.name);
      w.str(s.description);
      w.options(s.options);
    }
    w.num(static_cast<std::int64_t>(r.specs.checkers.size()));
    for (const CheckerSpec& s : r.specs.checkers) {
      w.str(s.format);
      w.str(s.description);
    }
  }
  return std::move(w.out);
}

std::vector<PluginRecord> parse_registry(std::string_view bytes, RegistryTexts texts) {
  if (!bytes.starts_with(kHeader)) return {};
  Reader r(bytes.substr(kHeader.size()), texts);
  std::vector<PluginRecord> records(r.count());
  for (PluginRecord& p : records) {
    p.key = r.str();
    p.size = static_cast<std::uint64_t>(r.num());
    p.mtime_ns = r.num();
    p.name = r.str();
    p.version = r.str();
    p.refusal = r.str();
    p.specs.importers.resize(r.count());
    for (ImporterSpec& s : p.specs.importers) {
      s.format = r.str();
      s.description = r.text();
      s.extensions = r.strings();
      s.media_types = r.strings();
      s.signatures = r.strings();
      s.options = r.options();
    }
    p.specs.exporters.resize(r.count());
    for (ExporterSpec& s : p.specs.exporters) {
      s.format = r.str();
      s.description = r.text();
      s.extension = r.str();
      s.media_type = r.str();
      s.scope = r.num() == 0 ? ExportScope::show : ExportScope::episode;
      const std::int64_t role = r.num();
      s.link_role = role >= 0 && role <= 3 ? static_cast<LinkRole>(role) : LinkRole::none;
      s.options = r.options();
    }
    p.specs.transforms.resize(r.count());
    for (TransformSpec& s : p.specs.transforms) {
      s.name = r.str();
      s.description = r.text();
      s.options = r.options();
    }
    p.specs.checkers.resize(r.count());
    for (CheckerSpec& s : p.specs.checkers) {
      s.format = r.str();
      s.description = r.text();
    }
  }
  if (!r.ok() || !r.at_end()) return {};
  return records;
}

std::string default_registry_file() {
  if (const char* explicit_file = std::getenv("CASTKIT_REGISTRY"); explicit_file && *explicit_file)
    return explicit_file;
  // One file per build tag, so castkits built differently never rewrite each other's cache.
  std::string name = "registry-" CASTKIT_BUILD_TAG ".bin";
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '-';
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/castkit/" + name;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/castkit/" + name;
  return {};
}

}  // namespace castkit::host
