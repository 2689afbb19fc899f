// The srt format through the plugin interfaces: samples, encodings, speakers, export options,
// bad input.
#include <catch2/catch.hpp>

#include "castkit_testing/files.hpp"
#include "castkit_testing/recording_host.hpp"
#include "srt_formats.hpp"

using namespace castkit;

namespace {

using castkit::testing::read_file;

std::string data(const std::string& relative) {
  return read_file(std::string(CASTKIT_TEST_DATA) + "/subtitles/" + relative);
}

ConfigNode scalar(std::string value) {
  ConfigNode node;
  node.kind = ConfigNode::Kind::scalar;
  node.scalar = std::move(value);
  return node;
}

void set_option(testing::TestContext& test, std::string key, std::string value) {
  test.options_node.kind = ConfigNode::Kind::mapping;
  test.options_node.members.emplace_back(std::move(key), scalar(std::move(value)));
}

Show import_srt(std::string_view bytes, testing::TestContext& test, std::string encoding = {}) {
  Show show;
  Input input{"in.srt", bytes};
  input.encoding = std::move(encoding);
  srt::make_srt_importer()->read(input, show, test.context);
  return show;
}

std::string export_srt(const Show& show, testing::TestContext& test) {
  std::string out;
  ExportRequest request{show, &show.episodes.at(0), "out.srt"};
  srt::make_srt_exporter()->write(request, out, test.context);
  return out;
}

const std::vector<Segment>& segments(const Show& show) {
  return show.episodes.at(0).transcript.segments;
}

}  // namespace

TEST_CASE("srt samples: cue counts and texts", "[srt][import]") {
  struct Expect {
    const char* file;
    std::size_t cues;
  };
  for (Expect e : {Expect{"samples/srt-python/ascii.srt", 3},
                   {"samples/webvtt-py/sample.srt", 5},
                   {"samples/webvtt-py/one_caption.srt", 1},
                   {"samples/webvtt-py/missing_caption_text.srt", 4},
                   {"samples/webvtt-py/missing_timeframe.srt", 4},
                   {"samples/webvtt-py/invalid_timeframe.srt", 5},
                   {"samples/pysubs2/read_malformed.srt", 2},
                   {"samples/pysubs2/read_bad_tags.srt", 1},
                   {"samples/pysubs2/read_position_styling.srt", 2},
                   {"samples/pysubs2/empty_subtitles.srt", 1},
                   {"samples/pycaption/sample_srt.srt", 7},
                   {"samples/subtitle.js/LaLaLand.srt", 1333},
                   {"samples/ffmpeg-fate-ref/sub-srt-madness-timeshift.expected.srt", 7}}) {
    INFO(e.file);
    testing::TestContext test;
    CHECK(segments(import_srt(data(e.file), test)).size() == e.cues);
  }
}

TEST_CASE("srt text: tags, position codes, entities, unknown tags are text", "[srt][import]") {
  testing::TestContext test;
  Show show = import_srt(data("samples/pysubs2/read_position_styling.srt"), test);
  CHECK(segments(show)[0].text == "Elephant's Dream");
  CHECK(segments(show)[0].html == "<i>Elephant's Dream</i>");
  CHECK(segments(show)[0].ext.at("srt.coordinates").string == "X1:63 X2:223 Y1:43 Y2:58");
  CHECK(segments(show)[1].text == "At the left we can see...");
  CHECK(segments(show)[1].html.empty());
  Show bad = import_srt(data("samples/pysubs2/read_bad_tags.srt"), test);
  CHECK(segments(bad)[0].text == "Elephant's Dream Is Long And Badly Nested");
  Show tagged =
      import_srt("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}On top &amp; <b>bold</b>\n", test);
  CHECK(segments(tagged)[0].text == "On top & bold");
  CHECK(segments(tagged)[0].html == "On top &amp; <b>bold</b>");
  CHECK(segments(tagged)[0].ext.at("srt.position").string == "{\\an8}");
  Show pycaption = import_srt(data("samples/pycaption/sample_srt.srt"), test);
  CHECK(segments(pycaption)[6].text == "<LAUGHING & WHOOPS!>");
}

