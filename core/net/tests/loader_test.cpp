// load_fetcher: finds castkit-net.so and creates a working fetcher from it. (CTest runs each
// case in its own process; run in declaration order, the failing search comes before a load.)
#include <catch2/catch.hpp>

#include <cstdlib>

#include "net/fetcher.hpp"
#include "test_server.hpp"

using castkit::net::FetchOptions;

TEST_CASE("a missing castkit-net.so is an io error listing every place searched") {
  setenv("CASTKIT_NET_LIBRARY", "/nonexistent/castkit-net.so", 1);
  try {
    castkit::net::load_fetcher(FetchOptions{});
    FAIL("no error");
  } catch (const castkit::Error& e) {
    CHECK(e.kind() == castkit::ErrorKind::io);
    const std::string& message = e.diagnostic().message;
    CHECK(message.find("cannot fetch over the network: castkit-net.so is not usable; searched:") ==
          0);
    CHECK(message.find("/nonexistent/castkit-net.so (not found)") != std::string::npos);
    CHECK(message.find("/lib/castkit/castkit-net.so (not found)") != std::string::npos);
  }
  unsetenv("CASTKIT_NET_LIBRARY");
}

TEST_CASE("the search order is the environment, the executable's folder, the install folder") {
  setenv("CASTKIT_NET_LIBRARY", "/somewhere/castkit-net.so", 1);
  const auto candidates = castkit::net::fetch_library_candidates();
  unsetenv("CASTKIT_NET_LIBRARY");
  REQUIRE(candidates.size() == 3);
  CHECK(candidates[0] == "/somewhere/castkit-net.so");
  CHECK(candidates[1].ends_with("/tests/castkit-net.so"));
  CHECK(candidates[2].ends_with("/lib/castkit/castkit-net.so"));
}

TEST_CASE("load_fetcher loads castkit-net.so and its fetcher works") {
  setenv("CASTKIT_NET_LIBRARY", CASTKIT_NET_MODULE, 1);
  FetchOptions options;
  options.use_cache = false;
  auto fetcher = castkit::net::load_fetcher(options);
  unsetenv("CASTKIT_NET_LIBRARY");
  REQUIRE(fetcher);
  const auto response = fetcher->fetch(
      {castkit::net::testing::TestServer::instance().url("/files/pages/SOURCES.md")});
  CHECK(response.status == 200);
  CHECK_THROWS_AS(fetcher->fetch({"gopher://127.0.0.1/"}), castkit::Error);
}
