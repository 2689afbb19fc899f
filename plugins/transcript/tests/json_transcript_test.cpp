// transcript-json: the spec's example (golden), Whisper JSON, round trips and bad input.
#include <catch2/catch.hpp>

#include "json_transcript_reader.hpp"
#include "json_transcript_writer.hpp"
#include "test_host.hpp"
#include "transcript_formats.hpp"

using namespace castkit;
using namespace castkit::transcript;
using castkit::transcript::testing::RecordingHost;

namespace {

Show import(const ImporterSpec& spec, std::string_view bytes, RecordingHost& host,
            const std::string& name = "in.json") {
  Input input{name, bytes};
  Context context{host, ConfigView(), ConfigView()};
  Show show;
  spec.create()->read(input, show, context);
  return show;
}

std::string export_episode(const ExporterSpec& spec, const Show& show, RecordingHost& host) {
  Context context{host, ConfigView(), ConfigView()};
  std::string out;
  spec.create()->write(ExportRequest{show, &show.episodes.front(), "out"}, out, context);
  return out;
}

// The input error a read throws, formatted as castkit prints it.
std::string read_error(std::string_view bytes) {
  RecordingHost host;
  try {
    read_json_transcript(bytes, "bad.json", host);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    return format_diagnostic(error.diagnostic());
  }
  FAIL("no error for: " << bytes.substr(0, 80));
  return {};
}

}  // namespace

TEST_CASE("transcript-json: the Podcasting 2.0 example") {
  RecordingHost host;
  const std::string bytes =
      testing::read_file(testing::data_path("rss/pc20-transcript-example.json"));
  CHECK(json_importer_spec().probe(Input{"x.json", bytes}) >= 80);
  const Show show = import(json_importer_spec(), bytes, host);
  REQUIRE(show.episodes.size() == 1);
  const auto& segments = show.episodes[0].transcript.segments;
  REQUIRE(segments.size() == 5);
  CHECK(segments[0].speaker == "Darth Vader");
  CHECK(segments[0].text == "I");
  CHECK(segments[0].start == 500);
  CHECK(segments[0].end == 750);
  CHECK(segments[2].start == 1500);
  CHECK(segments[2].end == 2000);
  CHECK(segments[3].end == 2500);  // written "2.50"
  CHECK(segments[4].speaker == "Luke");
  CHECK(segments[4].text == "Nooooo");
  CHECK_FALSE(segments[4].estimated);
  CHECK(host.reports.empty());

  SECTION("golden output") {
    const std::string out = export_episode(json_exporter_spec(), show, host);
    CHECK(out == testing::read_file(testing::golden_path("pc20-transcript-example.json")));
  }
  SECTION("round trip: export, import again, same model") {
    const std::string out = export_episode(json_exporter_spec(), show, host);
    const Show again = import(json_importer_spec(), out, host);
    CHECK(again.episodes[0].transcript == show.episodes[0].transcript);
    CHECK(export_episode(json_exporter_spec(), again, host) == out);
  }
}

TEST_CASE("transcript-json: members the model does not name survive a round trip") {
  RecordingHost host;
  const std::string bytes = R"({"version": "1.0.0", "language": "de",
    "generator": {"name": "x", "n": [1, 2.5]},
    "segments": [{"startTime": 1.0005, "endTime": 2, "body": "a \"quoted\" word",
                  "confidence": 0.93, "words": null}]})";
  const Transcript transcript = read_json_transcript(bytes, "in.json", host);
  REQUIRE(transcript.segments.size() == 1);
  CHECK(transcript.segments[0].start == 1001);
  CHECK(transcript.segments[0].speaker.empty());
  CHECK(transcript.language == "de");
  std::string out;
  write_json_transcript(transcript.segments, transcript.ext, out);
  CHECK_THAT(out, Catch::Contains("\"generator\": {"));
  CHECK_THAT(out, Catch::Contains("\"language\": \"de\""));
  CHECK_THAT(out, Catch::Contains("\"confidence\": 0.93"));
  CHECK_THAT(out, Catch::Contains("\"body\": \"a \\\"quoted\\\" word\""));
  CHECK(read_json_transcript(out, "again.json", host) == transcript);
}

TEST_CASE("transcript-json: Whisper-shaped JSON is read with a note") {
  RecordingHost host;
  const std::string bytes = R"({"text": " Hello there. General Kenobi.", "segments": [
    {"id": 0, "seek": 0, "start": 0.0, "end": 1.52, "text": " Hello there.", "tokens": [1, 2]},
    {"id": 1, "seek": 0, "start": 1.52, "end": 3.004, "text": " General Kenobi."}],
    "language": "en"})";
  CHECK(json_importer_spec().probe(Input{"w.json", bytes}) > 0);
  const Transcript transcript = read_json_transcript(bytes, "w.json", host);
  REQUIRE(transcript.segments.size() == 2);
  CHECK(transcript.language == "en");
  CHECK(transcript.segments[0].text == "Hello there.");
  CHECK(transcript.segments[1].start == 1520);
  CHECK(transcript.segments[1].end == 3004);
  CHECK(transcript.segments[0].ext.empty());  // Whisper's decoding details are not kept
  CHECK(transcript.ext.empty());
  REQUIRE(host.reports.size() == 1);
  CHECK(host.reports[0].severity == Severity::note);
  CHECK_THAT(host.reports[0].message, Catch::Contains("Whisper"));
}

