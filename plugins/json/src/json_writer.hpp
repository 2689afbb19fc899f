// A small streaming JSON writer: appends RFC 8259 JSON to a string, pretty-printed or compact.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "castkit_common/json_string.hpp"

namespace castkit::json {

using json_common::append_string_literal;
using json_common::skip_plain;

/// Appends the shortest text that reads back as exactly `value`; always with a '.' or an
/// exponent so it reads back as a floating-point number. Non-finite values are written as null.
void append_double(std::string& out, double value);

/// Writes one JSON document into a string, value by value. Object members are written in the
/// order the caller gives them, so output is as deterministic as the caller. With an indent of
/// N > 0 the layout is that of Python's json.dumps(indent=N) (one member or element per line,
/// "key": value, empty containers as {} and []); with 0 it is compact with no spaces.
class Writer {
 public:
  /// A writer appending to `out` (which must outlive it).
  Writer(std::string& out, int indent) : out_(out), indent_(indent) {}

  /// Starts an object (as a value, an array element or after key()).
  void begin_object() { open('{'); }
  /// Ends the innermost object.
  void end_object() { close('}'); }
  /// Starts an array.
  void begin_array() { open('['); }
  /// Ends the innermost array.
  void end_array() { close(']'); }
  /// Writes a member name; the next call writes its value.
  void key(std::string_view name);
  /// Writes a member name that needs no escaping (printable ASCII without '"' and '\\', such as
  /// the model's own keys) as it is.
  void fixed_key(std::string_view name);
  /// Writes a string value.
  void string(std::string_view text);
  /// Writes a string value that needs no escaping (see fixed_key) as it is.
  void plain_string(std::string_view text);
  /// Writes an integer value.
  void integer(std::int64_t value);
  /// Writes an unsigned integer value.
  void unsigned_integer(std::uint64_t value);
  /// Writes a floating-point value (see append_double).
  void number(double value);
  /// Writes true or false.
  void boolean(bool value);
  /// Writes null.
  void null();
  /// How many invalid UTF-8 bytes were replaced by U+FFFD so far.
  std::size_t replaced_bytes() const { return replaced_; }

 private:
  // Room for what goes before a value (comma, line break, indentation) plus a key.
  static constexpr std::size_t kSeparationCapacity = 256;
  void before_value();
  // Writes what goes before the next value into p; returns the end. Needs separation_fits.
  char* separate(char* p);
  // True when the separation and `extra` bytes fit in kSeparationCapacity.
  bool separation_fits(std::size_t extra) const;
  void newline_and_indent(std::size_t depth);
  void open(char bracket);
  void close(char bracket);

  std::string& out_;
  int indent_;
  std::vector<char> container_empty_;  // one per open container: nothing written in it yet
  bool after_key_ = false;
  std::size_t replaced_ = 0;
};

}  // namespace castkit::json
