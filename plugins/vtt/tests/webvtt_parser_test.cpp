// The WebVTT file parser: signature, blocks, line endings, timestamps, settings.
#include <catch2/catch.hpp>

#include "castkit/diagnostics.hpp"
#include "cue_settings.hpp"
#include "webvtt_parser.hpp"

using namespace castkit::vtt;

namespace {
constexpr std::size_t kMaxLine = 16 << 20;
ParsedFile parse(std::string_view text) {
  return parse_webvtt(text, "t.vtt", kMaxLine);
}
}  // namespace

TEST_CASE("signature: WEBVTT then space, tab or line end", "[vtt][parser]") {
  CHECK(parse("WEBVTT").cues.empty());
  CHECK(parse("WEBVTT\n").cues.empty());
  CHECK(parse("WEBVTT - title\n\n00:01.000 --> 00:02.000\nx").cues.size() == 1);
  CHECK(parse("WEBVTT\tx\r\n\r\n00:01.000 --> 00:02.000\r\nx").cues.size() == 1);
  CHECK_THROWS_WITH(parse(""),
                    Catch::Contains("not a WebVTT file") && Catch::Contains("empty file"));
  CHECK_THROWS_AS(parse("WEBVTTX\n"), castkit::Error);
  CHECK_THROWS_AS(parse("WEBVT"), castkit::Error);
  CHECK_THROWS_AS(parse("\nWEBVTT\n"), castkit::Error);  // leading blank line
  CHECK_THROWS_AS(parse("webvtt\n"), castkit::Error);
  CHECK_THROWS_AS(parse(std::string_view("\0\x01\x02\xff\xfe binary", 12)), castkit::Error);
  try {
    parse("WEBVTTX\n");
  } catch (const castkit::Error& e) {
    CHECK(e.kind() == castkit::ErrorKind::input);
    CHECK(e.diagnostic().line == 1);
    CHECK(std::string(e.what()).find("\"WEBVTTX\"") != std::string::npos);
  }
}

TEST_CASE("header block, ids verbatim, NOTE skipped, mixed line endings", "[vtt][parser]") {
  ParsedFile f = parse(
      "WEBVTT Title\nKind: captions\nLanguage: en\n\nNOTE a comment\nover two lines\n\n"
      " id with spaces \r00:00.000 --> 00:01.000\rline1\r\nline2\n\n"
      "2\n00:01.000 --> 00:02.000\nsecond");
  CHECK(f.header == " Title\nKind: captions\nLanguage: en");
  REQUIRE(f.cues.size() == 2);
  CHECK(f.cues[0].id == " id with spaces ");
  CHECK(f.cues[0].text == "line1\nline2");
  CHECK(f.cues[1].id == "2");
  CHECK(f.cues[1].start == 1000);
  CHECK(f.warnings.empty());
}

TEST_CASE("an arrow line ends the previous block", "[vtt][parser]") {
  ParsedFile f = parse("WEBVTT\n\n00:00.000 --> 00:01.000\na\n00:01.000 --> 00:02.000\nb\n");
  REQUIRE(f.cues.size() == 2);
  CHECK(f.cues[0].text == "a");
  CHECK(f.cues[1].text == "b");
}

TEST_CASE("bad timing drops that cue, not the file", "[vtt][parser]") {
  ParsedFile f = parse(
      "WEBVTT\n\n00:00.000 --> 00:01.00\nbad ms\n\n00:00:60.000 --> 00:01:00.000\nbad s\n\n"
      "00:02.000 --> 00:03.000\ngood\n");
  REQUIRE(f.cues.size() == 1);
  CHECK(f.cues[0].text == "good");
  CHECK(f.warnings.size() == 2);
  CHECK(f.warnings[0].line == 3);
}

TEST_CASE("timestamps: optional hours, any number of hour digits, overflow rejected",
          "[vtt][parser]") {
  auto ts = [](std::string_view s) -> std::optional<castkit::Millis> {
    std::size_t pos = 0;
    castkit::Millis out = 0;
    if (collect_timestamp(s, pos, out) && pos == s.size()) return out;
    return std::nullopt;
  };
  CHECK(ts("00:01.500") == 1500);
  CHECK(ts("01:00:00.000") == 3'600'000);
  CHECK(ts("1:00:00.001") == 3'600'001);
  CHECK(ts("123:00:00.000") == 123LL * 3'600'000);
  CHECK_FALSE(ts("60:00.000"));  // two digits over 59 are hours, so seconds must follow
  CHECK(ts("60:00:00.000") == 60LL * 3'600'000);
  CHECK_FALSE(ts("00:60.000"));
  CHECK_FALSE(ts("00:00.0000"));
  CHECK_FALSE(ts("0:00.000"));
  CHECK_FALSE(ts("00:00:00,000"));
  CHECK_FALSE(ts("99999999999999999999999:00:00.000"));  // overflows 64 bits
  CHECK_FALSE(ts("9223372036854775807:00:00.000"));
}

TEST_CASE("REGION and STYLE only before the first cue", "[vtt][parser]") {
  ParsedFile f = parse(
      "WEBVTT\n\nREGION\nid:r1 width:40%\n\nSTYLE\n::cue { color: red }\n\n"
      "00:00.000 --> 00:01.000 region:r1\nx\n\nSTYLE\n::cue { color: blue }\n\nREGION\nid:r2\n");
  CHECK(f.regions == std::vector<std::string>{"id:r1 width:40%"});
  CHECK(f.styles == std::vector<std::string>{"::cue { color: red }"});
  REQUIRE(f.cues.size() == 1);
  Region r = parse_region(f.regions[0]);
  CHECK(r.id == "r1");
  CHECK(r.width == 40);
  CueSettings s = parse_cue_settings(f.cues[0].settings, {r});
  CHECK(s.region == 0);
  CHECK(s.normalized == "region:r1");
}

TEST_CASE("NUL becomes U+FFFD", "[vtt][parser]") {
  static const char kText[] = "WEBVTT\n\nid\0\n00:00.000 --> 00:01.000\na\0b";
  ParsedFile f = parse(std::string_view(kText, sizeof kText - 1));
  REQUIRE(f.cues.size() == 1);
  CHECK(f.cues[0].id == "id\xEF\xBF\xBD");
  CHECK(f.cues[0].text ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("cue settings: case-sensitive, last valid wins, bad ones ignored", "[vtt][parser]") {
  CueSettings s = parse_cue_settings(
      "align:start align:bogus ALIGN:end line:10% line:x position:20%,line-left size:50% "
      "vertical:rl vertical:up",
      {});
  CHECK(s.align == "start");
  CHECK(s.line == 10);
  CHECK_FALSE(s.snap_to_lines);
  CHECK(s.position == 20);
  CHECK(s.position_align == "line-left");
  CHECK(s.size == 50);
  CHECK(s.vertical == "rl");
  CHECK(s.normalized == "vertical:rl line:10% position:20%,line-left size:50% align:start");
  // The normalised form parses to the same settings.
  CueSettings again = parse_cue_settings(s.normalized, {});
  CHECK(again.normalized == s.normalized);
  CHECK(parse_cue_settings("line:1,center line:2", {}).normalized == "line:2,center");
}

TEST_CASE("overlong lines are an input error", "[vtt][parser]") {
  std::string text = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + std::string(1000, 'x');
  CHECK_THROWS_WITH(parse_webvtt(text, "t.vtt", 100), Catch::Contains("limits.max_line_bytes"));
}
