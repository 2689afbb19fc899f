// Golden files: each JSON chapters file of the corpus read and written again as `chapters` and as
// `psc`, compared byte for byte with plugins/chapters/tests/golden/. CASTKIT_UPDATE_GOLDEN=1
// rewrites them after a change you have reviewed.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "test_support.hpp"

using namespace castkit::chapters::test;

TEST_CASE("each JSON chapters file exports as its golden files") {
  const std::string golden_dir = std::string(CASTKIT_PLUGIN_SOURCE_DIR) + "/tests/golden/";
  const bool update = std::getenv("CASTKIT_UPDATE_GOLDEN") != nullptr;
  for (const std::string name : {"pc20-chapters-example", "pc20-chapters-example-complex"}) {
    castkit::Show show = import_as("chapters", read_data("rss/" + name + ".json"), name);
    for (const std::string format : {"chapters", "psc"}) {
      INFO(name << " as " << format);
      const std::string path =
          golden_dir + name + (format == "psc" ? ".psc.xml" : ".chapters.json");
      const std::string written = export_as(format, show);
      if (update) {
        std::ofstream(path, std::ios::binary) << written;
        continue;
      }
      std::ifstream in(path, std::ios::binary);
      REQUIRE(in);
      std::stringstream expected;
      expected << in.rdbuf();
      CHECK(written == expected.str());
    }
  }
}
