// Where the host looks for plugins and its default configuration.
#pragma once

#include <string>
#include <vector>

#include "castkit/config_view.hpp"

namespace castkit::host {

/// The directory holding the running executable.
std::string executable_dir();

/// The plugin directories in search order: `cli_dirs` (--plugin-path), $CASTKIT_PLUGIN_PATH
/// (a colon list), `plugins.paths` of the configuration (relative to `config_dir`), the install
/// default (<prefix>/lib/castkit/plugins next to <prefix>/bin), the build tree (<exe dir>/plugins).
std::vector<std::string> plugin_search_path(const std::vector<std::string>& cli_dirs,
                                            const ConfigView& config,
                                            const std::string& config_dir);

/// The default configuration file: <exe dir>/config/castkit.yaml in the build tree, else
/// <prefix>/share/castkit/castkit.yaml. Empty when neither exists.
std::string default_config_file();

}  // namespace castkit::host
