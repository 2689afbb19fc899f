// Merge rules: the first input wins where it has a value; empties are filled; episodes match
// by guid, link, title, else by position when both have exactly one.
#include <catch2/catch.hpp>

#include "model_merge.hpp"

using namespace castkit;
using namespace castkit::host;

namespace {

Episode episode(std::string guid, std::string title) {
  Episode e;
  e.guid = std::move(guid);
  e.title = std::move(title);
  return e;
}

}  // namespace

TEST_CASE("the first input wins and empty fields are filled from later ones") {
  Show a, b;
  a.title = "From page";
  b.title = "From feed";
  b.language = "en";
  a.ext["x.kept"] = Value("a");
  b.ext["x.kept"] = Value("b");
  b.ext["x.added"] = Value(3);
  merge_show(a, std::move(b));
  CHECK(a.title == "From page");
  CHECK(a.language == "en");
  CHECK(a.ext["x.kept"].string == "a");
  CHECK(a.ext["x.added"].integer == 3);
}

TEST_CASE("episodes with one episode each merge by position") {
  Show page, markdown;
  Episode e1 = episode("", "Ship It 89");
  e1.chapters.push_back(Chapter{.start = 0, .title = "Intro"});
  e1.duration = 3600000;
  page.episodes.push_back(e1);
  Episode e2 = episode("", "");
  Segment s;
  s.speaker = "Gerhard";
  s.text = "Hello";
  e2.transcript.segments.push_back(s);
  e2.duration = 1;
  e2.provenance.emplace_back("title", "markdown");
  markdown.episodes.push_back(e2);
  merge_show(page, std::move(markdown));
  REQUIRE(page.episodes.size() == 1);
  CHECK(page.episodes[0].title == "Ship It 89");
  CHECK(page.episodes[0].chapters.size() == 1);
  CHECK(page.episodes[0].duration == 3600000);
  REQUIRE(page.episodes[0].transcript.segments.size() == 1);
  CHECK(page.episodes[0].transcript.segments[0].speaker == "Gerhard");
  CHECK(page.episodes[0].provenance.size() == 1);
}

TEST_CASE("episodes match by guid, then link, then title, and the rest are appended") {
  Show feed, extra;
  feed.episodes = {episode("g1", "One"), episode("g2", "Two")};
  feed.episodes[1].link = "https://x/2";
  Episode by_guid = episode("g1", "Renamed");
  by_guid.image = "one.jpg";
  Episode by_link = episode("", "");
  by_link.link = "https://x/2";
  by_link.image = "two.jpg";
  Episode by_title = episode("", "Two");
  by_title.summary = "second";
  Episode unmatched = episode("g3", "Three");
  extra.episodes = {by_guid, by_link, by_title, unmatched};
  merge_show(feed, std::move(extra));
  REQUIRE(feed.episodes.size() == 3);
  CHECK(feed.episodes[0].title == "One");
  CHECK(feed.episodes[0].image == "one.jpg");
  CHECK(feed.episodes[1].image == "two.jpg");
  CHECK(feed.episodes[1].summary == "second");
  CHECK(feed.episodes[2].guid == "g3");
}

TEST_CASE("a transcript without segments takes the other's") {
  Transcript a, b;
  a.language = "en";
  b.language = "de";
  b.segments.push_back(Segment{.text = "Hallo"});
  merge_transcript(a, std::move(b));
  CHECK(a.language == "en");
  CHECK(a.segments.size() == 1);
}
