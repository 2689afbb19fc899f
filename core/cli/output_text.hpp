// Writing command output (help, tables, explanations) in one write.
#pragma once

#include <string_view>

namespace castkit::cli {

/// Writes `text` to stdout; a failure (e.g. a closed pipe) is an I/O error.
void print_out(std::string_view text);

/// Writes `text` to stderr (failures are ignored: there is nowhere left to report them).
void print_err(std::string_view text);

}  // namespace castkit::cli
