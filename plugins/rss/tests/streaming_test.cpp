// The streaming paths (castkit/streaming.hpp) give exactly what the whole-model paths give: the
// importer's read_into hands a sink the model read() builds, the exporter's sink writes the bytes
// write() writes, for every corpus feed and for generated ones.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sample_show.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::rss::test;

namespace {

/// Keeps copies of what it is given and checks the order of the calls.
class RecordingSink : public ModelSink {
 public:
  Show show_seen;
  int shows = 0, finishes = 0;
  void show(const Show& show) override {
    CHECK(shows == 0);
    CHECK(show.episodes.empty());
    show_seen = show;
    ++shows;
  }
  void episode(const Episode& episode) override {
    CHECK(shows == 1);
    CHECK(finishes == 0);
    show_seen.episodes.push_back(episode);
  }
  void segment(const Segment&) override { FAIL("the rss importer reads no transcript segments"); }
  void finish() override { ++finishes; }
};

/// A feed whose items differ from one to the next (so an episode object reused between items
/// must be emptied completely), with channel tags after the items and namespaces declared inside
/// items, on a known element and on an unknown one.
std::string generated_feed(int items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
      "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n"
      "<title>Generated &amp; streamed</title>\n<link>https://example.com/</link>\n";
  for (int i = 1; i <= items; ++i) {
    std::string n = std::to_string(i);
    xml += "<item>\n<title>Episode " + n + " &lt;" + n + "&gt;</title>\n";
    xml +=
        "<guid isPermaLink=\"" + std::string(i % 2 ? "false" : "true") + "\">g-" + n + "</guid>\n";
    if (i % 2) xml += "<description><![CDATA[<p>Notes " + n + "]]></description>\n";
    if (i % 3 == 0) xml += "<content:encoded><![CDATA[<p>Long notes]]></content:encoded>\n";
    if (i % 4 != 1)
      xml += "<enclosure url=\"https://example.com/" + n +
             ".mp3\" length=\"123\" type=\"audio/mpeg\" data-x=\"" + n + "\"/>\n";
    if (i % 5 == 0) xml += "<itunes:duration>01:02:03</itunes:duration>\n";
    if (i % 3 == 1)
      xml += "<podcast:person role=\"guest\" img=\"https://example.com/p.jpg\">Guest " + n +
             "</podcast:person>\n<podcast:person>Host</podcast:person>\n";
    if (i % 4 == 2)
      xml += "<podcast:location geo=\"geo:1,2\" rel=\"subject\">Place</podcast:location>\n";
    if (i % 6 == 0)
      xml +=
          "<psc:chapters version=\"1.2\" xmlns:psc=\"http://podlove.org/simple-chapters\">"
          "<psc:chapter start=\"00:00:00\" title=\"Intro\"/>"
          "<psc:chapter start=\"00:01:00.500\" title=\"Main\"/></psc:chapters>\n";
    if (i == 7) xml += "<media:content xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"u\"/>\n";
    if (i % 7 == 3) xml += "<podcast:txt purpose=\"verify\">t" + n + "</podcast:txt>\n";
    if (i % 2 == 0)
      xml += "<itunes:season>2</itunes:season><podcast:episode>" + n +
             ".5"
             "</podcast:episode>\n";
    xml += "<itunes:keywords>a, b" + n + "</itunes:keywords>\n</item>\n";
  }
  xml +=
      "<podcast:medium>podcast</podcast:medium>\n<copyright>After the items</copyright>\n"
      "<description>Described last</description>\n</channel>\n</rss>\n";
  return xml;
}

/// The corpus feeds and the generated ones, by name.
std::vector<std::pair<std::string, std::string>> feeds() {
  std::vector<std::pair<std::string, std::string>> all;
  for (const std::string& name : corpus_feeds()) all.emplace_back(name, read_data("rss/" + name));
  all.emplace_back("generated-1", generated_feed(1));
  all.emplace_back("generated-50", generated_feed(50));
  all.emplace_back("sample show", export_feed(full_show()));
  return all;
}

}  // namespace

TEST_CASE("read_into hands the sink the model read() builds, item by item") {
  for (const auto& [name, xml] : feeds()) {
    INFO(name);
    RecordingSink sink;
    stream_feed(xml, sink);
    CHECK(sink.shows == 1);
    CHECK(sink.finishes == 1);
    Show whole = import_feed(xml);
    REQUIRE(sink.show_seen.episodes.size() == whole.episodes.size());
    for (std::size_t i = 0; i < whole.episodes.size(); ++i) {
      INFO("episode " << i);
      CHECK(sink.show_seen.episodes[i] == whole.episodes[i]);
    }
    CHECK(sink.show_seen == whole);
  }
}

TEST_CASE("the channel's tags after the items and namespaces declared in items reach show()") {
  RecordingSink sink;
  stream_feed(generated_feed(7), sink);
  CHECK(sink.show_seen.copyright == "After the items");
  CHECK(sink.show_seen.description == "Described last");
  CHECK(sink.show_seen.medium == "podcast");
  REQUIRE(sink.show_seen.ext.count("rss.namespaces") == 1);
  const Value& namespaces = sink.show_seen.ext.at("rss.namespaces");
  REQUIRE(namespaces.members.size() == 1);
  CHECK(namespaces.members[0].first == "media");
}

TEST_CASE("a streaming rss -> rss conversion writes the bytes of read() + write()") {
  for (const auto& [name, xml] : feeds()) {
    INFO(name);
    std::string streamed = stream_feed_to_rss(xml);
    CHECK(streamed == export_feed(import_feed(xml)));
  }
}

TEST_CASE("the exporter's sink writes the bytes write() writes, warnings included") {
  std::vector<Show> shows{full_show()};
  for (const auto& [name, xml] : feeds()) shows.push_back(import_feed(xml));
  Show long_description = full_show();
  long_description.description.assign(5000, 'x');
  shows.push_back(long_description);
  for (const Show& show : shows) {
    INFO(show.title);
    RecordingHost whole_host, stream_host;
    CHECK(stream_show_to_rss(show, &stream_host) == export_feed(show, &whole_host));
    CHECK(stream_host.logs == whole_host.logs);
  }
}

TEST_CASE("following links (--follow) needs the whole model: read_into says so before reading") {
  RecordingSink sink;
  CHECK_THROWS_AS(stream_feed(generated_feed(1), sink, {{"follow", "true"}}), NeedsWholeModel);
  CHECK(sink.shows == 0);
}

TEST_CASE("read_into releases the whole input once it holds its own copy") {
  std::string xml = generated_feed(3);
  RecordingSink sink;
  RecordingHost host;
  stream_feed(xml, sink, {}, &host);
  CHECK(host.consumed == xml.size());
  CHECK(sink.show_seen.episodes.size() == 3);
}
