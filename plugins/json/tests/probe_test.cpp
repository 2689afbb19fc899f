// The probe: castkit JSON is recognised, other JSON is left to its own importers.
#include <catch2/catch.hpp>

#include "probe.hpp"
#include "test_support.hpp"

using namespace castkit::json;

TEST_CASE("castkit JSON is recognised from its marker") {
  CHECK(probe_model("{\"castkit\": \"1\", \"show\": {}}") == 100);
  CHECK(probe_model("\xEF\xBB\xBF\n  {\n  \"castkit\" : \"1\"}") == 100);
  CHECK(probe_model("{\"show\": {\"title\": \"x\"}, \"castkit\": \"1\"}") == 90);
  CHECK(probe_model(testing::read_file(testing::golden_dir() + "/rich.json")) == 100);
}

TEST_CASE("other JSON gets a low confidence, non-JSON none") {
  const std::string data = CASTKIT_TEST_DATA;
  CHECK(probe_model(testing::read_file(data + "/rss/pc20-chapters-example.json")) == 10);
  CHECK(probe_model(testing::read_file(data + "/rss/pc20-transcript-example.json")) == 10);
  CHECK(probe_model("{\"title\": \"about \\\"castkit\\\" the tool\"}") == 10);
  CHECK(probe_model("[1, 2]") == 0);
  CHECK(probe_model("WEBVTT\n\n") == 0);
  CHECK(probe_model("") == 0);
}
