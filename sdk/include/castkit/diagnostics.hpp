// castkit SDK: diagnostics and the one exception type plugins throw.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace castkit {

/// How serious a diagnostic is.
enum class Severity { note, warning, error };

/// A message about an input, with its position where known (line and column count from 1;
/// 0 means unknown). Printed as `file:line:col: error: message`.
struct Diagnostic {
  Severity severity = Severity::error;  ///< note, warning or error
  std::string file;                     ///< input name (path, URL or "-")
  std::uint32_t line = 0;               ///< 1-based line, 0 if unknown
  std::uint32_t column = 0;             ///< 1-based column, 0 if unknown
  std::string message;                  ///< what happened, and what was expected
};

/// What kind of failure an Error is; the host maps it to the exit code.
enum class ErrorKind {
  input = 1,   ///< the user's input data is wrong (exit 1)
  usage = 2,   ///< a bad option or configuration (exit 2)
  plugin = 3,  ///< a bug or failure inside a plugin (exit 3)
  io = 4,      ///< reading, writing or fetching failed (exit 4)
};

/// The exception plugins throw to report an expected failure: bad input, bad options, I/O.
/// Anything else a plugin throws is reported by the host as a plugin failure (exit 3).
class Error : public std::runtime_error {
 public:
  /// An error of `kind` described by `diagnostic` (its severity is forced to error).
  Error(ErrorKind kind, Diagnostic diagnostic)
      : std::runtime_error(diagnostic.message), kind_(kind), diagnostic_(std::move(diagnostic)) {
    diagnostic_.severity = Severity::error;
  }
  /// Which exit code this error maps to.
  ErrorKind kind() const { return kind_; }
  /// Where and what.
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  ErrorKind kind_;
  Diagnostic diagnostic_;
};

/// Shorthand: an input error at file:line:col.
[[noreturn]] inline void fail_input(std::string file, std::uint32_t line, std::uint32_t column,
                                    std::string message) {
  throw Error(ErrorKind::input,
              Diagnostic{Severity::error, std::move(file), line, column, std::move(message)});
}

/// Shorthand: a usage or configuration error.
[[noreturn]] inline void fail_usage(std::string message, std::string file = {},
                                    std::uint32_t line = 0, std::uint32_t column = 0) {
  throw Error(ErrorKind::usage,
              Diagnostic{Severity::error, std::move(file), line, column, std::move(message)});
}

/// Formats a diagnostic the way castkit prints it: `file:line:col: error: message`.
inline std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line) {
      out += ':' + std::to_string(d.line);
      if (d.column) out += ':' + std::to_string(d.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::error ? "error: " : d.severity == Severity::warning ? "warning: " : "note: ";
  out += d.message;
  return out;
}

}  // namespace castkit
