// The vtt and vtt-chapters formats through the plugin interfaces: import, export, round trips,
// bad input.
#include <catch2/catch.hpp>

#include "castkit_testing/files.hpp"
#include "castkit_testing/recording_host.hpp"
#include "vtt_formats.hpp"

using namespace castkit;

namespace {

using castkit::testing::read_file;

std::string data(const std::string& relative) {
  return read_file(std::string(CASTKIT_TEST_DATA) + "/subtitles/" + relative);
}

Show import_vtt(std::string_view bytes, testing::TestContext& test, std::string name = "in.vtt") {
  Show show;
  Input input{std::move(name), bytes};
  vtt::make_vtt_importer()->read(input, show, test.context);
  return show;
}

std::string export_vtt(const Show& show, testing::TestContext& test) {
  std::string out;
  ExportRequest request{show, &show.episodes.at(0), "out.vtt"};
  vtt::make_vtt_exporter()->write(request, out, test.context);
  return out;
}

}  // namespace

TEST_CASE("vtt import: ids, voices, settings, markup, header language", "[vtt][import]") {
  testing::TestContext test;
  Show show = import_vtt(
      "WEBVTT\nLanguage: de\n\nREGION\nid:r\n\nintro\n00:00:01.000 --> 00:00:02.500 align:start "
      "line:0 bogus:1\n<v.loud Anna>Hallo &amp; <i>willkommen</i></v>\n\n"
      "00:02.500 --> 00:03.000 region:r\nplain text\n",
      test);
  const Transcript& t = show.episodes.at(0).transcript;
  CHECK(t.language == "de");
  REQUIRE(t.segments.size() == 2);
  const Segment& a = t.segments[0];
  CHECK(a.id == "intro");
  CHECK(a.start == 1000);
  CHECK(a.end == 2500);
  CHECK(a.speaker == "Anna");
  CHECK(a.text == "Hallo & willkommen");
  CHECK(a.html == "Hallo &amp; <i>willkommen</i>");
  CHECK(a.ext.at("vtt.settings").string == "line:0 align:start");
  CHECK(a.ext.at("vtt.markup").string == "<v.loud Anna>Hallo &amp; <i>willkommen</i></v>");
  const Segment& b = t.segments[1];
  CHECK(b.ext.at("vtt.settings").string == "region:r");
  CHECK(b.ext.count("vtt.markup") == 0);
  CHECK(t.ext.at("vtt.regions").items.at(0).string == "id:r");
}

TEST_CASE("vtt -> model -> vtt keeps ids, settings, voices, regions and styles", "[vtt][export]") {
  const std::string input =
      "WEBVTT - a title\n\nREGION\nid:r width:40%\n\nSTYLE\n::cue { color: yellow }\n\n"
      "id 1\n00:00:01.000 --> 00:00:02.000 line:10% align:start region:r\n"
      "<v Anna>Hi <b>there</b></v>\n\n"
      "00:00:02.000 --> 00:00:03.000\n<v Ben>a &lt; b</v>\n\n";
  testing::TestContext test;
  std::string out = export_vtt(import_vtt(input, test), test);
  CHECK(out == input);
  // And the second pass is byte-identical.
  testing::TestContext again;
  CHECK(export_vtt(import_vtt(out, again), again) == out);
}

TEST_CASE("vtt export from a model: escaping, voices, sorting, no blank lines", "[vtt][export]") {
  Show show;
  Episode& episode = show.episodes.emplace_back();
  auto add = [&](Millis start, Millis end, std::string speaker, std::string text) {
    Segment s;
    s.start = start;
    s.end = end;
    s.speaker = std::move(speaker);
    s.text = std::move(text);
    episode.transcript.segments.push_back(std::move(s));
  };
  add(5000, 6000, "", "later");
  add(1000, 4000, "Dr. <Who>", "a < b & c > d\n\nafter a blank line --> arrow");
  add(3'723'004, 3'724'000, "Anna", "hour");
  testing::TestContext test;
  std::string out = export_vtt(show, test);
  CHECK(out ==
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:04.000\n<v Dr. <Who&gt;>a &lt; b &amp; c &gt; d\n"
        "after a blank line --&gt; arrow\n\n"
        "00:00:05.000 --> 00:00:06.000\nlater\n\n"
        "01:02:03.004 --> 01:02:04.000\n<v Anna>hour\n\n");
  // It reads back with the same speakers and text.
  testing::TestContext back;
  Show again = import_vtt(out, back);
  const auto& segments = again.episodes[0].transcript.segments;
  REQUIRE(segments.size() == 3);
  CHECK(segments[0].speaker == "Dr. <Who>");
  CHECK(segments[0].text == "a < b & c > d\nafter a blank line --> arrow");
}

TEST_CASE("cues ending before they start: kept on import, fixed on export", "[vtt]") {
  testing::TestContext test;
  Show show = import_vtt(
      "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nback\n\n"
      "00:00:06.000 --> 00:00:07.000\nnext\n",
      test);
  const auto& segments = show.episodes[0].transcript.segments;
  REQUIRE(segments.size() == 2);
  CHECK(segments[0].end == 4000);
  CHECK(test.host.warnings() == 1);
  std::string out = export_vtt(show, test);
  CHECK(out.find("00:00:05.000 --> 00:00:06.000\nback") != std::string::npos);
  CHECK(test.host.warnings() == 2);
}