TEST_CASE("srt speakers: NAME: labels, not 'Note:' or 'Subtitles:'", "[srt][speakers]") {
  testing::TestContext test;
  Show show = import_srt(data("samples/pycaption/sample_srt.srt"), test);
  const auto& s = segments(show);
  CHECK(s[0].speaker.empty());
  CHECK(s[1].speaker == "MAN");
  CHECK(s[1].text == "When we think\n\u266A ...say bow, wow, \u266A");
  CHECK(s[2].speaker.empty());
  CHECK(s[4].speaker == "MAN 2");
  CHECK(s[4].text == "E equals m c-squared is\nnot about an old Einstein.");
  Show la = import_srt(data("samples/subtitle.js/LaLaLand.srt"), test);
  CHECK(segments(la)[0].speaker.empty());  // "Subtitles: @marlonrock1986"
  Show notes = import_srt(
      "1\n00:00:01,000 --> 00:00:02,000\nNote: this is not a speaker\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\nAt 10:30 we left\n\n"
      "3\n00:00:05,000 --> 00:00:06,000\nJOHN: Hi there\n",
      test);
  CHECK(segments(notes)[0].speaker.empty());
  CHECK(segments(notes)[1].speaker.empty());
  CHECK(segments(notes)[2].speaker == "JOHN");
  CHECK(segments(notes)[2].text == "Hi there");
}

TEST_CASE("srt speakers: capitalized mode, custom pattern, off", "[srt][speakers]") {
  const std::string text =
      "1\n00:00:01,000 --> 00:00:02,000\nJohn: Hi\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\nNote: not him\n\n"
      "3\n00:00:05,000 --> 00:00:06,000\n[Mary] Hello\n";
  testing::TestContext capitalized;
  set_option(capitalized, "speakers", "capitalized");
  Show a = import_srt(text, capitalized);
  CHECK(segments(a)[0].speaker == "John");
  CHECK(segments(a)[1].speaker.empty());
  testing::TestContext pattern;
  set_option(pattern, "speaker_pattern", R"(\[([^\]]+)\]\s*)");
  Show b = import_srt(text, pattern);
  CHECK(segments(b)[0].speaker.empty());
  CHECK(segments(b)[2].speaker == "Mary");
  CHECK(segments(b)[2].text == "Hello");
  testing::TestContext off;
  set_option(off, "speakers", "off");
  CHECK(
      segments(import_srt("1\n00:00:01,000 --> 00:00:02,000\nJOHN: Hi\n", off))[0].speaker.empty());
  testing::TestContext wrong;
  set_option(wrong, "speakers", "sometimes");
  CHECK_THROWS_WITH(import_srt(text, wrong), Catch::Contains("upper, capitalized or off"));
}

TEST_CASE("srt dual-speaker dash lines", "[srt][speakers]") {
  testing::TestContext test;
  Show show = import_srt(
      "1\n00:00:01,000 --> 00:00:03,000\n- ANNA: Coffee?\n- BEN: Please.\n\n"
      "2\n00:00:04,000 --> 00:00:05,000\n- Yes.\n- No.\n",
      test);
  const auto& s = segments(show);
  CHECK(s[0].speaker == "ANNA");
  CHECK(s[0].text == "Coffee?\nPlease.");
  REQUIRE(s[0].ext.count("subtitle.turns"));
  CHECK(s[0].ext.at("subtitle.turns").items.size() == 2);
  CHECK(s[1].text == "- Yes.\n- No.");  // unlabelled dash lines stay text
  CHECK(export_srt(show, test) ==
        "1\n00:00:01,000 --> 00:00:03,000\n- ANNA: Coffee?\n- BEN: Please.\n\n"
        "2\n00:00:04,000 --> 00:00:05,000\n- Yes.\n- No.\n\n");
}

