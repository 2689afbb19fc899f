// The registry cache: what every plugin file offers, so a run loads only the plugins it needs.
// Like GStreamer's registry, entries are keyed by the plugin's path, size and mtime.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plugin_record.hpp"

namespace castkit::host {

/// Encodes records (their specs without function pointers, and refusals) compactly: a header
/// naming the host's build, then length-prefixed fields.
std::string serialize_registry(const std::vector<PluginRecord>& records);

/// How much of the plugins' text a registry holds.
enum class RegistryTexts {
  all,    ///< everything
  brief,  ///< no descriptions and no option help: for runs that print neither (most of them)
};

/// Decodes what serialize_registry wrote; with RegistryTexts::brief, descriptions and option
/// help are skipped (left empty), which saves most of the decoding's allocations. Anything
/// malformed, or written by another castkit build, gives an empty list (the cache is then
/// rebuilt).
std::vector<PluginRecord> parse_registry(std::string_view bytes,
                                         RegistryTexts texts = RegistryTexts::all);

/// Where the cache lives: $CASTKIT_REGISTRY, else $XDG_CACHE_HOME/castkit/registry-<build
/// tag>.bin, else ~/.cache/castkit/registry-<build tag>.bin. Empty when none can be found.
std::string default_registry_file();

}  // namespace castkit::host
