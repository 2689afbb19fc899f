// What simdjson's errors mean to a user, shared by the plugins that read JSON with it.
#pragma once

#include <simdjson.h>

#include <string>

namespace castkit::json_common {

/// A message for `error` that says what is wrong with the input in a user's words (malformed
/// JSON, a truncated string, invalid UTF-8 ...); simdjson's own text for the rest. Readers word
/// the errors that depend on what they expected (an empty input, a truncated document) themselves.
std::string describe_simdjson_error(simdjson::error_code error);

}  // namespace castkit::json_common
