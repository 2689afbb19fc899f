// Every plugin on the search path, from the registry cache where it is fresh; plugins are
// loaded only when a run asks for one of their formats.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/host.hpp"
#include "plugin_record.hpp"
#include "registry_cache.hpp"

namespace castkit::host {

/// Which plugin offers a format, and the spec describing it (from the cache, or live once the
/// plugin is loaded; the pointer stays valid while the registry lives).
template <class Spec>
struct Offer {
  PluginRecord* plugin = nullptr;  ///< the plugin offering it
  const Spec* spec = nullptr;      ///< its spec; function pointers are null until loaded
};

/// The plugins found on the search path.
class PluginRegistry {
 public:
  /// Scans `directories` in order (when two plugins offer one format, the earlier directory
  /// wins). Plugin files that are not in `cache_file` with the same size and mtime are scanned
  /// in a child process (scan_plugin) to learn what they offer, and the cache is rewritten. An
  /// empty `cache_file` disables the cache. `host` receives debug log lines. With
  /// RegistryTexts::brief, plugins read from the cache have no descriptions or option help
  /// until they are loaded.
  PluginRegistry(const std::vector<std::string>& directories, const std::string& cache_file,
                 Host& host, RegistryTexts texts = RegistryTexts::all);

  /// Every plugin file found, in search order, refused ones included.
  const std::vector<PluginRecord>& plugins() const { return plugins_; }
  /// How many plugin files this run had to load to refresh the cache.
  std::size_t scanned() const { return scanned_; }

  /// The importers, exporters, transforms and checkers on offer: one per name, the first in
  /// search order; the cache's specs unless the plugin is loaded.
  std::vector<Offer<ImporterSpec>> importers();
  std::vector<Offer<ExporterSpec>> exporters();    ///< see importers()
  std::vector<Offer<TransformSpec>> transforms();  ///< see importers()
  std::vector<Offer<CheckerSpec>> checkers();      ///< see importers()

  /// The live importer of `format`, loading its plugin; throws a usage error naming the known
  /// formats when there is none, a plugin error when the plugin cannot be loaded now.
  Offer<ImporterSpec> importer(std::string_view format);
  Offer<ExporterSpec> exporter(std::string_view format);  ///< see importer()
  Offer<TransformSpec> transform(std::string_view name);  ///< see importer()
  Offer<CheckerSpec> checker(std::string_view format);    ///< see importer()

  /// Loads a plugin (when not loaded yet) so its specs are live (in place: Offers taken before
  /// stay valid); throws a plugin error if it is refused now.
  void load(PluginRecord& plugin);

 private:
  template <class Spec>
  std::vector<Offer<Spec>> offers();
  template <class Spec>
  Offer<Spec> live(std::string_view name, const char* what);
  void write_cache(const std::string& cache_file, std::vector<PluginRecord> kept);

  std::vector<PluginRecord> plugins_;
  std::size_t scanned_ = 0;
  Host& host_;
};

}  // namespace castkit::host
