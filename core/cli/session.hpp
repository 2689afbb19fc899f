// What every command sets up: verbosity, configuration, the plugin registry, host services.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/config_view.hpp"
#include "cli/arguments.hpp"
#include "host_services.hpp"
#include "plugin_registry.hpp"

namespace castkit::cli {

/// The state of one command run.
class Session {
 public:
  /// Sets up from the raw arguments of a command: -v/-q, --plugin-path, and the configuration
  /// in `config_file` (empty: none, so no YAML is parsed), checked against the project schema
  /// (unknown keys warn, wrong types throw) and laid over the default configuration when
  /// `with_defaults`.
  Session(const std::vector<std::string_view>& args, const std::string& config_file,
          bool with_defaults);

  /// The host services plugins get.
  host::HostServices& host() { return host_; }
  /// The configuration (defaults, file, then command-line overrides).
  ConfigNode& config() { return config_; }
  /// A view of the whole configuration.
  ConfigView view() const { return ConfigView(&config_); }
  /// Directory of the configuration file (relative paths in it are relative to this), or ".".
  const std::string& config_dir() const { return config_dir_; }
  /// The plugins, scanned (against the registry cache) on first use. Commands that print
  /// descriptions or option help ask for RegistryTexts::all (the registry is then read again
  /// if it was read brief).
  host::PluginRegistry& registry(host::RegistryTexts texts = host::RegistryTexts::brief);

  /// The options every command accepts (-v, -q, --plugin-path, --help).
  static std::vector<OptionDef> common_options();
  /// Options of the plugins' formats and transforms (from the registry cache), as flags that set
  /// configuration keys; their help only with RegistryTexts::all.
  std::vector<OptionDef> plugin_options(host::RegistryTexts texts = host::RegistryTexts::brief);

  /// Applies --set and plugin option values, then the fetch settings (--offline, --cache-dir).
  void apply_overrides(const ParsedArgs& parsed);

  /// output.fsync: whether outputs are flushed to disk before they replace the old file.
  bool durable_outputs() const;
  /// limits.max_input_bytes (default 512 MiB).
  std::uint64_t max_input_bytes() const;

 private:
  host::HostServices host_;
  ConfigNode config_;
  std::string config_dir_ = ".";
  std::vector<std::string> plugin_dirs_;
  std::optional<host::PluginRegistry> registry_;
  host::RegistryTexts registry_texts_ = host::RegistryTexts::brief;
};

/// Verbosity from -v / -q in `args`.
host::Verbosity verbosity_from(const std::vector<std::string_view>& args);

}  // namespace castkit::cli
