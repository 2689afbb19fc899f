#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "castkit/feed/xml_escape.hpp"

using namespace castkit::feed;

namespace {
/// Parses `<r a="ATTR">TEXT</r>` and returns whether pugixml accepts it, with the values read.
bool round_trips(const std::string& value, std::string& text_back, std::string& attr_back,
                 std::string& cdata_back) {
  std::string doc = "<r a=\"";
  append_xml_attribute(doc, value);
  doc += "\"><t>";
  append_xml_text(doc, value);
  doc += "</t><c>";
  append_cdata(doc, value);
  doc += "</c></r>";
  pugi::xml_document xml;
  if (!xml.load_buffer(doc.data(), doc.size(), pugi::parse_default, pugi::encoding_utf8))
    return false;
  attr_back = xml.child("r").attribute("a").value();
  text_back = xml.child("r").child("t").text().get();
  cdata_back.clear();
  for (auto part : xml.child("r").child("c").children()) cdata_back += part.value();
  return true;
}
}  // namespace

TEST_CASE("markup characters survive as text, attribute and CDATA") {
  for (std::string value :
       {"a & b < c > d", "ends with ]]> inside", "]]>]]>", "]]]>", "\"quoted\" 'single'",
        "tab\there\nnew line", "caf\xC3\xA9 \xF0\x9F\x8E\x99"}) {
    std::string text, attr, cdata;
    REQUIRE(round_trips(value, text, attr, cdata));
    CHECK(text == value);
    CHECK(attr == value);
    CHECK(cdata == value);
  }
}

TEST_CASE("control characters and bad UTF-8 never give invalid XML") {
  std::string value = std::string(
                          "a\x01"
                          "b\x0B"
                          "c\x1F"
                          "d\x7F"
                          "e\xFF"
                          "f\xC3"
                          "g") +
                      "\xEF\xBF\xBE" + "h";
  std::string text, attr, cdata;
  REQUIRE(round_trips(value, text, attr, cdata));
  CHECK(text ==
        "abcd\x7F"
        "e\xEF\xBF\xBD"
        "f\xEF\xBF\xBD"
        "gh");
  CHECK(attr == text);
  CHECK(cdata == text);
}

TEST_CASE("carriage returns survive in text and attributes") {
  std::string text, attr, cdata;
  REQUIRE(round_trips("one\r\ntwo", text, attr, cdata));
  CHECK(text == "one\r\ntwo");
  CHECK(attr == "one\r\ntwo");
}

