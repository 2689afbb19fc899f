// Scanning the search path against the registry cache, and loading plugins on demand.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "atomic_output.hpp"
#include "castkit/diagnostics.hpp"
#include "plugin_loader.hpp"
#include "plugin_registry.hpp"
#include "plugin_scan.hpp"
#include "registry_cache.hpp"

namespace castkit::host {
namespace {

std::string read_small_file(const std::string& path) {
  std::string out;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  struct stat st;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < out.size()) {
      ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    out.resize(done);
  }
  ::close(fd);
  return out;
}

/// Plugin files in `dir`: castkit-*.so, sorted by name.
std::vector<std::string> plugin_files_in(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return names;
  while (const dirent* entry = ::readdir(d)) {
    std::string_view name = entry->d_name;
    if (name.starts_with("castkit-") && name.ends_with(".so")) names.emplace_back(name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

std::string parent_of(const std::string& key) {
  return key.substr(0, key.rfind('/'));
}

template <class Spec>
std::vector<Spec>& specs_of(PluginSpecs& specs);
template <>
std::vector<ImporterSpec>& specs_of(PluginSpecs& s) {
  return s.importers;
}
template <>
std::vector<ExporterSpec>& specs_of(PluginSpecs& s) {
  return s.exporters;
}
template <>
std::vector<TransformSpec>& specs_of(PluginSpecs& s) {
  return s.transforms;
}
template <>
std::vector<CheckerSpec>& specs_of(PluginSpecs& s) {
  return s.checkers;
}

const std::string& name_of(const ImporterSpec& s) {
  return s.format;
}
const std::string& name_of(const ExporterSpec& s) {
  return s.format;
}
const std::string& name_of(const TransformSpec& s) {
  return s.name;
}
const std::string& name_of(const CheckerSpec& s) {
  return s.format;
}

}  // namespace

PluginRegistry::PluginRegistry(const std::vector<std::string>& directories,
                               const std::string& cache_file, Host& host, RegistryTexts texts)
    : host_(host) {
  const std::string cache_bytes = cache_file.empty() ? std::string() : read_small_file(cache_file);
  std::vector<PluginRecord> cached = parse_registry(cache_bytes, texts);
  std::set<std::string> from_cache;  // keys of the plugins_ taken from the cache
  bool dirty = false;
  std::set<std::string> seen_keys, scanned_dirs;

  for (const std::string& dir : directories) {
    const std::string dir_key = std::filesystem::absolute(dir).lexically_normal().string();
    const std::string dir_key_trimmed = dir_key.size() > 1 && dir_key.back() == '/'
                                            ? dir_key.substr(0, dir_key.size() - 1)
                                            : dir_key;
    if (!scanned_dirs.insert(dir_key_trimmed).second) continue;
    for (const std::string& name : plugin_files_in(dir)) {
      PluginRecord record;
      record.file = (dir.ends_with('/') ? dir : dir + "/") + name;
      record.key = dir_key_trimmed + "/" + name;
      struct stat st;
      if (::stat(record.file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
      if (!seen_keys.insert(record.key).second) continue;
      record.size = static_cast<std::uint64_t>(st.st_size);
      record.mtime_ns =
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;

      auto hit = std::find_if(cached.begin(), cached.end(), [&](const PluginRecord& c) {
        return c.key == record.key && c.size == record.size && c.mtime_ns == record.mtime_ns;
      });
      if (hit != cached.end()) {
        std::string file = std::move(record.file);
        record = std::move(*hit);
        record.file = std::move(file);
        record.loaded = false;
        from_cache.insert(record.key);
      } else {
        host_.log(LogLevel::debug, "registry: scanning " + record.file);
        ++scanned_;
        dirty = true;
        PluginRecord scanned = scan_plugin(record.file);
        record.name = std::move(scanned.name);
        record.version = std::move(scanned.version);
        record.refusal = std::move(scanned.refusal);
        record.specs = std::move(scanned.specs);
        record.loaded = false;
      }
      plugins_.push_back(std::move(record));
    }
  }
  if (cache_file.empty()) return;

  // A plugin that left a directory this run scanned makes the cache stale too.
  for (const PluginRecord& c : cached)
    if (!seen_keys.count(c.key) && scanned_dirs.count(parent_of(c.key))) dirty = true;
  if (!dirty) return;
  if (texts == RegistryTexts::brief) {  // the cache is rewritten whole: every text is needed
    cached = parse_registry(cache_bytes, RegistryTexts::all);
    for (PluginRecord& p : plugins_) {
      if (!from_cache.count(p.key)) continue;
      auto full = std::find_if(cached.begin(), cached.end(),
                               [&](const PluginRecord& c) { return c.key == p.key; });
      if (full != cached.end()) p.specs = full->specs;
    }
  }
  // Keep the entries of directories this run did not look at (other builds, other
  // --plugin-path runs) while their files exist; only a run that rewrites the cache checks.
  std::vector<PluginRecord> kept;
  for (PluginRecord& c : cached) {
    struct stat st;
    if (seen_keys.count(c.key) || scanned_dirs.count(parent_of(c.key)) ||
        ::stat(c.key.c_str(), &st) != 0)
      continue;
    kept.push_back(std::move(c));
  }
  write_cache(cache_file, std::move(kept));
}

void PluginRegistry::write_cache(const std::string& cache_file, std::vector<PluginRecord> kept) {
  for (const PluginRecord& p : plugins_) kept.push_back(p);
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(cache_file).parent_path(), ignored);
  try {
    write_atomically(cache_file, serialize_registry(kept), /*durable=*/false);
  } catch (const Error& e) {
    host_.log(LogLevel::debug, "registry: cache not written: " + format_diagnostic(e.diagnostic()));
  }
}

template <class Spec>
std::vector<Offer<Spec>> PluginRegistry::offers() {
  std::vector<Offer<Spec>> out;
  std::set<std::string_view> names;
  for (PluginRecord& plugin : plugins_)
    for (const Spec& spec : specs_of<Spec>(plugin.specs))
      if (names.insert(name_of(spec)).second) out.push_back({&plugin, &spec});
  return out;
}

std::vector<Offer<ImporterSpec>> PluginRegistry::importers() {
  return offers<ImporterSpec>();
}
std::vector<Offer<ExporterSpec>> PluginRegistry::exporters() {
  return offers<ExporterSpec>();
}
std::vector<Offer<TransformSpec>> PluginRegistry::transforms() {
  return offers<TransformSpec>();
}
std::vector<Offer<CheckerSpec>> PluginRegistry::checkers() {
  return offers<CheckerSpec>();
}

namespace {

/// Moves live specs into the cached ones element by element, so pointers to the cached specs
/// (Offers) stay valid; false when the plugin no longer offers the same names in the same order.
template <class Spec>
bool adopt(std::vector<Spec>& cached, std::vector<Spec>& live) {
  if (cached.size() != live.size()) return false;
  for (std::size_t i = 0; i < cached.size(); ++i)
    if (name_of(cached[i]) != name_of(live[i])) return false;
  for (std::size_t i = 0; i < cached.size(); ++i) cached[i] = std::move(live[i]);
  return true;
}

}  // namespace

void PluginRegistry::load(PluginRecord& plugin) {
  if (plugin.loaded) return;
  if (!plugin.refusal.empty())
    throw Error(ErrorKind::plugin, Diagnostic{Severity::error, {}, 0, 0, plugin.refusal});
  host_.log(LogLevel::debug, "loading plugin " + plugin.name + " (" + plugin.file + ")");
  LoadOutcome outcome = load_plugin(plugin.file);
  if (!outcome.plugin) {
    plugin.refusal = outcome.refusal;
    throw Error(ErrorKind::plugin, Diagnostic{Severity::error, {}, 0, 0, outcome.refusal});
  }
  PluginSpecs& live = outcome.plugin->specs;
  if (!adopt(plugin.specs.importers, live.importers) ||
      !adopt(plugin.specs.exporters, live.exporters) ||
      !adopt(plugin.specs.transforms, live.transforms) ||
      !adopt(plugin.specs.checkers, live.checkers))
    throw Error(
        ErrorKind::plugin,
        Diagnostic{Severity::error,
                   {},
                   0,
                   0,
                   "plugin " + plugin.name + " (" + plugin.file +
                       "): offers other formats than when it was scanned; run castkit again"});
  plugin.loaded = true;
}

template <class Spec>
Offer<Spec> PluginRegistry::live(std::string_view name, const char* what) {
  std::string known;
  for (const Offer<Spec>& offer : offers<Spec>()) {
    if (name_of(*offer.spec) != name) {
      known += (known.empty() ? "" : ", ") + name_of(*offer.spec);
      continue;
    }
    load(*offer.plugin);
    for (const Spec& spec : specs_of<Spec>(offer.plugin->specs))
      if (name_of(spec) == name) return {offer.plugin, &spec};
    throw Error(ErrorKind::plugin,
                Diagnostic{Severity::error,
                           {},
                           0,
                           0,
                           "plugin " + offer.plugin->name + " (" + offer.plugin->file +
                               ") no longer offers " + what + " \"" + std::string(name) + "\""});
  }
  fail_usage(std::string("unknown ") + what + " \"" + std::string(name) +
             "\" (known: " + (known.empty() ? "none; is the plugin path right?" : known) + ")");
}

Offer<ImporterSpec> PluginRegistry::importer(std::string_view format) {
  return live<ImporterSpec>(format, "input format");
}
Offer<ExporterSpec> PluginRegistry::exporter(std::string_view format) {
  return live<ExporterSpec>(format, "output format");
}
Offer<TransformSpec> PluginRegistry::transform(std::string_view name) {
  return live<TransformSpec>(name, "transform");
}
Offer<CheckerSpec> PluginRegistry::checker(std::string_view format) {
  return live<CheckerSpec>(format, "lint format");
}

}  // namespace castkit::host
