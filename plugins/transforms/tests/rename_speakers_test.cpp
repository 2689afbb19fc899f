// rename-speakers maps speaker names, in segments and in WebVTT voice markup.
#include <catch2/catch.hpp>

#include "rename_speakers.hpp"
#include "test_host.hpp"

using namespace castkit;

TEST_CASE("speakers in the map are renamed, others are kept") {
  Show show;
  Episode& e = show.episodes.emplace_back();
  e.transcript.segments = {Segment{.speaker = "Gerhard", .text = "Hi"},
                           Segment{.speaker = "Adam", .text = "Hey"},
                           Segment{.speaker = "", .text = "…"}};
  e.transcript.segments[0].ext["vtt.markup"] =
      Value("<v Gerhard>Hi</v> <v.loud Gerhard>HI</v> <b>x</b>");
  CHECK(transforms::rename_speakers(show, {{"Gerhard", "Gerhard Lazu"}}) == 1);
  CHECK(e.transcript.segments[0].speaker == "Gerhard Lazu");
  CHECK(e.transcript.segments[0].ext["vtt.markup"].string ==
        "<v Gerhard Lazu>Hi</v> <v.loud Gerhard Lazu>HI</v> <b>x</b>");
  CHECK(e.transcript.segments[1].speaker == "Adam");
  CHECK(e.transcript.segments[2].speaker.empty());
}

TEST_CASE("rename-speakers reads its map from the options") {
  Show show;
  show.episodes.emplace_back().transcript.segments = {Segment{.speaker = "A"},
                                                      Segment{.speaker = "B"}};
  TestHost host;
  ConfigNode options;
  options.kind = ConfigNode::Kind::mapping;
  ConfigNode map = option_node("A", "Ann");
  options.members.emplace_back("map", map);
  Context context{host, ConfigView(&options), ConfigView()};
  transforms::make_rename_speakers()->apply(show, context);
  CHECK(show.episodes[0].transcript.segments[0].speaker == "Ann");
  CHECK(show.episodes[0].transcript.segments[1].speaker == "B");

  ConfigNode scalar_map = option_node("map", "A=Ann");
  Context wrong{host, ConfigView(&scalar_map), ConfigView()};
  CHECK_THROWS_AS(transforms::make_rename_speakers()->apply(show, wrong), Error);
}
