// Tests for the SDK's text helpers: positions, UTF-8 validation and decoding.
#include <catch2/catch.hpp>

#include "castkit/diagnostics.hpp"
#include "castkit/text.hpp"

using namespace castkit;

TEST_CASE("position_at counts LF, CR and CRLF line ends") {
  std::string_view text = "ab\ncd\r\nef\rgh";
  CHECK(position_at(text, 0).line == 1);
  CHECK(position_at(text, 4).line == 2);
  CHECK(position_at(text, 4).column == 2);
  CHECK(position_at(text, 7).line == 3);
  CHECK(position_at(text, 10).line == 4);
  CHECK(position_at(text, 10).column == 1);
}

TEST_CASE("find_invalid_utf8 finds the first bad byte") {
  CHECK_FALSE(find_invalid_utf8("plain ascii"));
  CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8E\x99"));
  CHECK(find_invalid_utf8("ab\xC3") == 2u);           // truncated sequence
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2u);       // overlong
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);    // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u); // past U+10FFFF
  CHECK(find_invalid_utf8("\xFF") == 0u);
}

TEST_CASE("decode_to_utf8 handles BOMs and named encodings") {
  SECTION("UTF-8 BOM is dropped") {
    auto d = decode_to_utf8("\xEF\xBB\xBFhi", "", "a.srt");
    CHECK(d.text() == "hi");
    CHECK(d.encoding == "UTF-8");
  }
  SECTION("UTF-16LE with BOM") {
    auto d = decode_to_utf8(std::string_view("\xFF\xFEh\0i\0", 6), "", "a.srt");
    CHECK(d.text() == "hi");
    CHECK(d.encoding == "UTF-16LE");
  }
  SECTION("UTF-16BE with BOM") {
    auto d = decode_to_utf8(std::string_view("\xFE\xFF\0h\0\xE9", 6), "", "a.srt");
    CHECK(d.text() == "h\xC3\xA9");
  }
  SECTION("cp1252 by name") {
    auto d = decode_to_utf8("caf\xE9 \x96", "cp1252", "a.srt");
    CHECK(d.text() == "caf\xC3\xA9 \xE2\x80\x93");
  }
  SECTION("invalid UTF-8 names the offset and suggests the option") {
    try {
      (void)decode_to_utf8("line one\nca\xE9", "", "a.srt");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::input);
      CHECK(e.diagnostic().line == 2);
      CHECK(e.diagnostic().column == 3);
      CHECK_THAT(e.diagnostic().message, Catch::Contains("byte offset 11") &&
                                             Catch::Contains("--input-encoding"));
    }
  }
  SECTION("unknown encoding is a usage error") {
    try {
      (void)decode_to_utf8("x", "no-such-encoding", "a.srt");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::usage);
    }
  }
}

TEST_CASE("append_utf8 encodes and replaces invalid code points") {
  std::string out;
  append_utf8(out, U'é');
  append_utf8(out, 0x1F399);
  append_utf8(out, 0xD800);
  CHECK(out == "\xC3\xA9\xF0\x9F\x8E\x99\xEF\xBF\xBD");
}
