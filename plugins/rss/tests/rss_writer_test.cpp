#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "test_support.hpp"

using namespace castkit;
using rss::test::export_feed;
using rss::test::import_feed;

namespace {
/// A show with one of everything the exporter writes.
Show full_show() {
  Show show;
  show.title = "Tom & Jerry's <Show> ]]> \x01\x0B end";
  show.link = "https://example.com/";
  show.description = "About <b>it</b> ]]> and more";
  show.language = "en";
  show.author = "Jane";
  show.owner_name = "Jane";
  show.owner_email = "jane@example.com";
  show.image = "https://example.com/art.jpg";
  show.categories = {{"Technology", {}}, {"News", {"Tech News"}}};
  show.explicit_content = false;
  show.type = "episodic";
  show.copyright = "2026 Jane";
  show.feed_url = "https://podnews.net/rss";
  show.locked = true;
  show.locked_owner = "jane@example.com";
  show.funding = {{"https://example.com/give", "Support us"}};
  show.persons = {{"Jane", "host", "cast", "", "https://example.com/jane", {}}};
  show.medium = "podcast";
  Episode ep;
  ep.guid = "ep-1";
  ep.title = "One \"quoted\" <b>bold</b> & \x02more";
  ep.link = "https://example.com/1";
  ep.description = "<p>Notes ]]> with CDATA end</p>";
  ep.published = 1602217838000;
  ep.duration = 3723000;
  ep.enclosure = Enclosure{"https://example.com/1.mp3", "audio/mpeg", 12345};
  ep.season = 2;
  ep.number = 7;
  ep.episode_type = "full";
  ep.explicit_content = true;
  ep.persons = {{"Guest Person", "guest", "cast", "https://example.com/g.jpg", "", {}}};
  ep.chapters_link =
      FileLink{"https://example.com/1.chapters.json", "application/json+chapters", "", "", {}};
  ep.transcript_links = {{"https://example.com/1.vtt", "text/vtt", "en", "captions", {}},
                         {"https://example.com/1.html", "text/html", "en", "", {}}};
  ep.soundbites = {{60000, 30500, "Best bit"}};
  ep.location = Location{"Austin, TX", "geo:30.2672,97.7431", "R113314"};
  ep.license = "cc-by-4.0";
  ep.chapters = {{0, std::nullopt, "Intro", "", "", true, std::nullopt, {}}};
  show.episodes.push_back(ep);
  Episode decimal = ep;
  decimal.guid = "ep-1.5";
  decimal.number = 1.5;
  decimal.chapters_link.reset();
  show.episodes.push_back(decimal);
  return show;
}
}  // namespace

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
