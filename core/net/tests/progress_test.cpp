// fetch_all's progress bar: drawn on a terminal, nothing when stderr is not one.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "curl_fetcher.hpp"
#include "test_server.hpp"

using castkit::FetchRequest;
using castkit::net::CurlFetcher;
using castkit::net::FetchOptions;
using castkit::net::testing::TestServer;

namespace {

/// Runs fetch_all of three pages with stderr pointing at `fd`; returns nothing.
void fetch_three_with_stderr(int fd) {
  FetchOptions options;
  options.use_cache = false;
  options.politeness_delay_ms = 0;
  options.progress = true;
  CurlFetcher fetcher(options);
  const std::vector<FetchRequest> requests(
      3, FetchRequest{TestServer::instance().url("/files/pages/SOURCES.md")});
  std::fflush(stderr);
  const int saved = dup(STDERR_FILENO);
  dup2(fd, STDERR_FILENO);
  fetcher.fetch_all(requests);
  std::fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
}

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

TEST_CASE("no progress bar when stderr is not a terminal") {
  char path[] = "/tmp/castkit-progress-XXXXXX";
  const int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  fetch_three_with_stderr(fd);
  lseek(fd, 0, SEEK_SET);
  CHECK(read_all(fd).empty());
  close(fd);
  unlink(path);
}

TEST_CASE("a progress bar on a terminal") {
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(grantpt(master) == 0);
  REQUIRE(unlockpt(master) == 0);
  const int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
  REQUIRE(terminal >= 0);
  fetch_three_with_stderr(terminal);
  close(terminal);
  fcntl(master, F_SETFL, O_NONBLOCK);
  const std::string drawn = read_all(master);
  close(master);
  CHECK(drawn.find("fetching [##########--------------------] 1/3") != std::string::npos);
  CHECK(drawn.find("fetching [##############################] 3/3") != std::string::npos);
}
