// SRT reading: timing lines, indexes, blank lines, number-only lines, limits.
#include <catch2/catch.hpp>

#include "castkit/diagnostics.hpp"
#include "srt_parser.hpp"

using namespace castkit::srt;

namespace {
// A cue as read, with its own strings.
struct Cue {
  castkit::Millis start = 0;
  castkit::Millis end = 0;
  std::string id;
  std::string text;
  std::string coordinates;
  std::uint32_t line = 0;
};

// The cues of a file and the report.
struct File {
  std::vector<Cue> cues;
  std::vector<ReadWarning> warnings;
  std::size_t empty_cues = 0;
};

File read(std::string_view text, std::size_t max_line_bytes = 16 << 20) {
  File file;
  ReadReport report = read_srt(text, "t.srt", max_line_bytes, [&](const RawCue& cue) {
    file.cues.push_back({cue.start, cue.end, std::string(cue.id), std::string(cue.text),
                         std::string(cue.coordinates), cue.line});
  });
  file.warnings = std::move(report.warnings);
  file.empty_cues = report.empty_cues;
  return file;
}
std::optional<std::pair<castkit::Millis, castkit::Millis>> times(std::string_view line) {
  Timing t;
  if (read_timing_line(line, t) != TimingResult::ok) return std::nullopt;
  return std::make_pair(t.start, t.end);
}
}  // namespace

TEST_CASE("timing lines: comma or dot, hour digits, short fractions", "[srt][parser]") {
  using P = std::pair<castkit::Millis, castkit::Millis>;
  CHECK(times("00:00:01,000 --> 00:00:02,500") == P{1000, 2500});
  CHECK(times("00:00:01.000 --> 00:00:02.500") == P{1000, 2500});
  CHECK(times("0:00:01,000 --> 0:00:02,000") == P{1000, 2000});
  CHECK(times("100:00:00,000 --> 100:00:01,000") == P{360'000'000, 360'001'000});
  // 1-3 digit fractions are milliseconds as written (ffmpeg, VLC, python-srt), not fractions.
  CHECK(times("00:00:01,5 --> 00:00:02,46") == P{1005, 2046});
  CHECK(times("  00:00:01,000-->00:00:02,000") == P{1000, 2000});
  CHECK(times("00:00:00.000 ->00:01:00.000") == P{0, 60000});  // pysubs2's malformed arrow
  CHECK(times("00:01,000 --> 00:02,000") == P{1000, 2000});    // no hours
  Timing t;
  REQUIRE(read_timing_line("00:00:10,500 --> 00:00:13,000  X1:63 X2:223 Y1:43 Y2:58", t) ==
          TimingResult::ok);
  CHECK(t.rest == "X1:63 X2:223 Y1:43 Y2:58");
  CHECK_FALSE(times("00:00:01,000"));
  CHECK_FALSE(times("MAN: 10:30 --> later"));
  CHECK_FALSE(times("00:61:00,000 --> 00:62:00,000"));
  CHECK_FALSE(times("00:00:01,0000 --> 00:00:02,000"));
  CHECK(read_timing_line("99999999999999999999:00:00,000 --> 00:00:01,000", t) ==
        TimingResult::out_of_range);
  CHECK(read_timing_line("00:00:00,000 --> 9223372036854775807:00:00,000", t) ==
        TimingResult::out_of_range);
}

TEST_CASE("indexes may be missing or out of order, blank lines inside text", "[srt][parser]") {
  File f = read(
      "7\n00:00:01,000 --> 00:00:02,000\nfirst\n\n"
      "00:00:03,000 --> 00:00:04,000\nno index\n\n\nafter blank lines\n\n"
      "2\n00:00:05,000 --> 00:00:06,000\nlast, no final newline");
  REQUIRE(f.cues.size() == 3);
  CHECK(f.cues[0].id == "7");
  CHECK(f.cues[0].text == "first");
  CHECK(f.cues[1].id == "");
  CHECK(f.cues[1].text == "no index\nafter blank lines");
  CHECK(f.cues[2].id == "2");
  CHECK(f.cues[2].text == "last, no final newline");
  CHECK(f.cues[2].line == 12);
}

TEST_CASE("number-only lines: an index only right above a timing line", "[srt][parser]") {
  File f = read(
      "3\r\n00:00:06,473 --> 00:00:07,584\r\nhello\r\n5\r\ndon't forget me.\r\n\r\n"
      "4\r\n00:00:08,000 --> 00:00:09,000\r\n1\r\n0\r\n-1\r\n\r\n"
      "5\r\n00:00:10,000 --> 00:00:11,000\r\ncredits\r\n2015\r\n\r\n\r\n42\r\n");
  REQUIRE(f.cues.size() == 3);
  CHECK(f.cues[0].text == "hello\n5\ndon't forget me.");
  CHECK(f.cues[1].text == "1\n0\n-1");
  CHECK(f.cues[2].text == "credits\n2015");  // the dangling "42" after a blank line is dropped
}

