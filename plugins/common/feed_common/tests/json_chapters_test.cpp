#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "castkit/diagnostics.hpp"
#include "castkit/feed/json_chapters.hpp"
#include "castkit/feed/json_transcript.hpp"

using namespace castkit::feed;

namespace {
std::string read_data(const std::string& name) {
  std::ifstream in(std::string(CASTKIT_TEST_DATA) + "/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("the spec's complex chapters example") {
  JsonChapters file =
      parse_json_chapters(read_data("rss/pc20-chapters-example-complex.json"), "c.json");
  CHECK(file.version == "1.2.0");
  CHECK_FALSE(file.author.empty());
  CHECK_FALSE(file.podcast_name.empty());
  REQUIRE(file.chapters.size() >= 3);
  bool has_marker = false, has_location = false;
  for (const auto& chapter : file.chapters) {
    has_marker |= !chapter.toc;
    has_location |= chapter.location.has_value() && !chapter.location->geo.empty();
  }
  CHECK(has_marker);
  CHECK(has_location);
}

TEST_CASE("write then read gives the same chapters") {
  JsonChapters file =
      parse_json_chapters(read_data("rss/pc20-chapters-example-complex.json"), "c.json");
  std::string out;
  write_json_chapters(file, out);
  JsonChapters again = parse_json_chapters(out, "out.json");
  CHECK(again.chapters == file.chapters);
  CHECK(again.author == file.author);
  CHECK(again.title == file.title);
}

TEST_CASE("old fields and unknown keys are accepted, bad ones name the chapter") {
  auto file = parse_json_chapters(
      R"({"version":"1.0.0","chapters":[{"id":1,"startTime":1.5,"hasArtwork":false,"title":"A","x":{}}]})",
      "old.json");
  REQUIRE(file.chapters.size() == 1);
  CHECK(file.chapters[0].start == 1500);
  CHECK_THROWS_WITH(parse_json_chapters(R"({"chapters":[{"title":"no start"}]})", "bad.json"),
                    Catch::Contains("chapter 1") && Catch::Contains("startTime"));
  CHECK_THROWS_AS(parse_json_chapters("{\"chapters\": [", "cut.json"), castkit::Error);
  CHECK_THROWS_AS(parse_json_chapters("[1,2]", "arr.json"), castkit::Error);
  try {
    parse_json_chapters("{\n  \"chapters\": [\n    oops\n]}", "pos.json");
    FAIL("expected an error");
  } catch (const castkit::Error& error) {
    CHECK(error.diagnostic().line == 3);
  }
}

TEST_CASE("a number too large for a double is an input error at its place, not a crash") {
  try {
    parse_json_chapters("{\n  \"chapters\": [\n    {\"startTime\": 1e400}\n]}", "big.json");
    FAIL("expected an error");
  } catch (const castkit::Error& error) {
    CHECK(error.kind() == castkit::ErrorKind::input);
    CHECK(error.diagnostic().file == "big.json");
    CHECK(error.diagnostic().line == 3);
    CHECK(error.diagnostic().column == 19);
    CHECK(error.diagnostic().message ==
          "not a readable JSON chapters file: number overflow parsing '1e400'");
  }
  castkit::Transcript transcript;
  try {
    parse_json_transcript(R"({"segments": [{"startTime": -1e999, "body": "x"}]})", "t.json",
                          transcript);
    FAIL("expected an error");
  } catch (const castkit::Error& error) {
    CHECK(error.kind() == castkit::ErrorKind::input);
    CHECK(error.diagnostic().line == 1);
    CHECK(error.diagnostic().column == 29);
    CHECK(error.diagnostic().message ==
          "not a readable JSON transcript: number overflow parsing '-1e999'");
  }
}

TEST_CASE("a syntax error says what was expected, once, after the place") {
  try {
    parse_json_chapters("{\"chapters\": [}", "cut.json");
    FAIL("expected an error");
  } catch (const castkit::Error& error) {
    CHECK(error.diagnostic().line == 1);
    CHECK(error.diagnostic().column == 15);
    CHECK(error.diagnostic().message ==
          "not a readable JSON chapters file: syntax error while parsing value - unexpected '}'; "
          "expected '[', '{', or a literal");
  }
}

TEST_CASE("the spec's JSON transcript example") {
  castkit::Transcript transcript;
  parse_json_transcript(read_data("rss/pc20-transcript-example.json"), "t.json", transcript);
  REQUIRE_FALSE(transcript.segments.empty());
  CHECK_FALSE(transcript.segments[0].speaker.empty());
  CHECK(transcript.segments[0].start.has_value());
}

TEST_CASE("chapter texts that need JSON escaping survive a write and a read") {
  JsonChapters file;
  file.title =
      "Quote \" backslash \\ slash / tab \t newline \n bell \x07 caf\xC3\xA9 \xF0\x9F\x8E\x99";
  castkit::Chapter chapter;
  chapter.start = 1500;
  chapter.title = std::string("bad \xFF byte and cut \xE2\x82");
  chapter.location = castkit::Location{"Place", "geo:1,2", ""};
  file.chapters = {chapter};
  std::string out;
  write_json_chapters(file, out);
  CHECK(out.find("\\u0007") != std::string::npos);
  JsonChapters back = parse_json_chapters(out, "out.json");
  CHECK(back.title == file.title);
  CHECK(back.chapters.at(0).title == "bad \xEF\xBF\xBD byte and cut \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(back.chapters.at(0).location == chapter.location);
  CHECK(back.chapters.at(0).start == 1500);
}
