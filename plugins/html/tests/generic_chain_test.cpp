// The generic chain: JSON-LD, the RSS link, OpenGraph / meta and heuristics, on the two real
// WordPress-style pages of the corpus and on fixtures of our own.
#include <catch2/catch.hpp>

#include <algorithm>

#include "episode_dump.hpp"
#include "test_host.hpp"
#include "test_server.hpp"

using namespace castkit;
using namespace castkit::html::testing;

namespace {

const std::string kFixtures = CASTKIT_PLUGIN_SOURCE_DIR "/tests/fixtures/";

Show import_fixture(const std::string& name, TestHost& host, const std::string& url = {}) {
  return import_page(read_file(kFixtures + name), name, url, host);
}

std::string server_url(const std::string& file) {
  return net::testing::TestServer::instance(kFixtures).url("/files/" + file);
}

bool fetched(const TestHost& host, const std::string& suffix) {
  return std::any_of(host.fetched.begin(), host.fetched.end(),
                     [&](const std::string& url) { return url.ends_with(suffix); });
}

}  // namespace

TEST_CASE(
    "WordPress page (podfm): title from the heading matching <title>, not the dialog's <h1>") {
  TestHost host;
  const std::string page = std::string(CASTKIT_TEST_DATA) + "/pages/podfm_episode_etnografiya.html";
  const Show show = import_page(read_file(page), "podfm_episode_etnografiya.html", "", host);
  const Episode& e = show.episodes.front();
  CHECK(e.title == "Клуб веселых академиков: Этнография");
  CHECK(provenance_of(e, "title") == "heading <h4> matching <title>");
  CHECK(e.description.starts_with("Для самых любознательных ребят на Детском радио"));
  CHECK(provenance_of(e, "description") == "meta description");
  REQUIRE(e.enclosure);
  CHECK(e.enclosure->url ==
        "https://backend.soundstream.media/mp3/70893ba48fb5e06f4ee0d42e26b959ad/high.mp3");
  CHECK(provenance_of(e, "enclosure") == "audio file link");
  // The site feed was tried (and failed: the test host is offline); the comments feed never.
  CHECK(host.fetched == std::vector<std::string>{"https://podfm.ru/feed/"});
}

TEST_CASE("saved page (hrum): OpenGraph title and description, the <audio> element's file") {
  TestHost host;
  const std::string page = std::string(CASTKIT_TEST_DATA) + "/pages/hrum_episode_kipling.html";
  const Episode e =
      import_page(read_file(page), "hrum_episode_kipling.html", "", host).episodes.front();
  CHECK(e.title == "Сказки - Сказки Киплинга на Детском Радио!");
  CHECK(provenance_of(e, "title") == "meta og:title");
  CHECK(e.description == "Сказки - Сказки Киплинга");
  REQUIRE(e.enclosure);
  CHECK(e.enclosure->url ==
        "https://101.ru/vardata/modules/musicdb/files/202109/35/"
        "721e12b0322acbe8e347f561e8a18e68.mp3");
  CHECK(e.enclosure->type == "audio/mpeg");
  CHECK(provenance_of(e, "enclosure") == "<audio> element");
  CHECK(e.link.empty());  // og:url is empty and the canonical link relative on this saved page
}

TEST_CASE("JSON-LD in @graph: fields, media, and hasPart clips as sorted chapters") {
  TestHost host;
  const Show show = import_fixture("jsonld_graph.html", host, "https://example.fm/12");
  const Episode& e = show.episodes.front();
  CHECK(show.title == "Example FM");
  CHECK(e.title == "Caching at the edge");
  CHECK(provenance_of(e, "title") == "json-ld name");
  CHECK(e.description == "We talk about CDNs &amp; caches.");
  CHECK(e.published == 1709629200000);  // 2024-03-05T09:00:00Z
  CHECK(e.duration == 3750000);
  CHECK(e.number == 12);
  CHECK(e.season == 2);
  CHECK(e.image == "https://example.fm/img/12.png");
  REQUIRE(e.enclosure);
  CHECK(e.enclosure->url == "https://cdn.example.fm/12.mp3");
  CHECK(e.enclosure->type == "audio/mpeg");
  CHECK(e.keywords == std::vector<std::string>{"cdn", "caching", "edge"});
  REQUIRE(e.chapters.size() == 3);
  CHECK(e.chapters[0].title == "Intro");
  CHECK(e.chapters[1].start == 95500);
  CHECK(e.chapters[2].end == 3000000);
  CHECK(e.chapters[2].url == "https://example.fm/12#edge");
  CHECK(host.fetched.empty());
}

TEST_CASE("JSON-LD as an array with a list @type, after a broken block") {
  TestHost host;
  const Episode e =
      import_fixture("jsonld_array.html", host, "https://example.org/page").episodes.front();
  CHECK(e.title == "Episode from an array");
  REQUIRE(e.enclosure);
  CHECK(e.enclosure->url == "https://example.org/media/ep7.m4a");
  REQUIRE(e.persons.size() == 1);
  CHECK(e.persons[0].name == "Ada Guest");
  CHECK(e.persons[0].role == "guest");
}

