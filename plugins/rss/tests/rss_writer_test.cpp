#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "sample_show.hpp"
#include "test_support.hpp"

using namespace castkit;
using rss::test::export_feed;
using rss::test::full_show;
using rss::test::import_feed;

TEST_CASE("the feed is well-formed and text survives escaping") {
  Show show = full_show();
  std::string xml = export_feed(show);
  pugi::xml_document document;
  REQUIRE(document.load_buffer(xml.data(), xml.size()));
  auto channel = document.child("rss").child("channel");
  CHECK(std::string(channel.child_value("title")) == "Tom & Jerry's <Show> ]]>  end");
  Show back = import_feed(xml);
  CHECK(back.description == show.description);
  CHECK(back.episodes[0].description == show.episodes[0].description);
  CHECK(back.episodes[0].title == "One \"quoted\" <b>bold</b> & more");
}

TEST_CASE("Apple and Podcasting 2.0 tags are written") {
  std::string xml = export_feed(full_show());
  for (const char* expected :
       {"xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"",
        "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"",
        "<atom:link href=\"https://podnews.net/rss\" rel=\"self\" type=\"application/rss+xml\"/>",
        "<itunes:category text=\"News\">",
        "<itunes:category text=\"Tech News\"/>",
        "<itunes:explicit>false</itunes:explicit>",
        "<itunes:explicit>true</itunes:explicit>",
        "<itunes:owner>",
        "<itunes:email>jane@example.com</itunes:email>",
        "<itunes:image href=\"https://example.com/art.jpg\"/>",
        "<itunes:type>episodic</itunes:type>",
        "<podcast:guid>9b024349-ccf0-5f69-a609-6b82873eab3c</podcast:guid>",
        "<podcast:locked owner=\"jane@example.com\">yes</podcast:locked>",
        "<podcast:funding url=\"https://example.com/give\">Support us</podcast:funding>",
        "<podcast:person role=\"host\" group=\"cast\" "
        "href=\"https://example.com/jane\">Jane</podcast:person>",
        "<pubDate>Fri, 09 Oct 2020 04:30:38 +0000</pubDate>",
        "<enclosure url=\"https://example.com/1.mp3\" length=\"12345\" type=\"audio/mpeg\"/>",
        "<itunes:duration>3723</itunes:duration>",
        "<itunes:season>2</itunes:season>",
        "<itunes:episode>7</itunes:episode>",
        "<podcast:episode>1.5</podcast:episode>",
        "<podcast:chapters url=\"https://example.com/1.chapters.json\" "
        "type=\"application/json+chapters\"/>",
        "<podcast:transcript url=\"https://example.com/1.vtt\" type=\"text/vtt\" language=\"en\" "
        "rel=\"captions\"/>",
        "<podcast:soundbite startTime=\"60\" duration=\"30.5\">Best bit</podcast:soundbite>",
        "<podcast:location geo=\"geo:30.2672,97.7431\" osm=\"R113314\">Austin, "
        "TX</podcast:location>",
        "<podcast:license>cc-by-4.0</podcast:license>",
        "<description><![CDATA[<p>Notes ]]]]><![CDATA[> with"}) {
    INFO(expected);
    CHECK(xml.find(expected) != std::string::npos);
  }
  // itunes:episode only for whole numbers; psc only where no chapters file is linked.
  CHECK(xml.find("<itunes:episode>1</itunes:episode>") == std::string::npos);
  CHECK(xml.find("<psc:chapters") == xml.rfind("<psc:chapters"));
}

TEST_CASE("a guid already present is kept") {
  Show show = full_show();
  show.podcast_guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810";
  std::string xml = export_feed(show);
  CHECK(xml.find("<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>") !=
        std::string::npos);
  show.podcast_guid.clear();
  show.feed_url.clear();
  CHECK(export_feed(show).find("podcast:guid") == std::string::npos);
}

TEST_CASE("output is deterministic") {
  CHECK(export_feed(full_show()) == export_feed(full_show()));
}

TEST_CASE("a channel description longer than 4000 bytes is cut on a character boundary") {
  Show show = full_show();
  show.description = std::string(3999, 'a') +
                     "\xC3\xA9"
                     "tail";
  rss::test::RecordingHost host;
  std::string xml = export_feed(show, &host);
  REQUIRE(host.logs.size() == 1);
  Show back = import_feed(xml);
  CHECK(back.description == std::string(3999, 'a'));
}
