// simdjson errors in a user's words.
#include "castkit_common/simdjson_errors.hpp"

namespace castkit::json_common {

std::string describe_simdjson_error(simdjson::error_code error) {
  switch (error) {
    case simdjson::TAPE_ERROR:
      return "malformed JSON: a missing or extra comma, colon, bracket or brace";
    case simdjson::UNCLOSED_STRING:
      return "a string is not closed (truncated?)";
    case simdjson::STRING_ERROR:
      return "a string has a bad escape sequence";
    case simdjson::UNESCAPED_CHARS:
      return "a string holds a raw control character";
    case simdjson::NUMBER_ERROR:
      return "malformed number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "malformed literal: expected true, false or null";
    case simdjson::DEPTH_ERROR:
      return "the JSON is nested too deeply";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8";
    case simdjson::CAPACITY:
      return "the input is too large for the JSON parser";
    default:
      return simdjson::error_message(error);
  }
}

}  // namespace castkit::json_common
