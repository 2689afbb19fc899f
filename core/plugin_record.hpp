// What the host knows about one plugin file.
#pragma once

#include <cstdint>
#include <string>

#include "plugin_specs.hpp"

namespace castkit::host {

/// One plugin file as the registry knows it: from the registry cache (specs without function
/// pointers) or from loading it (live specs).
struct PluginRecord {
  std::string file;           ///< path as found in the search path
  std::string key;            ///< absolute path: the cache key
  std::uint64_t size = 0;     ///< file size when scanned
  std::int64_t mtime_ns = 0;  ///< modification time when scanned, ns since the epoch
  std::string name;           ///< plugin name (from the descriptor; from the file name if refused)
  std::string version;        ///< plugin version
  std::string refusal;        ///< non-empty: the plugin was refused, and why
  PluginSpecs specs;          ///< what it offers
  bool loaded = false;        ///< true when the library is loaded and `specs` are live
};

}  // namespace castkit::host
