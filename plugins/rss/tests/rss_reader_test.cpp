#include <catch2/catch.hpp>

#include "feed_input.hpp"
#include "test_support.hpp"

using namespace castkit;
using rss::test::import_feed;
using rss::test::read_data;

namespace {
const Value* ext(const Extensions& extensions, const std::string& key) {
  auto it = extensions.find(key);
  return it == extensions.end() ? nullptr : &it->second;
}
bool unknown_contains(const Extensions& extensions, std::string_view needle) {
  const Value* unknown = ext(extensions, "rss.unknown");
  if (!unknown) return false;
  for (const Value& markup : unknown->items)
    if (markup.string.find(needle) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("the Podcasting 2.0 spec example") {
  Show show = import_feed(read_data("rss/pc20-spec-example.xml"));
  CHECK(show.title == "Podcasting 2.0 Namespace Example");
  CHECK(show.language == "en-US");
  CHECK(show.podcast_guid == "y0ur-gu1d-g035-h3r3");  // kept as written, never regenerated
  CHECK(show.locked == true);
  CHECK(show.locked_owner == "podcastowner@example.com");
  REQUIRE(show.funding.size() == 1);
  CHECK(show.funding[0].url == "https://example.com/donate");
  CHECK(show.funding[0].text == "Support the show!");
  CHECK(show.medium == "podcast");
  CHECK(show.license == "my-podcast-license-v1");
  CHECK(show.license_url == "https://example.org/mypodcastlicense/full.pdf");
  CHECK(show.explicit_content == false);
  CHECK(show.type == "episodic");
  REQUIRE(show.categories.size() == 2);
  CHECK(show.categories[1].text == "News");
  CHECK(show.categories[1].subcategories == std::vector<std::string>{"Tech News"});
  CHECK(show.owner_name == "John Doe");
  CHECK(show.owner_email == "johndoe@example.com");
  CHECK(show.image == "https://example.com/images/pci_avatar-massive.jpg");
  // Tags the model has no field for are kept as XML, under the canonical prefix.
  CHECK(unknown_contains(show.ext, "<podcast:value type=\"lightning\""));
  CHECK(unknown_contains(show.ext, "<podcast:liveItem"));
  CHECK(unknown_contains(show.ext, "<podcast:podroll>"));
  CHECK(unknown_contains(show.ext, "<podcast:trailer"));
  CHECK(unknown_contains(show.ext, "<podcast:location"));  // channel location: no model field

  REQUIRE(show.episodes.size() == 3);
  const Episode& ep = show.episodes[0];
  CHECK(ep.title == "Episode 3 - The Future");
  CHECK(ep.description ==
        "<p>A look into the future of podcasting and how we get to Podcasting 2.0!</p>");
  CHECK(ep.guid == "https://example.com/ep0003");
  CHECK(ep.guid_is_permalink == true);
  CHECK(ep.published == 1602217838000);
  CHECK(ep.image == "https://example.com/ep0003/artMd.jpg");
  CHECK(ep.season == 1);
  CHECK(ep.number == 3.0);
  REQUIRE(ep.chapters_link);
  CHECK(ep.chapters_link->url == "https://example.com/ep3_chapters.json");
  CHECK(ep.chapters_link->type == "application/json");
  REQUIRE(ep.transcript_links.size() == 2);
  CHECK(ep.transcript_links[1].type == "text/vtt");
  CHECK(ep.transcript_links[1].language == "es");
  CHECK(ep.transcript_links[1].rel == "captions");
  REQUIRE(ep.soundbites.size() == 1);
  CHECK(ep.soundbites[0].start == 33833);
  CHECK(ep.soundbites[0].duration == 60000);
  REQUIRE(ep.persons.size() == 3);
  CHECK(ep.persons[1].role == "guest");
  CHECK(ep.persons[2].group == "visuals");
  CHECK(ep.persons[2].role == "cover art designer");
  REQUIRE(ep.location);
  CHECK(ep.location->name == "Birmingham Civil Rights Museum");
  CHECK(ep.location->osm == "R6930627");
  const Value* location_extra = ext(ep.ext, "rss.attributes.podcast:location");
  REQUIRE(location_extra);
  CHECK(location_extra->find("country")->string == "US");
  CHECK(ext(ep.ext, "rss.attributes.podcast:season")->find("name")->string == "Podcasting 2.0");
  REQUIRE(ep.enclosure);
  CHECK(ep.enclosure->length == 43200000u);
  CHECK(unknown_contains(ep.ext, "<podcast:alternateEnclosure"));
  CHECK(unknown_contains(ep.ext, "<podcast:socialInteract"));
  CHECK(unknown_contains(ep.ext, "<author>John Doe (john@example.com)</author>"));
}

TEST_CASE("the alternate namespace URI is the same namespace") {
  Show show = import_feed(read_data("rss/partytime-example-alt-ns.xml"));
  CHECK(show.locked == true);
  REQUIRE(show.funding.size() == 1);
  CHECK(show.explicit_content == false);                                     // "no"
  CHECK(show.image == "https://example.com/images/pci_avatar-massive.jpg");  // itunes:image as text
  REQUIRE(show.episodes.size() == 3);
  CHECK(show.episodes[0].image == "https://example.com/ep0003/artMd.jpg");
  CHECK(show.episodes[0].persons.size() == 3);
  CHECK(unknown_contains(show.episodes[0].ext, "<podcast:images srcset="));
}

TEST_CASE("namespaces are matched on URI, not prefix") {
  Show show = import_feed(
      R"(<rss version="2.0" xmlns:pc="https://podcastindex.org/namespace/1.0" xmlns:it="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="urn:something-else">
<channel><title>T</title><pc:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</pc:guid><it:author>A</it:author>
<podcast:guid>not ours</podcast:guid>
<item><title>E</title><pc:episode>4.5</pc:episode><it:duration>10:00</it:duration></item></channel></rss>)");
  CHECK(show.podcast_guid == "917393e3-1b1e-5cef-ace4-edaa54e1f810");
  CHECK(show.author == "A");
  REQUIRE(show.episodes.size() == 1);
  CHECK(show.episodes[0].number == 4.5);
  CHECK(show.episodes[0].duration == 600000);
  // The foreign namespace that used the prefix "podcast" keeps its tags under another prefix.
  CHECK(unknown_contains(show.ext, "<podcast2:guid>not ours</podcast2:guid>"));
  CHECK(show.ext.at("rss.namespaces").find("podcast2")->string == "urn:something-else");
}

TEST_CASE("Podlove Simple Chapters inline") {
  Show show = import_feed(read_data("rss/feedparser-psc-simplechapters.xml"));
  REQUIRE(show.episodes.size() == 1);
  const auto& chapters = show.episodes[0].chapters;
  REQUIRE(chapters.size() == 4);
  CHECK(chapters[0].title == "Welcome");
  CHECK(chapters[0].start == 0);
  CHECK(chapters[1].start == 187250);
  CHECK(chapters[1].url == "http://podlove.org/");
  CHECK(chapters[2].start == 506000);
  CHECK(chapters[3].start == 762345);
  CHECK(chapters[3].title ==
        "Resum\xC3\xA9"
        "e");
}

TEST_CASE("a real iTunes-only feed: clean, MM:SS, numeric guids") {
  Show show = import_feed(read_data("rss/realworld-dw-langsam-gesprochene.xml"));
  REQUIRE(show.episodes.size() == 59);
  int with_duration = 0;
  for (const auto& episode : show.episodes) {
    CHECK_FALSE(episode.title.empty());
    CHECK(episode.enclosure.has_value());
    CHECK(episode.published.has_value());
    with_duration += episode.duration.has_value();
  }
  CHECK(with_duration == 59);
  CHECK(show.episodes[0].guid_is_permalink == false);
  CHECK(show.explicit_content == false);  // "clean"
}

TEST_CASE("a channel without items") {
  Show show = import_feed(read_data("rss/partytime-empty-channel.xml"));
  CHECK(show.episodes.empty());
  CHECK_FALSE(show.title.empty());
}

TEST_CASE("description and content:encoded both kept") {
  Show show = import_feed(
      R"(<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><title>E</title><description>short</description><content:encoded><![CDATA[<p>long</p>]]></content:encoded></item></channel></rss>)");
  CHECK(show.episodes[0].description == "<p>long</p>");
  CHECK(show.episodes[0].ext.at("rss.description").string == "short");
}

TEST_CASE("following links reads JSON chapters and transcripts (--follow)") {
  rss::test::RecordingHost host;
  host.bodies["https://example.com/ch.json"] = read_data("rss/pc20-chapters-example.json");
  host.bodies["https://example.com/t.json"] = read_data("rss/pc20-transcript-example.json");
  std::string feed =
      R"(<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title>
<item><title>A</title><podcast:chapters url="https://example.com/ch.json" type="application/json+chapters"/>
<podcast:transcript url="https://example.com/t.json" type="application/json" language="en"/></item>
<item><title>B</title><podcast:chapters url="https://example.com/missing.json" type="application/json"/>
<podcast:transcript url="https://example.com/t.vtt" type="text/vtt"/></item></channel></rss>)";
  Show show = import_feed(feed, "feed.xml", {{"follow", "true"}}, &host);
  CHECK_FALSE(show.episodes[0].chapters.empty());
  CHECK_FALSE(show.episodes[0].transcript.segments.empty());
  CHECK(show.episodes[0].transcript.language == "en");
  CHECK(show.episodes[1].chapters.empty());
  CHECK(host.count(Severity::warning) == 1);  // the 404
  CHECK(host.logs.size() == 1);               // the VTT transcript left to its own format
  Show unfollowed = import_feed(feed);
  CHECK(unfollowed.episodes[0].chapters.empty());
}

TEST_CASE("unknown elements with mixed content and CDATA and entities are kept exactly as XML") {
  Show show = import_feed(R"(<rss version="2.0" xmlns:x="urn:x"><channel><title>T</title>
<x:note a="1 &amp; 2">text &lt;b&gt; <x:b/>tail<![CDATA[ <raw> ]]><x:c>inner</x:c></x:note>
<x:empty/></channel></rss>)");
  const auto& unknown = show.ext.at("rss.unknown").items;
  REQUIRE(unknown.size() == 2);
  CHECK(unknown[0].string ==
        "<x:note a=\"1 &amp; 2\">text &lt;b&gt; <x:b/>tail<![CDATA[ <raw> "
        "]]><x:c>inner</x:c></x:note>");
  CHECK(unknown[1].string == "<x:empty/>");
  CHECK(show.ext.at("rss.namespaces").find("x")->string == "urn:x");
}

TEST_CASE("the RSS image is the show image when there is no itunes:image") {
  Show show = import_feed(R"(<rss version="2.0"><channel><title>T</title>
<image><url> https://example.com/a.png </url><title>T</title><link>https://example.com</link></image></channel></rss>)");
  CHECK(show.image == "https://example.com/a.png");
  CHECK(show.ext.at("rss.unknown").items.size() == 1);  // <image> itself is kept
}

TEST_CASE("following links without a network keeps the feed and warns") {
  struct OfflineHost : rss::test::RecordingHost {
    std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>&) override {
      throw Error(ErrorKind::io, Diagnostic{Severity::error, "", 0, 0, "offline"});
    }
  } host;
  Show show = import_feed(
      R"(<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
<title>T</title><item><title>A</title><podcast:chapters url="https://example.com/c.json" type="application/json+chapters"/></item>
</channel></rss>)",
      "feed.xml", {{"follow", "true"}}, &host);
  CHECK(show.episodes.size() == 1);
  CHECK(show.episodes[0].chapters.empty());
  CHECK(host.count(Severity::warning) == 1);
}

TEST_CASE("count_occurrences finds every position, in the 16-byte blocks and in the rest") {
  using castkit::rss::count_occurrences;
  CHECK(count_occurrences("", "xmlns:") == 0);
  CHECK(count_occurrences("xmlns:", "xmlns:") == 1);
  CHECK(count_occurrences("xmlns", "xmlns:") == 0);
  std::string text(40, 'x');
  for (std::size_t at : {0, 13, 20, 34}) text.replace(at, 6, "xmlns:");
  CHECK(count_occurrences(text, "xmlns:") == 4);
  CHECK(count_occurrences(text + "xmlns", "xmlns:") == 4);
  CHECK(count_occurrences("aaaa", "aa") == 3);
}
