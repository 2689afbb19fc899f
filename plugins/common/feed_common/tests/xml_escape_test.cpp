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
