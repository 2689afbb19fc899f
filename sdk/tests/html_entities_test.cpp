// Tests for the HTML character reference decoder.
#include <catch2/catch.hpp>

#include "castkit/html_entities.hpp"

using castkit::append_html_escaped;
using castkit::decode_character_reference;
using castkit::decode_html_entities;

TEST_CASE("named references from the whole HTML5 table", "[html_entities]") {
  CHECK(decode_html_entities("a &amp; b") == "a & b");
  CHECK(decode_html_entities("&lt;i&gt;") == "<i>");
  CHECK(decode_html_entities("&copy; 2024") == "\u00A9 2024");
  CHECK(decode_html_entities("&AElig;") == "\u00C6");
  CHECK(decode_html_entities("&CounterClockwiseContourIntegral;") == "\u2233");
  CHECK(decode_html_entities("&NotNestedGreaterGreater;") == "\u2AA2\u0338");  // two code points
  CHECK(decode_html_entities("&nbsp;&lrm;&rlm;") == "\u00A0\u200E\u200F");
  CHECK(decode_html_entities("&AMP;") == "&");
}

TEST_CASE("legacy names decode without a semicolon, longest match wins", "[html_entities]") {
  CHECK(decode_html_entities("&amp") == "&");
  CHECK(decode_html_entities("&copy2024") == "\u00A92024");
  CHECK(decode_html_entities("&notit;") == "\u00ACit;");  // "not" is legacy, "notit;" is not a name
  CHECK(decode_html_entities("&notin;") == "\u2209");
  CHECK(decode_html_entities("&ampx") == "&x");
}

TEST_CASE("text that is not a reference is kept", "[html_entities]") {
  CHECK(decode_html_entities("&") == "&");
  CHECK(decode_html_entities("&&") == "&&");
  CHECK(decode_html_entities("&;") == "&;");
  CHECK(decode_html_entities("&1;") == "&1;");
  CHECK(decode_html_entities("&foo;") == "&foo;");
  CHECK(decode_html_entities("&#;") == "&#;");
  CHECK(decode_html_entities("&#x;") == "&#x;");
  CHECK(decode_html_entities("AT&T") == "AT&T");
  CHECK(decode_html_entities("no references") == "no references");
  CHECK(decode_html_entities("") == "");
}

TEST_CASE("numeric references with the HTML rules for invalid ones", "[html_entities]") {
  CHECK(decode_html_entities("&#32;&#x20;&#X41;") == "  A");
  CHECK(decode_html_entities("&#233") == "\u00E9");  // semicolon optional
  CHECK(decode_html_entities("&#x1F600;") == "\U0001F600");
  CHECK(decode_html_entities("&#0;") == "\uFFFD");
  CHECK(decode_html_entities("&#xD800;") == "\uFFFD");
  CHECK(decode_html_entities("&#x110000;") == "\uFFFD");
  CHECK(decode_html_entities("&#99999999999999999999999;") == "\uFFFD");      // no overflow
  CHECK(decode_html_entities("&#x80;&#x9F;&#150;") == "\u20AC\u0178\u2013");  // windows-1252
  CHECK(decode_html_entities("&#x81;") == "\u0081");    // no windows-1252 mapping: kept
  CHECK(decode_html_entities("&#xFFFF;") == "\uFFFF");  // noncharacter: kept (parse error only)
}

TEST_CASE("decode_character_reference reports what it consumed", "[html_entities]") {
  std::string out;
  CHECK(decode_character_reference("&amp;rest", out) == 5);
  CHECK(out == "&");
  out.clear();
  CHECK(decode_character_reference("&x", out) == 0);
  CHECK(out.empty());
  CHECK(decode_character_reference("&#65x", out) == 4);
  CHECK(out == "A");
}

TEST_CASE("append_html_escaped escapes & < > and double quotes only", "[html_entities]") {
  std::string out = "<p>";
  append_html_escaped(out, "Tom & \"Jerry\" <b>caf\xC3\xA9</b> it's");
  CHECK(out == "<p>Tom &amp; &quot;Jerry&quot; &lt;b&gt;caf\xC3\xA9&lt;/b&gt; it's");
  CHECK(decode_html_entities(out.substr(3)) == "Tom & \"Jerry\" <b>caf\xC3\xA9</b> it's");
}

TEST_CASE("append_html_escaped for element text can leave double quotes", "[html_entities]") {
  std::string out;
  append_html_escaped(out, "Tom & \"Jerry\" <b>", false);
  CHECK(out == "Tom &amp; \"Jerry\" &lt;b&gt;");
}