TEST_CASE("vtt import of every sample in tests/data", "[vtt][import]") {
  struct Expect {
    const char* file;
    std::size_t cues;
  };
  // Counts per the W3C algorithm (LaLaLand.vtt: 1333, as ffprobe counts too).
  for (Expect e : {Expect{"samples/webvtt-py/sample.vtt", 16},
                   {"samples/webvtt-py/captions_with_bom.vtt", 4},
                   {"samples/webvtt-py/comments.vtt", 3},
                   {"samples/webvtt-py/cue_tags.vtt", 3},
                   {"samples/webvtt-py/using_identifiers.vtt", 6},
                   {"samples/webvtt-py/youtube_dl.vtt", 4},
                   {"samples/webvtt-py/styles.vtt", 1},
                   {"samples/webvtt-py/one_caption.vtt", 1},
                   {"samples/webvtt-py/no_captions.vtt", 0},
                   {"samples/webvtt-py/metadata_headers.vtt", 2},
                   {"samples/webvtt-py/metadata_headers_multiline.vtt", 2},
                   {"samples/webvtt-py/missing_caption_text.vtt", 5},
                   {"samples/webvtt-py/invalid_timeframe_in_cue_text.vtt", 4},
                   {"samples/webvtt-py/invalid_timeframe.vtt", 6},
                   {"samples/webvtt-py/missing_timeframe.vtt", 6},
                   {"samples/pysubs2/vtt_read_complex.vtt", 3},
                   {"samples/pycaption/sample_webvtt.vtt", 7},
                   {"samples/pycaption/sample_webvtt_from_srt.expected.vtt", 7},
                   {"samples/subtitle.js/LaLaLand.vtt", 1333}}) {
    INFO(e.file);
    testing::TestContext test;
    std::string bytes = data(e.file);
    Show show = import_vtt(bytes, test, e.file);
    CHECK(show.episodes.at(0).transcript.segments.size() == e.cues);
    // Exporting and importing again keeps every cue.
    testing::TestContext again;
    Show back = import_vtt(export_vtt(show, test), again);
    CHECK(back.episodes.at(0).transcript.segments.size() == e.cues);
  }
}

TEST_CASE("vtt bad input: a clear error or a documented warning, never a crash", "[vtt][bad]") {
  testing::TestContext test;
  CHECK_THROWS_WITH(import_vtt("", test), Catch::Contains("not a WebVTT file"));
  CHECK_THROWS_WITH(import_vtt("WEBVTTX\n\n00:00.000 --> 00:01.000\nx", test),
                    Catch::Contains("in.vtt") || Catch::Contains("WEBVTTX"));
  CHECK_THROWS_AS(import_vtt(data("samples/webvtt-py/invalid.vtt"), test), Error);
  static const char kBinary[] =
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
  CHECK_THROWS_AS(import_vtt(std::string_view(kBinary, sizeof kBinary - 1), test), Error);
  // Truncated in the middle of a timing line: that cue is dropped, the file is fine.
  Show truncated = import_vtt("WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n00:02.000 --> 00:0", test);
  CHECK(truncated.episodes[0].transcript.segments.size() == 1);
  // Invalid UTF-8 becomes U+FFFD with a warning (WebVTT decodes with replacement).
  testing::TestContext utf8;
  Show bad = import_vtt("WEBVTT\n\n00:00.000 --> 00:01.000\nbad \xC3\x28 byte\n", utf8);
  CHECK(bad.episodes[0].transcript.segments[0].text == "bad \xEF\xBF\xBD( byte");
  CHECK(utf8.host.warnings() == 1);
  // A timestamp that overflows 64 bits drops its cue with a warning.
  testing::TestContext overflow;
  Show big = import_vtt(
      "WEBVTT\n\n99999999999999999999999:00:00.000 --> 00:00:01.000\nx\n\n00:01.000 --> "
      "00:02.000\ny\n",
      overflow);
  CHECK(big.episodes[0].transcript.segments.size() == 1);
  CHECK(overflow.host.warnings() == 1);
  // UTF-16 with a BOM is converted.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  testing::TestContext wide;
  CHECK(import_vtt(utf16, wide).episodes[0].transcript.segments.at(0).text == "hi");
  // UTF-16 without a BOM: named, with the option to use.
  CHECK_THROWS_WITH(import_vtt(utf16.substr(2), wide),
                    Catch::Contains("UTF-16LE without a byte order mark") &&
                        Catch::Contains("--input-encoding UTF-16LE"));
}

TEST_CASE("vtt: a line over limits.max_line_bytes is refused", "[vtt][bad]") {
  testing::TestContext test;
  test.project_node.kind = ConfigNode::Kind::mapping;
  ConfigNode limits;
  limits.kind = ConfigNode::Kind::mapping;
  ConfigNode max;
  max.kind = ConfigNode::Kind::scalar;
  max.scalar = "1024";
  limits.members.emplace_back("max_line_bytes", max);
  test.project_node.members.emplace_back("limits", limits);
  std::string text = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + std::string(4096, 'x') + "\n";
  CHECK_THROWS_WITH(import_vtt(text, test), Catch::Contains("max_line_bytes (1024)"));
}