TEST_CASE("xml_safe keeps text and drops what XML cannot hold") {
  CHECK(xml_safe("ok \x02<&>") == "ok <&>");
  CHECK(xml_safe("\xC0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

namespace {
/// `length` bytes of "a" with `piece` written over them from `at` on.
std::string with_piece_at(std::size_t length, std::size_t at, std::string_view piece) {
  std::string value(length, 'a');
  value.replace(at, piece.size(), piece);
  return value;
}
std::string text_of(std::string_view value) {
  std::string out;
  append_xml_text(out, value);
  return out;
}
std::string attribute_of(std::string_view value) {
  std::string out;
  append_xml_attribute(out, value);
  return out;
}
std::string cdata_of(std::string_view value) {
  std::string out;
  append_cdata(out, value);
  return out;
}
}  // namespace

TEST_CASE("special characters are found at every position of the 16-, 32- and 64-byte steps") {
  struct Case {
    std::string_view piece, as_text, as_attribute, in_cdata;
  };
  const Case cases[] = {
      {"&", "&amp;", "&amp;", "&"},
      {"<", "&lt;", "&lt;", "<"},
      {">", "&gt;", "&gt;", ">"},
      {"\"", "\"", "&quot;", "\""},
      {"'", "'", "'", "'"},
      {"\t", "\t", "&#9;", "\t"},
      {"\n", "\n", "&#10;", "\n"},
      {"\r", "&#13;", "&#13;", "]]>&#13;<![CDATA["},
      {"\x01", "", "", ""},
      {"\x1F", "", "", ""},
      {"]", "]", "]", "]"},
      {"]]>", "]]&gt;", "]]&gt;", "]]]]><![CDATA[>"},
      {"\xC3\xA9", "\xC3\xA9", "\xC3\xA9", "\xC3\xA9"},
      {"\xE2\x80\x99", "\xE2\x80\x99", "\xE2\x80\x99", "\xE2\x80\x99"},
      {"\xF0\x9F\x8E\x99", "\xF0\x9F\x8E\x99", "\xF0\x9F\x8E\x99", "\xF0\x9F\x8E\x99"},
      {"\xFF", "\xEF\xBF\xBD", "\xEF\xBF\xBD", "\xEF\xBF\xBD"},
      {"\xEF\xBF\xBF", "", "", ""},
  };
  for (const Case& c : cases)
    for (std::size_t length : {1, 3, 4, 7, 8, 15, 16, 17, 31, 33, 48, 64, 127, 128, 129, 200})
      for (std::size_t at = 0; at + c.piece.size() <= length; ++at) {
        std::string value = with_piece_at(length, at, c.piece);
        std::string before(at, 'a'), after(length - at - c.piece.size(), 'a');
        INFO("piece " << c.piece << " at " << at << " of " << length);
        CHECK(text_of(value) == before + std::string(c.as_text) + after);
        CHECK(attribute_of(value) == before + std::string(c.as_attribute) + after);
        CHECK(cdata_of(value) == "<![CDATA[" + before + std::string(c.in_cdata) + after + "]]>");
      }
}

TEST_CASE("a UTF-8 sequence cut off by the end of the text is replaced") {
  for (std::size_t length : {std::size_t{2}, std::size_t{16}, std::size_t{17}, std::size_t{32}}) {
    std::string value = std::string(length - 2, 'a') + "\xE2\x80";
    std::string expected = std::string(length - 2, 'a') + "\xEF\xBF\xBD\xEF\xBF\xBD";
    CHECK(text_of(value) == expected);
    CHECK(attribute_of(value) == expected);
  }
}

TEST_CASE("many specials in a row and plain text between them") {
  std::string value;
  for (int i = 0; i < 40; ++i) value += (i % 3 == 0) ? "]]>" : (i % 3 == 1) ? "&x" : "plain text ";
  std::string text, attr, cdata;
  REQUIRE(round_trips(value, text, attr, cdata));
  CHECK(text == value);
  CHECK(attr == value);
  CHECK(cdata == value);
}

TEST_CASE("UTF-8 is checked as XML wants it: shortest forms, no surrogates, up to U+10FFFF") {
  const std::string bad = "\xEF\xBF\xBD";
  CHECK(text_of("\xC2\x80|\xDF\xBF|\xE0\xA0\x80|\xED\x9F\xBF|\xEE\x80\x80|\xEF\xBF\xBD") ==
        "\xC2\x80|\xDF\xBF|\xE0\xA0\x80|\xED\x9F\xBF|\xEE\x80\x80|\xEF\xBF\xBD");
  CHECK(text_of("\xF0\x90\x80\x80|\xF4\x8F\xBF\xBF") == "\xF0\x90\x80\x80|\xF4\x8F\xBF\xBF");
  CHECK(text_of("\xC1\xBF") == bad + bad);                      // overlong
  CHECK(text_of("\xE0\x9F\xBF") == bad + bad + bad);            // overlong
  CHECK(text_of("\xED\xA0\x80") == bad + bad + bad);            // a surrogate
  CHECK(text_of("\xF0\x8F\xBF\xBF") == bad + bad + bad + bad);  // overlong
  CHECK(text_of("\xF4\x90\x80\x80") == bad + bad + bad + bad);  // above U+10FFFF
  CHECK(text_of("\xF8\x88\x80\x80\x80") == bad + bad + bad + bad + bad);
  CHECK(text_of("a\xEF\xBF\xBE"
                "b\xEF\xBF\xBF"
                "c") == "abc");  // U+FFFE and U+FFFF dropped
  CHECK(text_of("\xC3") == bad);
  CHECK(text_of("\xE2\x82x") == bad + bad + "x");
}

TEST_CASE("printable ASCII other than the markup characters passes unchanged") {
  for (char c = 0x20; c < 0x7F; ++c) {
    const std::string value(20, c);
    INFO("character " << c);
    if (c != '&' && c != '<' && c != '>') CHECK(text_of(value) == value);
    if (c != '&' && c != '<' && c != '>' && c != '"') CHECK(attribute_of(value) == value);
    if (c != ']') CHECK(cdata_of(value) == "<![CDATA[" + value + "]]>");
  }
}

TEST_CASE("long text with many UTF-8 sequences and one bad byte late") {
  std::string value, expected;
  for (int i = 0; i < 50; ++i) {
    value += "caf\xC3\xA9 \xE2\x80\x94 it\xE2\x80\x99s \xF0\x9F\x8E\x99 ";
    expected += "caf\xC3\xA9 \xE2\x80\x94 it\xE2\x80\x99s \xF0\x9F\x8E\x99 ";
  }
  value += "\xFF";
  expected += "\xEF\xBF\xBD";
  for (int i = 0; i < 10; ++i) value += "abcdefghijklmnop", expected += "abcdefghijklmnop";
  CHECK(text_of(value) == expected);
  CHECK(attribute_of(value) == expected);
  CHECK(cdata_of(value) == "<![CDATA[" + expected + "]]>");
}