TEST_CASE("RSS link: the item found by canonical URL, chapters and JSON transcript followed") {
  TestHost host(local_fetcher());
  const std::string url = server_url("rss_link_page.html");
  const Show show =
      import_page(read_file(kFixtures + "rss_link_page.html"), "rss_link_page.html", url, host);
  const Episode& e = show.episodes.front();
  CHECK(show.title == "Example Podcast");
  CHECK(e.title == "Episode 42: Feeds all the way down");
  CHECK(provenance_of(e, "title") ==
        "RSS link " + server_url("feed.xml") + " (item by link) <title>");
  CHECK(e.guid == "example-42");
  CHECK(e.description == "<p>Rich <b>notes</b>.</p>");
  CHECK(e.published == 1709629200000);
  CHECK(e.duration == 3723000);
  CHECK(e.number == 42);
  CHECK(e.season == 3);
  REQUIRE(e.enclosure);
  CHECK(e.enclosure->length == 34216300u);
  REQUIRE(e.persons.size() == 1);
  CHECK(e.persons[0].role == "host");
  REQUIRE(e.chapters.size() == 3);
  CHECK(e.chapters[1].start == 61500);
  CHECK(e.chapters[1].end == 900000);
  CHECK_FALSE(e.chapters[2].toc);
  REQUIRE(e.chapters_link);
  CHECK(e.chapters_link->url == server_url("chapters.json"));
  REQUIRE(e.transcript.segments.size() == 2);
  CHECK(e.transcript.segments[1].speaker == "Bo Guest");
  CHECK(e.transcript.segments[1].start == 4250);
  REQUIRE(e.transcript_links.size() == 2);
  CHECK(e.transcript_links[1].rel == "captions");
  CHECK_FALSE(fetched(host, "comments.xml"));
  CHECK(fetched(host, "feed.xml"));
}

TEST_CASE("RSS link: the item found by the page's audio URL") {
  TestHost host(local_fetcher());
  const std::string url = server_url("rss_enclosure_page.html");
  const Episode e = import_page(read_file(kFixtures + "rss_enclosure_page.html"),
                                "rss_enclosure_page.html", url, host)
                        .episodes.front();
  CHECK(e.title == "Episode 43: the wrong one");
  CHECK(provenance_of(e, "title").ends_with("(item by enclosure) <title>"));
}

TEST_CASE("RSS link: an unreachable feed is a warning, and the chain goes on") {
  TestHost host;  // refuses every fetch
  const Episode e = import_fixture("rss_enclosure_page.html", host).episodes.front();
  CHECK(e.enclosure->url == "https://cdn.example.com/43.mp3");
  CHECK(provenance_of(e, "enclosure") == "meta og:audio");
  REQUIRE(host.logs.size() == 1);
  CHECK(host.logs[0].find("offline test host") != std::string::npos);
}

TEST_CASE("heuristics: \"00:00 Title\" chapters, Name: paragraphs, the heading matching <title>") {
  TestHost host;
  const Show show = import_fixture("heuristics.html", host, "https://radio.example/long-chat");
  const Episode& e = show.episodes.front();
  const std::string actual = dump(show, e);
  CHECK(actual == golden(CASTKIT_PLUGIN_SOURCE_DIR "/tests/golden/heuristics.txt", actual));
  CHECK(e.title == "The Long Chat");
  CHECK(e.enclosure->url == "https://radio.example/audio/long-chat.ogg");
  REQUIRE(e.chapters.size() == 4);
  CHECK(e.chapters[1].title == "First topic");
  CHECK(e.chapters[3].start == 3720000);
  REQUIRE(e.transcript.segments.size() >= 4);
  CHECK(e.transcript.segments[0].speaker == "Alice Smith");
  CHECK(e.transcript.segments[0].start == 5000);
  CHECK(e.transcript.segments[0].text == "Hello and welcome.");
  CHECK(e.transcript.segments[1].speaker == "Alice Smith");
  CHECK(e.transcript.segments[2].speaker == "Bob");
  CHECK(e.transcript.segments[4].speaker == "Alice Smith");
  CHECK(e.transcript.segments[4].text.starts_with("Note: one"));
  CHECK(e.transcript.segments[5].start == 130000);
  for (const auto& s : e.transcript.segments) CHECK(s.text.find("not a turn") == std::string::npos);
}

TEST_CASE("heuristics: a chapter table and speaker-element paragraphs (the benchmark's shape)") {
  TestHost host;
  const Show show = import_fixture("speaker_table.html", host);
  const Episode& e = show.episodes.front();
  const std::string actual = dump(show, e);
  CHECK(actual == golden(CASTKIT_PLUGIN_SOURCE_DIR "/tests/golden/speaker_table.txt", actual));
  REQUIRE(e.chapters.size() == 3);
  CHECK(e.chapters[0].title == "Welcome & intro");
  CHECK(e.chapters[1].title == "Why frugal?");
  CHECK(e.chapters[1].url == "https://example.com/links/1");
  CHECK(e.chapters[2].start == 3725000);
  REQUIRE(e.transcript.segments.size() == 3);
  CHECK(e.transcript.segments[0].text == "Hello, everyone — welcome.");
  CHECK(e.transcript.segments[2].text == "Let’s start.");
  CHECK(e.transcript.segments[2].start == 30000);
}

TEST_CASE("a page with no episode is an input error naming what was tried") {
  TestHost host;
  try {
    import_fixture("bad_times.html", host, "https://example.com/notes");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    CHECK(e.diagnostic().message ==
          "no episode found in https://example.com/notes: tried JSON-LD, RSS link, OpenGraph, "
          "headings");
  }
}

TEST_CASE("heuristics: a timestamp list past the known duration is not chapters") {
  TestHost host;
  const std::string page = R"(<html><head><title>Short one</title>
<script type="application/ld+json">{"@type": "PodcastEpisode", "name": "Short one", "duration": "PT10M"}</script>
</head><body><ul><li>00:00 Start</li><li>05:00 Middle</li><li>20:00 After the end</li></ul>
<ol><li>00:00 Start</li><li>04:00 Inside</li></ol></body></html>)";
  const Episode e = import_page(page, "short.html", "", host).episodes.front();
  REQUIRE(e.chapters.size() == 2);  // the first list runs past 10:00; the second fits
  CHECK(e.chapters[1].title == "Inside");
  CHECK(provenance_of(e, "duration") == "json-ld duration");
}