TEST_CASE("transcript-json: an untimed transcript gets estimated times") {
  RecordingHost host;
  Show show;
  auto& segments = show.episodes.emplace_back().transcript.segments;
  segments.push_back(Segment{0, std::nullopt, false, "Ann", "Welcome to the show, everybody."});
  segments.push_back(Segment{std::nullopt, std::nullopt, false, "Bob", "Thanks for having me."});
  segments.push_back(Segment{std::nullopt, std::nullopt, false, "", "It is good to be here."});
  const std::string out = export_episode(json_exporter_spec(), show, host);
  const Transcript back = read_json_transcript(out, "out.json", host);
  REQUIRE(back.segments.size() == 3);
  CHECK(back.segments[0].start == 0);
  for (std::size_t i = 0; i < 3; ++i) {
    REQUIRE(back.segments[i].start);
    REQUIRE(back.segments[i].end);
    CHECK(*back.segments[i].end > *back.segments[i].start);
    if (i > 0) CHECK(*back.segments[i].start > *back.segments[i - 1].end);
  }
  CHECK(back.segments[2].speaker == "Bob");  // carried forward: every segment has its speaker
}

TEST_CASE("transcript-json: bad input gives a positioned error") {
  CHECK_THAT(read_error(""), Catch::Contains("empty"));
  CHECK_THAT(read_error("[1, 2]"), Catch::Contains("expected a JSON object"));
  CHECK_THAT(read_error(R"({"version": "1.0.0"})"), Catch::Contains("\"segments\" array"));
  CHECK_THAT(read_error(R"({"segments": [{"startTime": 1, "endTime": 2, "body": "a"},)"),
             Catch::Contains("bad.json:"));
  CHECK_THAT(read_error("{\"segments\": [{\"startTime\": 1, \"body\": \"trunc"),
             Catch::Contains("not closed"));
  CHECK_THAT(read_error("{\"segments\": [\n  {\"startTime\": -1, \"body\": \"a\"}]}"),
             Catch::Contains("bad.json:2:17: error: a time must be a number of seconds"));
  CHECK_THAT(read_error(R"({"segments": [{"startTime": "1.5", "body": "a"}]})"),
             Catch::Contains("expected a time in seconds"));
  CHECK_THAT(read_error(R"({"segments": [{"startTime": 1e300, "body": "a"}]})"),
             Catch::Contains("a time must be"));
  CHECK_THAT(read_error(R"({"segments": [{"startTime": 1}]})"), Catch::Contains("no \"body\""));
  CHECK_THAT(read_error(R"({"segments": [{"body": 5}]})"), Catch::Contains("(a string)"));
  CHECK_THAT(read_error(R"({"segments": [7]})"), Catch::Contains("expected a segment object"));
  CHECK_THAT(read_error("{\"segments\": [{\"body\": \"caf\xE9\"}]}"),
             Catch::Contains("invalid UTF-8 at byte offset 27"));
  CHECK_THAT(read_error(R"({"segments": []} trailing)"), Catch::Contains("bad.json:1:"));
}

TEST_CASE("transcript-json: deep nesting and binary input are refused, never a crash") {
  std::string deep = R"({"segments": [{"body": "a", "x": )";
  deep += std::string(100000, '[') + std::string(100000, ']') + "}]}";
  CHECK_THAT(read_error(deep), Catch::Contains("deep"));

  RecordingHost host;
  const std::string binary("{\"segments\": [{\"body\": \"a\0b\"}]}", 30);
  CHECK_THROWS_WITH(import(json_importer_spec(), binary, host), Catch::Contains("binary data"));
  const std::string random = "\x89PNG\r\n\x1a\n\x01\x02\xff\xfe\x00";
  CHECK_THROWS_AS(import(json_importer_spec(), random, host), Error);
}

TEST_CASE("transcript-json: a huge transcript reads in one pass") {
  std::string bytes = R"({"version": "1.0.0", "segments": [)";
  const int count = 200000;
  for (int i = 0; i < count; ++i) {
    if (i) bytes += ',';
    bytes += R"({"speaker": "S", "startTime": )" + std::to_string(i) + R"(.5, "endTime": )" +
             std::to_string(i + 1) + R"(, "body": "word"})";
  }
  bytes += "]}";
  RecordingHost host;
  const Transcript transcript = read_json_transcript(bytes, "big.json", host);
  REQUIRE(transcript.segments.size() == count);
  CHECK(transcript.segments.back().start == Millis{count - 1} * 1000 + 500);
}

