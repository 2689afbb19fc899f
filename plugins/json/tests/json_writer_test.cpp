// The streaming writer: escaping checked against simdjson's parser, numbers, layout.
#include <catch2/catch.hpp>

#include <simdjson.h>

#include <limits>
#include <random>

#include "json_writer.hpp"

using namespace castkit::json;

namespace {

// What simdjson reads back from a JSON string literal.
std::string parse_string_literal(const std::string& literal) {
  simdjson::dom::parser parser;
  std::string_view value;
  REQUIRE(parser.parse(literal).get_string().get(value) == simdjson::SUCCESS);
  return std::string(value);
}

}  // namespace

TEST_CASE("every byte value in valid text comes back from a JSON parser unchanged") {
  std::string all;
  for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
  all += std::string("\0", 1);
  all += "é€𝄞\u2028";
  std::string literal;
  CHECK(append_string_literal(literal, all) == 0);
  CHECK(parse_string_literal(literal) == all);
}

TEST_CASE("a character that needs care is found at every position of a long plain run") {
  for (const std::string special : {"\"", "\\", "\n", "\x1f", "\x7f", "é", "\xFF"}) {
    for (std::size_t at = 0; at < 24; ++at) {
      std::string text(24, 'a');
      text.replace(at, 1, special);
      std::string literal;
      const std::size_t replaced = append_string_literal(literal, text);
      CHECK(replaced == (special == "\xFF" ? 1u : 0u));
      if (!replaced) CHECK(parse_string_literal(literal) == text);
    }
  }
}

TEST_CASE("escapes use the short forms and lowercase u00XX hex digits") {
  std::string out;
  append_string_literal(out, "\"\\\b\f\n\r\t\x01\x1f/");
  CHECK(out == R"("\"\\\b\f\n\r\t\u0001\u001f/")");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, one per bad byte, and the output stays valid JSON") {
  const std::vector<std::pair<std::string, std::size_t>> cases = {
      {"\xC3", 1},              // truncated 2-byte sequence
      {"\xC0\xAF", 2},          // overlong
      {"\xED\xA0\x80", 3},      // surrogate
      {"\xF4\x90\x80\x80", 4},  // past U+10FFFF
      {"a\xFFz", 1},            // never valid
      {"\xE2\x82", 2},          // truncated 3-byte sequence at the end
  };
  for (const auto& [text, bad] : cases) {
    std::string literal;
    CHECK(append_string_literal(literal, text) == bad);
    const std::string back = parse_string_literal(literal);
    std::string expected_fffd;
    for (std::size_t i = 0; i < bad; ++i) expected_fffd += "\xEF\xBF\xBD";
    CHECK(back.find(expected_fffd) != std::string::npos);
  }
}

TEST_CASE("random byte strings always give valid JSON that reads back as the repaired text") {
  std::mt19937 random(42);
  for (int round = 0; round < 2000; ++round) {
    std::string text(random() % 40, '\0');
    for (auto& c : text) c = static_cast<char>(random() % 256);
    std::string literal;
    const std::size_t replaced = append_string_literal(literal, text);
    const std::string back = parse_string_literal(literal);
    if (replaced == 0) CHECK(back == text);
    std::string again;
    CHECK(append_string_literal(again, back) == 0);
    CHECK(again == literal);
  }
}

TEST_CASE("doubles are written shortest, always reading back as floating point") {
  const auto text = [](double d) {
    std::string out;
    append_double(out, d);
    return out;
  };
  CHECK(text(0.25) == "0.25");
  CHECK(text(2.0) == "2.0");
  CHECK(text(-0.0) == "-0.0");
  CHECK(text(1e300) == "1e+300");
  CHECK(text(0.1) == "0.1");
  CHECK(text(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(text(std::numeric_limits<double>::infinity()) == "null");
  for (double d : {0.1, 1.0 / 3, 6.02214076e23, 5e-324, 1.7976931348623157e308}) {
    simdjson::dom::parser parser;
    const std::string written = text(d);
    double back = 0;
    REQUIRE(parser.parse(written).get_double().get(back) == simdjson::SUCCESS);
    CHECK(back == d);
  }
}

TEST_CASE("pretty layout matches Python's json.dumps(indent=2), compact has no spaces") {
  for (int indent : {2, 0}) {
    std::string out;
    Writer w(out, indent);
    w.begin_object();
    w.key("a");
    w.begin_array();
    w.integer(-1);
    w.unsigned_integer(18446744073709551615u);
    w.boolean(true);
    w.null();
    w.end_array();
    w.key("b");
    w.begin_object();
    w.end_object();
    w.key("c");
    w.begin_array();
    w.end_array();
    w.key("d");
    w.string("x");
    w.end_object();
    if (indent == 2)
      CHECK(out ==
            "{\n  \"a\": [\n    -1,\n    18446744073709551615,\n    true,\n    null\n  ],\n"
            "  \"b\": {},\n  \"c\": [],\n  \"d\": \"x\"\n}\n");
    else
      CHECK(out == "{\"a\":[-1,18446744073709551615,true,null],\"b\":{},\"c\":[],\"d\":\"x\"}\n");
  }
}
