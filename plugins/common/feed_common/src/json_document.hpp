// Reading a whole JSON document with nlohmann::json for the feed helpers: every fault of the
// text, a syntax error or a number too large for a double alike, becomes an input error.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace castkit::feed {

/// Parses `text` as one JSON document. A fault throws castkit::Error (ErrorKind::input) naming
/// `input_name` and the fault's line and column: "not a readable <what_it_is>: <reason>".
nlohmann::json parse_json_document(std::string_view text, const std::string& input_name,
                                   std::string_view what_it_is);

}  // namespace castkit::feed