TEST_CASE("transcript-json: the probe leaves castkit's own JSON and chapters alone") {
  const auto probe = json_importer_spec().probe;
  CHECK(probe(Input{"m.json", R"({"castkit": "1", "episodes": [{"segments": []}]})"}) == 0);
  CHECK(probe(Input{"c.json", R"({"version": "1.2.0", "chapters": []})"}) == 0);
  CHECK(probe(Input{"t.html", "<cite>A:</cite><p>x</p>"}) == 0);
  CHECK(probe(Input{"t.json", R"(  {"segments": [{"startTime": 1, "body": "x"}]})"}) == 90);
}

TEST_CASE("transcript-json: export and link role") {
  const ExporterSpec spec = json_exporter_spec();
  CHECK(spec.media_type == "application/json");
  CHECK(spec.link_role == LinkRole::transcript);
  CHECK(spec.scope == ExportScope::episode);
  CHECK(spec.extension == "json");
}

TEST_CASE("transcript-json: UTF-16 with a BOM and UTF-8 with a BOM are decoded first") {
  const std::string utf8 = R"({"segments": [{"speaker": "Zoë", "startTime": 1, "body": "café"}]})";
  std::string utf16le = "\xFF\xFE";
  for (char c : std::string(R"({"segments": [{"startTime": 1, "body": "hi"}]})")) {
    utf16le += c;
    utf16le += '\0';
  }
  RecordingHost host;
  const Show from_utf16 = import(json_importer_spec(), utf16le, host);
  CHECK(from_utf16.episodes.at(0).transcript.segments.at(0).text == "hi");
  const Show from_bom = import(json_importer_spec(), "\xEF\xBB\xBF" + utf8, host);
  CHECK(from_bom.episodes.at(0).transcript.segments.at(0).speaker == "Zoë");
  CHECK_THROWS_WITH(import(json_importer_spec(), "{\"segments\": [{\"body\": \"caf\xE9\"}]}", host),
                    Catch::Contains("--input-encoding"));
}

TEST_CASE("transcript-json and transcript-html: times before 0 are not written") {
  RecordingHost host;
  Show show;
  auto& segments = show.episodes.emplace_back().transcript.segments;
  segments.push_back(Segment{-2000, -500, false, "A", "Cut by an offset."});
  segments.push_back(Segment{1000, 2000, false, "A", "Kept."});
  const std::string json = export_episode(json_exporter_spec(), show, host);
  const Transcript back = read_json_transcript(json, "out.json", host);
  CHECK(back.segments.at(0).start == 0);
  CHECK(back.segments.at(0).end == 0);
  CHECK(back.segments.at(1).start == 1000);
  CHECK(host.reported("1 segment(s) have times before 0; written as 0"));
  const std::string html = export_episode(html_exporter_spec(), show, host);
  CHECK(html.find("<time>0:01</time>") != std::string::npos);
  CHECK(html.find("-0:") == std::string::npos);
  CHECK(host.reported("their times are left out"));
}

TEST_CASE("transcript-json: segments: cues writes subtitle-sized segments") {
  RecordingHost host;
  Show show;
  auto& segments = show.episodes.emplace_back().transcript.segments;
  segments.push_back(Segment{0, std::nullopt, false, "Ann",
                             "This paragraph is far too long for one caption, so it is laid out "
                             "into several cues. Each of them fits two lines of text."});
  segments.push_back(Segment{10000, std::nullopt, false, "Bob", "Short reply."});
  ConfigNode options{ConfigNode::Kind::mapping};
  ConfigNode value{ConfigNode::Kind::scalar};
  value.scalar = "cues";
  options.members.emplace_back("segments", value);
  Context context{host, ConfigView(&options), ConfigView()};
  std::string out;
  json_exporter_spec().create()->write(ExportRequest{show, &show.episodes.front(), "o"}, out,
                                       context);
  const Transcript back = read_json_transcript(out, "o.json", host);
  REQUIRE(back.segments.size() >= 3);
  CHECK(back.segments.front().start == 0);
  CHECK(back.segments.back().start == 10000);
  CHECK(back.segments.back().speaker == "Bob");
  for (const auto& segment : back.segments) {
    CHECK(segment.text.size() <= 84);
    CHECK(segment.text.find('\n') == std::string::npos);
  }

  options.members[0].second.scalar = "words";
  out.clear();
  CHECK_THROWS_WITH(json_exporter_spec().create()->write(
                        ExportRequest{show, &show.episodes.front(), "o"}, out, context),
                    Catch::Contains("expected \"paragraphs\" or \"cues\", found \"words\""));
}
