// The offset transform shifts chapters, segments and soundbites, clamping at zero.
#include <catch2/catch.hpp>

#include "offset.hpp"
#include "test_host.hpp"

using namespace castkit;

namespace {

Show sample() {
  Show show;
  Episode& e = show.episodes.emplace_back();
  e.chapters = {Chapter{.start = 0, .end = 54000, .title = "Intro"},
                Chapter{.start = 76000, .title = "Two"}};
  e.transcript.segments = {Segment{.start = 1000, .end = 2000, .text = "a"},
                           Segment{.text = "untimed"}};
  e.soundbites = {Soundbite{.start = 5000, .duration = 3000}};
  e.duration = 3600000;
  return show;
}

}  // namespace

TEST_CASE("offset shifts every time of every episode") {
  Show show = sample();
  CHECK(transforms::shift_times(show, 30000) == 0);
  const Episode& e = show.episodes[0];
  CHECK(e.chapters[0].start == 30000);
  CHECK(e.chapters[0].end == 84000);
  CHECK(e.chapters[1].start == 106000);
  CHECK_FALSE(e.chapters[1].end);
  CHECK(e.transcript.segments[0].start == 31000);
  CHECK(e.transcript.segments[0].end == 32000);
  CHECK_FALSE(e.transcript.segments[1].start);
  CHECK(e.soundbites[0].start == 35000);
  CHECK(e.soundbites[0].duration == 3000);
  CHECK(e.duration == 3600000);
}

TEST_CASE("a negative offset clamps times before the start to zero and says so") {
  Show show = sample();
  TestHost host;
  ConfigNode options = option_node("ms", "-1500");
  Context context{host, ConfigView(&options), ConfigView()};
  transforms::make_offset()->apply(show, context);
  const Episode& e = show.episodes[0];
  CHECK(e.chapters[0].start == 0);
  CHECK(e.transcript.segments[0].start == 0);
  CHECK(e.transcript.segments[0].end == 500);
  CHECK(e.soundbites[0].start == 3500);
  REQUIRE(host.lines.size() == 1);
  CHECK(host.lines[0] == "offset -1500 ms moved 2 times before the start; they were set to 0");
}

TEST_CASE("offset needs an integer ms option") {
  Show show = sample();
  TestHost host;
  ConfigNode bad = option_node("ms", "soon");
  Context context{host, ConfigView(&bad), ConfigView()};
  try {
    transforms::make_offset()->apply(show, context);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(format_diagnostic(e.diagnostic()) ==
          "castkit.yaml:3:9: error: expected an integer, found \"soon\"");
  }
  ConfigNode none = option_node("other", "1");
  Context missing{host, ConfigView(&none), ConfigView()};
  CHECK_THROWS_AS(transforms::make_offset()->apply(show, missing), Error);
}