TEST_CASE("vtt-chapters: chapters out and back in", "[vtt][chapters]") {
  Show show;
  Episode& episode = show.episodes.emplace_back();
  episode.duration = 600'000;
  episode.chapters.push_back({0, 54'000, "Intro & welcome"});
  episode.chapters.push_back({76'000, std::nullopt, "Second <part>"});
  episode.chapters.push_back({300'000, std::nullopt, "Last"});
  testing::TestContext test;
  std::string out;
  ExportRequest request{show, &episode, "ch.vtt"};
  vtt::make_vtt_chapters_exporter()->write(request, out, test.context);
  CHECK(out ==
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:54.000\nIntro &amp; welcome\n\n"
        "2\n00:01:16.000 --> 00:05:00.000\nSecond &lt;part&gt;\n\n"
        "3\n00:05:00.000 --> 00:10:00.000\nLast\n\n");
  Show back;
  Input input{"ep.chapters.vtt", out};
  CHECK(vtt::probe_vtt(Input{"x.vtt", "WEBVTT\n\n"}) == 95);
  CHECK(vtt::probe_vtt(Input{"x.vtt", "WEBVTTX\n"}) == 20);  // ours, to report the signature
  CHECK(vtt::probe_vtt(Input{"x.vtt", "1\n00:00:01,000 --> 00:00:02,000\n"}) == 0);
  CHECK(vtt::probe_vtt_chapters(input) > vtt::probe_vtt(input));
  vtt::make_vtt_chapters_importer()->read(input, back, test.context);
  const auto& chapters = back.episodes.at(0).chapters;
  REQUIRE(chapters.size() == 3);
  CHECK(chapters[0].title == "Intro & welcome");
  CHECK(chapters[1].title == "Second <part>");
  CHECK(chapters[1].start == 76'000);
  CHECK(chapters[1].end == 300'000);
  CHECK(chapters[2].end == 600'000);
}

TEST_CASE("vtt export lays out a sparsely timed transcript into readable cues", "[vtt][layout]") {
  Show show;
  Episode& episode = show.episodes.emplace_back();
  Segment first;
  first.start = 0;
  first.speaker = "Anna";
  first.text =
      "Welcome back to the show. Today we talk about deploying software on a Friday, which "
      "everybody tells you never to do, and why we do it anyway. It is not as scary as it "
      "sounds, and our guest has done it for ten years without a single outage worth the name.";
  Segment second;
  second.start = 60'000;
  second.speaker = "Ben";
  second.text = "Thanks for having me. It is great to be here, and yes, we ship on Fridays.";
  episode.transcript.segments = {first, second};
  testing::TestContext test;
  std::string out = export_vtt(show, test);
  testing::TestContext back;
  Show cues = import_vtt(out, back);
  const auto& segments = cues.episodes[0].transcript.segments;
  REQUIRE(segments.size() > 3);
  bool ben_anchor = false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& cue = segments[i];
    INFO(cue.text);
    CHECK(!cue.speaker.empty());  // every cue carries its speaker as a voice
    CHECK(*cue.end > *cue.start);
    if (i > 0) CHECK(*cue.start > *segments[i - 1].start);
    std::size_t lines = 1, line_length = 0, longest = 0;
    for (char c : cue.text) {
      if (c == '\n') {
        ++lines;
        line_length = 0;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        longest = std::max(longest, ++line_length);
      }
    }
    CHECK(lines <= 2);
    CHECK(longest <= 42);
    if (cue.speaker == "Ben" && !ben_anchor) {
      CHECK(*cue.start == 60'000);  // the anchor lands on the first cue of its paragraph
      ben_anchor = true;
    }
  }
  CHECK(ben_anchor);
}

TEST_CASE("vtt: a million cues", "[vtt][bad]") {
  std::string text = "WEBVTT\n\n";
  text.reserve(1'000'000 * 48);
  char line[128];
  for (int i = 0; i < 1'000'000; ++i) {
    const long long ms = i * 1000LL;
    int n = std::snprintf(line, sizeof line,
                          "%02lld:%02lld:%02lld.000 --> %02lld:%02lld:%02lld.500\n<v S%d>c%d\n\n",
                          ms / 3'600'000, ms / 60'000 % 60, ms / 1000 % 60, ms / 3'600'000,
                          ms / 60'000 % 60, ms / 1000 % 60, i % 3, i);
    text.append(line, static_cast<std::size_t>(n));
  }
  testing::TestContext test;
  Show show = import_vtt(text, test);
  const auto& segments = show.episodes[0].transcript.segments;
  REQUIRE(segments.size() == 1'000'000);
  CHECK(segments.back().start == 999'999'000);
  CHECK(segments.back().speaker == "S0");
  CHECK(segments.back().text == "c999999");
  CHECK(export_vtt(show, test) == text);
}
