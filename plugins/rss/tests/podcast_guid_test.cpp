#include <catch2/catch.hpp>

#include "podcast_guid.hpp"
#include "test_support.hpp"

using namespace castkit::rss;

TEST_CASE("podcast:guid vectors from the spec") {
  CHECK(podcast_guid_for("https://mp3s.nashownotes.com/pc20rss.xml") ==
        "917393e3-1b1e-5cef-ace4-edaa54e1f810");
  CHECK(podcast_guid_for("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c");
  // Scheme and trailing slashes do not matter.
  CHECK(podcast_guid_for("http://podnews.net/rss//") == "9b024349-ccf0-5f69-a609-6b82873eab3c");
  CHECK(podcast_guid_for("podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c");
}

TEST_CASE("the publisher fixture's guids are the UUIDv5 of its feed URLs") {
  castkit::Show show = test::import_feed(test::read_data("rss/partytime-publisher-feed.xml"));
  // Each remoteItem kept as XML carries feedGuid and feedUrl; check them all.
  int checked = 0;
  for (const auto* ext : {&show.ext}) {
    auto it = ext->find("rss.unknown");
    REQUIRE(it != ext->end());
    for (const auto& markup : it->second.items) {
      std::string_view xml = markup.string;
      std::size_t at = 0;
      while ((at = xml.find("feedGuid=\"", at)) != std::string_view::npos) {
        std::string guid(xml.substr(at + 10, 36));
        std::size_t url_at = xml.find("feedUrl=\"", at);
        std::size_t url_end = xml.find('"', url_at + 9);
        std::string url(xml.substr(url_at + 9, url_end - url_at - 9));
        CHECK(podcast_guid_for(url) == guid);
        ++checked;
        at = url_end;
      }
    }
  }
  CHECK(checked == 3);
}

TEST_CASE("UUID form and version") {
  CHECK(is_uuid("917393e3-1b1e-5cef-ace4-edaa54e1f810"));
  CHECK(uuid_version("917393e3-1b1e-5cef-ace4-edaa54e1f810") == 5);
  CHECK_FALSE(is_uuid("y0ur-gu1d-g035-h3r3"));
  CHECK(uuid_version("y0ur-gu1d-g035-h3r3") == 0);
}
