// fetch_options_from: the `fetch:` configuration section.
#include <catch2/catch.hpp>

#include "net/fetcher.hpp"

using castkit::ConfigNode;
using castkit::ConfigView;

namespace {

ConfigNode scalar(std::string text, std::uint32_t line) {
  ConfigNode node;
  node.kind = ConfigNode::Kind::scalar;
  node.scalar = std::move(text);
  node.file = "castkit.yaml";
  node.line = line;
  node.column = 3;
  return node;
}

ConfigNode mapping(std::vector<std::pair<std::string, ConfigNode>> members) {
  ConfigNode node;
  node.kind = ConfigNode::Kind::mapping;
  node.members = std::move(members);
  return node;
}

}  // namespace

TEST_CASE("missing settings keep the defaults") {
  const auto options = castkit::net::fetch_options_from(ConfigView());
  CHECK_FALSE(options.offline);
  CHECK(options.max_redirects == 5);
  CHECK(options.max_body_bytes == (64ull << 20));
}

TEST_CASE("settings override the defaults") {
  const ConfigNode section = mapping({{"offline", scalar("true", 2)},
                                      {"cache_dir", scalar("/tmp/c", 3)},
                                      {"timeout_ms", scalar("1500", 4)},
                                      {"max_connections_per_host", scalar("4", 5)},
                                      {"progress", scalar("false", 6)}});
  const auto options = castkit::net::fetch_options_from(ConfigView(&section));
  CHECK(options.offline);
  CHECK(options.cache_dir == "/tmp/c");
  CHECK(options.total_timeout_ms == 1500);
  CHECK(options.max_connections_per_host == 4);
  CHECK_FALSE(options.progress);
}

TEST_CASE("bad values are usage errors at their position") {
  const ConfigNode negative = mapping({{"max_redirects", scalar("-1", 7)}});
  try {
    castkit::net::fetch_options_from(ConfigView(&negative));
    FAIL("no error");
  } catch (const castkit::Error& e) {
    CHECK(e.kind() == castkit::ErrorKind::usage);
    CHECK(e.diagnostic().line == 7);
    CHECK(e.diagnostic().message == "fetch.max_redirects must be at least 0, found -1");
  }
  const ConfigNode word = mapping({{"timeout_ms", scalar("soon", 8)}});
  CHECK_THROWS_WITH(castkit::net::fetch_options_from(ConfigView(&word)),
                    "expected an integer, found \"soon\"");
}
