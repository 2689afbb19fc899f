// Loads one plugin library with Boost.DLL and checks its descriptor before trusting it.
#pragma once

#include <optional>
#include <string>

#include "castkit/plugin.hpp"
#include "plugin_specs.hpp"

namespace castkit::host {

/// A plugin library that passed the descriptor check and registered its formats. The library
/// stays loaded until the process exits.
struct LoadedPlugin {
  std::string name;     ///< from the descriptor
  std::string version;  ///< from the descriptor
  PluginSpecs specs;    ///< what it registered, with live function pointers
};

/// The outcome of loading one plugin file: the plugin, or why it was refused.
struct LoadOutcome {
  std::optional<LoadedPlugin> plugin;  ///< set when loaded
  std::string refusal;                 ///< the full message when refused
};

/// The plugin name a file suggests before its descriptor is trusted: castkit-srt.so -> "srt".
std::string plugin_name_from_file(const std::string& file);

/// Checks a descriptor the way the host does before any C++ object crosses: magic, size, ABI
/// major equal, minor not newer, same build tag, a registration function. Returns the refusal
/// message (naming `name`, `file` and both versions), or an empty string when it is acceptable.
std::string check_descriptor(const castkit_plugin_descriptor* descriptor, const std::string& name,
                             const std::string& file);

/// Loads `file`, checks its descriptor and calls its registration function. Never throws for a
/// plugin problem: a refusal says what went wrong. `bind_now` resolves every symbol at load
/// (a missing one is then a refusal naming it) instead of on first use.
LoadOutcome load_plugin(const std::string& file, bool bind_now = false);

}  // namespace castkit::host
