// The changelog site profile on the reconstructed Ship It! #89 page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "episode_dump.hpp"
#include "test_host.hpp"

using namespace castkit;
using namespace castkit::html::testing;

namespace {

const std::string kPage =
    std::string(CASTKIT_TEST_DATA) + "/pages/changelog-shipit-89.reconstructed.html";

Show import_shipit89(const std::string& url = {}, const ConfigNode& options = options_node({})) {
  TestHost host;
  Show show =
      import_page(read_file(kPage), "changelog-shipit-89.reconstructed.html", url, host, options);
  CHECK(host.fetched.empty());  // a page a profile reads needs no feed
  REQUIRE(show.episodes.size() == 1);
  return show;
}

}  // namespace

TEST_CASE("changelog profile: the whole episode matches the golden file") {
  const Show show = import_shipit89();
  const std::string actual = dump(show, show.episodes.front());
  CHECK(actual ==
        golden(CASTKIT_PLUGIN_SOURCE_DIR "/tests/golden/changelog-shipit-89.txt", actual));
}

TEST_CASE("changelog profile: header fields, sponsors, notes and Featuring") {
  const Show show = import_shipit89();
  const Episode& e = show.episodes.front();
  CHECK(show.title == "Ship It!");
  CHECK(e.title == "Rust efficiencies at AWS scale");
  CHECK(e.number == 89);
  REQUIRE(e.enclosure);
  CHECK(e.enclosure->url ==
        "https://op3.dev/e/https://pscrb.fm/rss/p/https://cdn.changelog.com/uploads/shipit/89/"
        "ship-it-89.mp3");
  CHECK(e.summary.starts_with("Tim McNamara is known as New Zealand’s Rust guy."));
  REQUIRE(e.persons.size() == 2);
  CHECK(e.persons[0].name == "Tim McNamara");
  CHECK(e.persons[1].name == "Gerhard Lazu");
  REQUIRE(e.sponsors.size() == 3);
  CHECK(e.sponsors[0].name == "Fastly");
  CHECK(e.sponsors[0].url == "https://www.fastly.com/?utm_source=changelog");
  CHECK(e.sponsors[0].text.starts_with("Our bandwidth partner."));
  CHECK(e.notes.size() == 8);
  CHECK(e.notes[1].title ==
        "🎬 Rust is interesting, but does it really make sense for me? - AWS re:Invent 2022 - Tim "
        "McNamara");
}

TEST_CASE("changelog profile: 17 chapters, ends from the Duration column") {
  const Episode e = import_shipit89().episodes.front();
  REQUIRE(e.chapters.size() == 17);
  CHECK(e.chapters[0].title == "Welcome");
  CHECK(e.chapters[0].start == 0);
  CHECK(e.chapters[0].end == 54000);    // 00:54, not the next start
  CHECK(e.chapters[1].start == 76000);  // 01:16
  CHECK(e.chapters[2].title == "Tim's ribs");
  CHECK(e.chapters[16].title == "Outro");
  CHECK(e.chapters[16].start == 3766000);
  CHECK(e.chapters[16].end == 3766000 + 42000);
}

TEST_CASE(
    "changelog profile: speaker turns, anchors only at paragraph starts, boilerplate skipped") {
  const Episode e = import_shipit89().episodes.front();
  const auto& segments = e.transcript.segments;
  REQUIRE(segments.size() > 125);
  CHECK(segments.front().speaker == "Gerhard Lazu");
  CHECK(segments.front().text == "Tim. Fourth time lucky.");
  CHECK(segments.back().speaker == "Tim McNamara");
  CHECK(segments.back().text == "Take care. Bye-bye.");
  std::set<std::string> speakers;
  for (const auto& s : segments) speakers.insert(s.speaker);
  CHECK(speakers == std::set<std::string>{"Break", "Gerhard Lazu", "Tim McNamara"});
  for (const auto& s : segments) {
    CHECK(s.text.find("Play the audio") == std::string::npos);
    CHECK(s.text.find("open source on GitHub") == std::string::npos);
  }
  std::vector<Millis> anchors;
  for (const auto& s : segments)
    if (s.start) anchors.push_back(*s.start);
  CHECK(anchors == std::vector<Millis>{356000, 617000, 854000, 1083000, 1328000, 1558000, 1831000,
                                       2063000, 2218000, 2518000, 2766000, 3026000, 3255000,
                                       3458000});
  // "[05:56] Typically, ..." loses its anchor text; an inline "1:30" stays text without a time.
  const auto typically = std::find_if(segments.begin(), segments.end(),
                                      [](const Segment& s) { return s.start == 356000; });
  CHECK(typically->text.starts_with("Typically, people are very understanding"));
  const auto ditch = std::find_if(segments.begin(), segments.end(), [](const Segment& s) {
    return s.text.find("at about 1:30 in the morning") != std::string::npos;
  });
  REQUIRE(ditch != segments.end());
  CHECK_FALSE(ditch->start);
  const auto unintelligible = std::find_if(segments.begin(), segments.end(), [](const Segment& s) {
    return s.text.find("[unintelligible 00:11:44.26]") != std::string::npos;
  });
  REQUIRE(unintelligible != segments.end());
  CHECK_FALSE(unintelligible->start);
}

TEST_CASE("changelog profile: chosen by URL, by signature, or forced with --site") {
  const Episode by_url = import_shipit89("https://changelog.com/shipit/89").episodes.front();
  CHECK(provenance_of(by_url, "title")
            .starts_with("site profile changelog (URL https://changelog.com/shipit/89)"));
  const Episode saved = import_shipit89().episodes.front();
  CHECK(provenance_of(saved, "title")
            .starts_with("site profile changelog (signature meta og:site_name=Changelog)"));
  const Episode forced =
      import_shipit89({}, options_node({{"site", "changelog"}})).episodes.front();
  CHECK(provenance_of(forced, "title").starts_with("site profile changelog (--site changelog)"));
}

TEST_CASE("an unknown --site profile is a usage error naming the known ones") {
  TestHost host;
  const ConfigNode options = options_node({{"site", "nosuchsite"}});
  try {
    import_page(read_file(kPage), "p.html", "", host, options);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(e.diagnostic().message.starts_with("no site profile named \"nosuchsite\" (known: "));
    CHECK(e.diagnostic().message.find("changelog") != std::string::npos);
  }
}
