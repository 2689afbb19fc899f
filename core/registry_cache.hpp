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

/// Decodes what serialize_registry wrote. Anything malformed, or written by another castkit
/// build, gives an empty list (the cache is then rebuilt).
std::vector<PluginRecord> parse_registry(std::string_view bytes);

/// Where the cache lives: $CASTKIT_REGISTRY, else $XDG_CACHE_HOME/castkit/registry-<build
/// tag>.bin, else ~/.cache/castkit/registry-<build tag>.bin. Empty when none can be found.
std::string default_registry_file();

}  // namespace castkit::host