TEST_CASE("the ffmpeg FATE madness output reads back as ffmpeg wrote it", "[srt][parser]") {
  // Mixed CR, LF and CRLF line ends; cue 2's payload starts with a number.
  File f = read(
      "1\n00:00:04,251 --> 00:00:05,362\nokay\n\n2\n00:00:05,160 --> 00:00:05,263\n"
      "31 i'm a number\n\n3\r00:00:06,473 --> 00:00:07,584\rhello\r");
  REQUIRE(f.cues.size() == 3);
  CHECK(f.cues[1].text == "31 i'm a number");
  CHECK(f.cues[2].start == 6473);
  CHECK(f.cues[2].text == "hello");
}

TEST_CASE("empty cues are skipped and counted, bad times drop only their cue", "[srt][parser]") {
  File f = read(
      "1\n00:00:00,000 --> 00:00:00,000\n\n2\n00:00:01,000 --> 00:00:02,000\nx\n\n"
      "3\n99999999999999999999:00:00,000 --> 00:00:03,000\ndropped\n\n"
      "4\n00:00:04,000 --> 00:00:05,000\ny\n");
  REQUIRE(f.cues.size() == 2);
  CHECK(f.empty_cues == 1);
  CHECK(f.cues[1].text == "y");
  REQUIRE(f.warnings.size() == 1);
  CHECK(f.warnings[0].line == 9);
}

TEST_CASE("overlong lines are an input error", "[srt][parser]") {
  std::string text = "1\n00:00:01,000 --> 00:00:02,000\n" + std::string(5000, 'x') + "\n";
  CHECK_THROWS_WITH(read(text, 1000), Catch::Contains("limits.max_line_bytes"));
}

TEST_CASE("timing lines: the common shape read at once, checked byte by byte", "[srt][parser]") {
  using P = std::pair<castkit::Millis, castkit::Millis>;
  CHECK(times("99:59:59,999 --> 99:59:59.999") == P{359'999'999, 359'999'999});
  CHECK(times("10:20:30,405 --> 01:02:03,004") == P{37'230'405, 3'723'004});
  CHECK(times("00:59:00,000 --> 00:00:59,000") == P{3'540'000, 59'000});
  CHECK_FALSE(times("00:60:00,000 --> 00:00:01,000"));
  CHECK_FALSE(times("00:00:60,000 --> 00:00:01,000"));
  CHECK_FALSE(times("00:00:01,000 --> 00:00:60,000"));
  // Any byte of the start time just outside its range ('/' below '0', ';' above ':', a byte
  // with the high bit set) leaves no time to read.
  const std::string line = "01:23:45,678 --> 12:34:56,789";
  for (std::size_t at = 0; at < 12; ++at) {
    for (const char bad : {'/', ';', 'a', '\x80', '\xB0'}) {
      std::string changed = line;
      changed[at] = bad;
      INFO(changed);
      CHECK_FALSE(times(changed));
    }
  }
}

TEST_CASE("timing lines: short lines are never times", "[srt][parser]") {
  using P = std::pair<castkit::Millis, castkit::Millis>;
  CHECK(times("0:0,0->0:0,1") == P{0, 1});  // the shortest, 12 bytes
  CHECK(times("0:0:1->0:0:2") == P{1000, 2000});
  CHECK_FALSE(times("0:0,0->0:0,"));
  CHECK_FALSE(times("12345678901"));
  CHECK_FALSE(times(""));
  CHECK_FALSE(times("x0:00:01,000 --> 00:00:02,000"));
}

TEST_CASE("cue text: a run of the input or joined from its lines", "[srt][parser]") {
  File f = read(
      "1\n00:00:01,000 --> 00:00:02,000 X1:1\none\ntwo\n\n"
      "2\r\n00:00:03,000 --> 00:00:04,000\r\nthree\r\nfour\r\n\r\n"
      "00:00:05,000 --> 00:00:06,000\nfive\n \nsix\n42");
  REQUIRE(f.cues.size() == 3);
  CHECK(f.cues[0].id == "1");
  CHECK(f.cues[0].text == "one\ntwo");
  CHECK(f.cues[0].coordinates == "X1:1");
  CHECK(f.cues[1].id == "2");
  CHECK(f.cues[1].text == "three\nfour");
  CHECK(f.cues[2].id == "");
  // No blank line above the last number: it is text, not a dangling index.
  CHECK(f.cues[2].text == "five\nsix\n42");
  CHECK(f.cues[2].line == 11);
}
