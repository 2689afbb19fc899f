// Command-line parsing: a table of options per command, plus the options plugins declare.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace castkit::cli {

/// One option a command accepts.
struct OptionDef {
  std::string name;         ///< long name without dashes, e.g. "output"
  char short_name = 0;      ///< e.g. 'o', 0 for none
  std::string value_name;   ///< e.g. "FILE"; empty for a flag
  std::string help;         ///< one line for --help
  std::string config_key;   ///< set: the option sets this dotted configuration key (plugin options)
  bool repeatable = false;  ///< may be given several times
};

/// What was on the command line.
struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> values;  ///< option name -> values ("" for flags)
  std::vector<std::string> positional;                     ///< everything else, in order
  std::vector<std::pair<std::string, std::string>> config_sets;  ///< plugin option key -> value

  /// True when the flag or option `name` was given.
  bool has(const std::string& name) const { return values.count(name) != 0; }
  /// The last value of `name`, or `fallback`.
  std::string get(const std::string& name, std::string fallback = {}) const;
  /// Every value of `name`, in order.
  std::vector<std::string> all(const std::string& name) const;
};

/// Parses `args` against `options`. `--name VALUE`, `--name=VALUE`, `-x VALUE`, `-xVALUE`;
/// `-` is positional; `--` ends the options. Unknown options and missing values are usage
/// errors naming `command`.
ParsedArgs parse_arguments(const std::vector<std::string_view>& args,
                           const std::vector<OptionDef>& options, const std::string& command);

/// Finds `--name VALUE` / `--name=VALUE` (or the short form) anywhere in `args` without a full
/// parse; used to find the plugin path and configuration before the plugins' options are known.
std::vector<std::string> prescan(const std::vector<std::string_view>& args, std::string_view name,
                                 char short_name = 0);

/// True when any of `args` is the flag `--name` (or `-short_name`).
bool prescan_flag(const std::vector<std::string_view>& args, std::string_view name,
                  char short_name = 0);

/// The options table as --help lines.
std::string describe_options(const std::vector<OptionDef>& options);

}  // namespace castkit::cli
