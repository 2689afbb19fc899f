// A JSON document read with nlohmann::json, its faults located by a second, SAX pass.
#include "json_document.hpp"

#include <algorithm>

#include "castkit/diagnostics.hpp"
#include "castkit/text.hpp"

namespace castkit::feed {
namespace {

using Json = nlohmann::json;

/// A SAX handler that builds nothing and keeps the first fault: its byte offset and its reason.
class FaultFinder final : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const Json::exception& fault) override {
    // `position` counts the bytes read: up to and including the byte at fault, or for a number
    // out of range (406) up to the end of the number, whose start is the place to name.
    const std::size_t back = fault.id == kNumberOutOfRange ? last_token.size() : 1;
    offset_ = position - std::min(back, position);
    reason_ = without_prefixes(fault.what());
    return false;
  }

  /// Where the fault is, as a byte offset into the text.
  std::size_t offset() const { return offset_; }
  /// Why the text is not JSON (without nlohmann's own prefixes).
  const std::string& reason() const { return reason_; }

 private:
  /// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." ->
  /// "syntax error ...": the error's own prefix already names the place.
  static std::string without_prefixes(std::string_view what) {
    if (const auto bracket = what.find("] "); what.starts_with('[') && bracket != what.npos)
      what.remove_prefix(bracket + 2);
    if (what.starts_with("parse error"))
      if (const auto colon = what.find(": "); colon != what.npos) what.remove_prefix(colon + 2);
    return std::string(what);
  }

  static constexpr int kNumberOutOfRange = 406;  // nlohmann's id for a number too large

  std::size_t offset_ = 0;
  std::string reason_ = "invalid JSON";
};

}  // namespace

Json parse_json_document(std::string_view text, const std::string& input_name,
                         std::string_view what_it_is) {
  Json document = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!document.is_discarded()) return document;
  FaultFinder finder;
  Json::sax_parse(text.begin(), text.end(), &finder);
  const TextPosition at = position_at(text, std::min(finder.offset(), text.size()));
  fail_input(input_name, at.line, at.column,
             "not a readable " + std::string(what_it_is) + ": " + finder.reason());
}

}  // namespace castkit::feed
