// Issue 5 section 8: every feed in the corpus -> model -> rss -> model loses no field.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace castkit;
using namespace castkit::rss::test;

TEST_CASE("every corpus feed survives model -> rss -> model") {
  for (const std::string& name : corpus_feeds()) {
    INFO(name);
    Show first = import_feed(read_data("rss/" + name), name);
    std::string xml = export_feed(first);
    Show second = import_feed(xml, "exported-" + name);
    // The exporter adds a podcast:guid only when the feed URL is known and none was given.
    if (first.podcast_guid.empty()) second.podcast_guid.clear();
    CHECK(second.title == first.title);
    REQUIRE(second.episodes.size() == first.episodes.size());
    for (std::size_t i = 0; i < first.episodes.size(); ++i) {
      INFO("episode " << i);
      CHECK(second.episodes[i] == first.episodes[i]);
    }
    CHECK(second.ext == first.ext);
    CHECK(second == first);
    // And a second export is byte-identical.
    CHECK(export_feed(second) == xml);
  }
}
