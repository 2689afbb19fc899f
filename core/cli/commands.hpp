// The castkit commands. Each takes the arguments after its name and returns the exit code;
// failures are thrown as castkit::Error and turned into diagnostics by main().
#pragma once

#include <string_view>
#include <vector>

namespace castkit::cli {

/// The arguments of one command (after the command name).
using Args = std::vector<std::string_view>;

int run_convert(const Args& args);  ///< castkit convert INPUT... -t FORMAT
int run_build(const Args& args);    ///< castkit build [castkit.yaml]
int run_lint(const Args& args);     ///< castkit lint INPUT [-f FORMAT]
int run_plugins(const Args& args);  ///< castkit plugins
int run_formats(const Args& args);  ///< castkit formats

/// Prints the overall help (commands, exit codes) to stdout.
void print_main_help();

}  // namespace castkit::cli
