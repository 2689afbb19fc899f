// Golden files: each corpus feed exported by castkit, compared byte for byte with
// plugins/rss/tests/golden/<name>. Set CASTKIT_UPDATE_GOLDEN=1 to rewrite them after a change
// you have reviewed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

using namespace castkit::rss::test;

TEST_CASE("each corpus feed exports as its golden file") {
  const std::string golden_dir = std::string(CASTKIT_PLUGIN_SOURCE_DIR) + "/tests/golden/";
  const bool update = std::getenv("CASTKIT_UPDATE_GOLDEN") != nullptr;
  for (const std::string& name : corpus_feeds()) {
    INFO(name);
    std::string xml = export_feed(import_feed(read_data("rss/" + name), name));
    if (update) {
      std::ofstream(golden_dir + name, std::ios::binary) << xml;
      continue;
    }
    std::ifstream in(golden_dir + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream expected;
    expected << in.rdbuf();
    CHECK(xml == expected.str());
  }
}