TEST_CASE("srt export: indexes, labels at speaker changes, tags mapped, options", "[srt][export]") {
  Show show;
  Episode& episode = show.episodes.emplace_back();
  auto add = [&](Millis start, Millis end, std::string speaker, std::string text) {
    Segment s;
    s.start = start;
    s.end = end;
    s.speaker = std::move(speaker);
    s.text = std::move(text);
    episode.transcript.segments.push_back(std::move(s));
    return &episode.transcript.segments.back();
  };
  add(1000, 2000, "Anna", "one");
  add(2000, 3000, "Anna", "two\n\nwith a blank line");
  Segment* vtt = add(3'600'000, 3'601'500, "Ben", "a & b ruby");
  vtt->ext["vtt.markup"] = Value("<v Ben><i>a</i> &amp; <c.x>b</c> <ruby>ruby<rt>r</rt></ruby>");
  testing::TestContext test;
  CHECK(export_srt(show, test) ==
        "1\n00:00:01,000 --> 00:00:02,000\nAnna: one\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\ntwo\nwith a blank line\n\n"
        "3\n01:00:00,000 --> 01:00:01,500\nBen: <i>a</i> & b ruby\n\n");
  testing::TestContext options;
  set_option(options, "crlf", "true");
  set_option(options, "bom", "true");
  set_option(options, "speaker_labels", "every");
  std::string out = export_srt(show, options);
  CHECK(out.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(out.find("1\r\n00:00:01,000 --> 00:00:02,000\r\nAnna: one\r\n\r\n") == 3);
  CHECK(out.find("Anna: two\r\n") != std::string::npos);
  CHECK(out.find("\n\n") == std::string::npos);
}

TEST_CASE("srt -> model -> srt is stable", "[srt][export]") {
  for (const char* file : {"samples/pycaption/sample_srt.srt", "samples/subtitle.js/LaLaLand.srt",
                           "samples/pysubs2/read_position_styling.srt",
                           "samples/ffmpeg-fate-ref/sub-srt-madness-timeshift.expected.srt"}) {
    INFO(file);
    testing::TestContext test;
    std::string once = export_srt(import_srt(data(file), test), test);
    testing::TestContext again;
    CHECK(export_srt(import_srt(once, again), again) == once);
  }
}

TEST_CASE("srt encodings: BOMs, UTF-16, legacy code pages, invalid UTF-8", "[srt][encoding]") {
  const std::string ascii = data("samples/srt-python/ascii.srt");
  testing::TestContext test;
  CHECK(segments(import_srt("\xEF\xBB\xBF" + ascii, test)).size() == 3);
  std::string le = "\xFF\xFE", be = "\xFE\xFF", no_bom;
  for (char c : ascii) {
    le += c, le += '\0';
    be += '\0', be += c;
    no_bom += c, no_bom += '\0';
  }
  CHECK(segments(import_srt(le, test))[2].text == "ascii everywhere");
  CHECK(segments(import_srt(be, test))[2].text == "ascii everywhere");
  CHECK_THROWS_WITH(import_srt(no_bom, test),
                    Catch::Contains("UTF-16LE without a byte order mark") &&
                        Catch::Contains("--input-encoding UTF-16LE"));
  const std::string gb = data("samples/srt-python/gb2312.srt");
  CHECK_THROWS_WITH(import_srt(gb, test), Catch::Contains("invalid UTF-8 at byte offset 32") &&
                                              Catch::Contains("--input-encoding"));
  Show chinese = import_srt(gb, test, "GB2312");
  CHECK(segments(chinese)[0].text == "宇宙守护神  保护我们远离邪恶");
  Show latin = import_srt("1\n00:00:01,000 --> 00:00:02,000\nCaf\xE9\n", test, "cp1252");
  CHECK(segments(latin)[0].text == "Caf\u00E9");
}

TEST_CASE("srt bad input: clear errors, never a crash", "[srt][bad]") {
  testing::TestContext test;
  CHECK_THROWS_WITH(import_srt("", test), Catch::Contains("empty file"));
  CHECK_THROWS_WITH(import_srt("\n\n  \n", test), Catch::Contains("empty file"));
  CHECK_THROWS_WITH(import_srt(data("samples/webvtt-py/invalid_format2.srt"), test),
                    Catch::Contains("no SRT cues found"));
  static const char kBinary[] =
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0";
  CHECK_THROWS_WITH(import_srt(std::string_view(kBinary, sizeof kBinary - 1), test),
                    Catch::Contains("binary data"));
  // Truncated in the middle of a timing line: the cues before it survive.
  Show truncated = import_srt("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,0", test);
  CHECK(segments(truncated).size() == 1);
  // A single 100 MB line is refused by the default 16 MiB limit.
  std::string huge = "1\n00:00:01,000 --> 00:00:02,000\n";
  huge.append(100u << 20, 'x');
  CHECK_THROWS_WITH(import_srt(huge, test), Catch::Contains("limits.max_line_bytes (16777216)"));
}

TEST_CASE("srt: a million cues", "[srt][bad]") {
  std::string text;
  text.reserve(1'000'000 * 48);
  char line[96];
  for (int i = 0; i < 1'000'000; ++i) {
    const long long ms = i * 1000LL;
    int n = std::snprintf(line, sizeof line,
                          "%d\n%02lld:%02lld:%02lld,000 --> %02lld:%02lld:%02lld,500\nc%d\n\n",
                          i + 1, ms / 3'600'000, ms / 60'000 % 60, ms / 1000 % 60, ms / 3'600'000,
                          ms / 60'000 % 60, ms / 1000 % 60, i);
    text.append(line, static_cast<std::size_t>(n));
  }
  testing::TestContext test;
  Show show = import_srt(text, test);
  REQUIRE(segments(show).size() == 1'000'000);
  CHECK(segments(show).back().start == 999'999'000);
  CHECK(segments(show).back().text == "c999999");
  std::string out = export_srt(show, test);
  CHECK(out == text);
}

TEST_CASE("srt export lays out a sparsely timed transcript", "[srt][layout]") {
  Show show;
  Episode& episode = show.episodes.emplace_back();
  Segment first;
  first.start = 0;
  first.speaker = "Anna";
  first.text =
      "Welcome back to the show. Today we talk about deploying software on a Friday, which "
      "everybody tells you never to do, and why we do it anyway. It is not as scary as it sounds.";
  Segment second;
  second.start = 30'000;
  second.speaker = "Ben";
  second.text = "Thanks for having me. It is great to be here, and yes, we ship on Fridays.";
  episode.transcript.segments = {first, second};
  testing::TestContext test;
  std::string out = export_srt(show, test);
  // Mixed-case labels read back with speakers: capitalized (the default only takes NAME:).
  testing::TestContext back;
  set_option(back, "speakers", "capitalized");
  Show cues = import_srt(out, back);
  const auto& s = segments(cues);
  REQUIRE(s.size() > 3);
  CHECK(s.front().speaker == "Anna");
  CHECK(s.front().text.rfind("Welcome back", 0) == 0);
  CHECK(out.find("\nAnna: Welcome back") != std::string::npos);
  CHECK(out.find("\n00:00:30,000 --> ") != std::string::npos);  // the anchor starts Ben's cue
  CHECK(out.find("\nBen: Thanks") != std::string::npos);
  CHECK(out.find("Anna: ", out.find("Anna: ") + 1) == std::string::npos);  // only at changes
  // The label shares the first line, and the layout keeps room for it: no line passes 42.
  std::size_t line_start = 0;
  while (line_start < out.size()) {
    std::size_t line_end = out.find('\n', line_start);
    if (line_end == std::string::npos) line_end = out.size();
    CHECK(line_end - line_start <= 42);
    line_start = line_end + 1;
  }
}

TEST_CASE("ffmpeg's FATE madness output: number-only lines as ffmpeg reads them", "[srt][import]") {
  testing::TestContext test;
  Show show =
      import_srt(data("samples/ffmpeg-fate-ref/sub-srt-madness-timeshift.expected.srt"), test);
  const auto& s = segments(show);
  REQUIRE(s.size() == 7);
  CHECK(s[1].text == "31 i'm a number but the only payload so please keep me :)");
  CHECK(s[2].text == "hello\n5\ndon't forget me.");
  CHECK(s[4].text ==
        "let's do it in reverse bc wtf not\n45 yes this is a number but i'm actually part of the "
        "sub");
  CHECK(s[5].text == "1\n0\nnext is negative, not a chapnum ;)\n-1");
  CHECK(s[6].text == "credits\n2015");
  CHECK(s[6].start == 13'241);
  CHECK(s[6].end == 13'263);
}
