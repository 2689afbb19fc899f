// Configuration files (castkit.yaml) read with yaml-cpp into the SDK's ConfigNode tree, with the
// position of every node, and command-line overrides (--set key=value).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "castkit/config_view.hpp"

namespace castkit::host {

/// Where each mapping key was written, by the key's path: members joined with '.', sequence
/// elements by index ("episodes.0.sources.1.format"). ConfigNode records where values are.
using KeyPositions = std::map<std::string, std::pair<std::uint32_t, std::uint32_t>>;

/// Parses YAML `text` (named `file` in positions). Syntax errors throw a usage error at their
/// line and column. An empty document gives an empty mapping. Fills `keys` when given.
ConfigNode parse_config(std::string_view text, const std::string& file,
                        KeyPositions* keys = nullptr);

/// Reads and parses a configuration file; a missing file is an I/O error.
ConfigNode load_config_file(const std::string& path, KeyPositions* keys = nullptr);

/// Sets the dotted `key` (e.g. "formats.srt.crlf") to the scalar `value`, creating mappings on
/// the way; `origin` names where it came from in later messages (e.g. "--set").
void set_config_value(ConfigNode& root, std::string_view key, std::string value,
                      const std::string& origin);

/// Applies one `key=value` argument of --set; a missing '=' is a usage error.
void apply_set_argument(ConfigNode& root, std::string_view argument);

/// Lays `over` on top of `base`: mappings merge key by key, anything else is replaced.
void overlay_config(ConfigNode& base, const ConfigNode& over);

}  // namespace castkit::host
