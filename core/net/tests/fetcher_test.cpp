// The libcurl fetcher against a real HTTP server on 127.0.0.1.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "castkit/version.hpp"
#include "curl_fetcher.hpp"
#include "test_server.hpp"

using castkit::Error;
using castkit::ErrorKind;
using castkit::FetchRequest;
using castkit::net::CurlFetcher;
using castkit::net::FetchOptions;
using castkit::net::testing::TestServer;

namespace {

std::string url(const std::string& path) {
  return TestServer::instance().url(path);
}

/// A fresh, empty cache directory for one test.
std::string fresh_cache_dir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "castkit-net-test-XXXXXX").string();
  return mkdtemp(pattern.data());
}

FetchOptions quick_options() {
  FetchOptions o;
  o.cache_dir = fresh_cache_dir();
  o.politeness_delay_ms = 0;
  o.retry_delay_ms = 10;
  o.connect_timeout_ms = 2000;
  o.total_timeout_ms = 4000;
  o.progress = false;
  return o;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int count(CurlFetcher& fetcher, const std::string& key) {
  return std::stoi(fetcher.fetch({url("/count/" + key)}).body);
}

std::string failure_of(CurlFetcher& fetcher, const std::string& path) {
  try {
    fetcher.fetch({url(path)});
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(e.diagnostic().file == url(path));
    return e.diagnostic().message;
  }
  FAIL("fetching " << path << " did not fail");
  return {};
}

using Clock = std::chrono::steady_clock;
long elapsed_ms(Clock::time_point since) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count());
}

}  // namespace

TEST_CASE("a corpus page comes back byte for byte with its content type") {
  CurlFetcher fetcher(quick_options());
  const auto response = fetcher.fetch({url("/files/pages/changelog-shipit-89.reconstructed.html")});
  CHECK(response.status == 200);
  CHECK(response.content_type == "text/html; charset=utf-8");
  CHECK(response.body == read_file(std::string(CASTKIT_TEST_DATA) +
                                   "/pages/changelog-shipit-89.reconstructed.html"));
  CHECK_FALSE(response.from_cache);
}

TEST_CASE("redirects are followed up to five and the final URL is reported") {
  CurlFetcher fetcher(quick_options());
  const auto response = fetcher.fetch({url("/redirect/5")});
  CHECK(response.status == 200);
  CHECK(response.final_url == url("/files/pages/SOURCES.md"));
  CHECK(failure_of(fetcher, "/redirect/6").find("more than 5 redirects") != std::string::npos);
}

TEST_CASE("a redirect loop fails with a clear message") {
  CurlFetcher fetcher(quick_options());
  CHECK(failure_of(fetcher, "/loop") == "more than 5 redirects (a redirect loop?)");
}

TEST_CASE("a 404 is returned as a status, not retried") {
  CurlFetcher fetcher(quick_options());
  const auto response = fetcher.fetch({url("/missing")});
  CHECK(response.status == 404);
  CHECK(response.body == "missing");
}

TEST_CASE("a 500 is retried and the later 200 is returned") {
  CurlFetcher fetcher(quick_options());
  const auto response = fetcher.fetch({url("/flaky/once")});
  CHECK(response.status == 200);
  CHECK(response.body == "recovered");
}

TEST_CASE("a 500 without retries left is returned as is") {
  FetchOptions options = quick_options();
  options.max_retries = 0;
  CurlFetcher fetcher(options);
  CHECK(fetcher.fetch({url("/flaky/no-retry")}).status == 500);
}

TEST_CASE("a 429 is retried after the server's Retry-After") {
  FetchOptions options = quick_options();
  options.retry_delay_ms = 10;  // far shorter than Retry-After: 1
  CurlFetcher fetcher(options);
  TestServer::instance();  // started before the clock: only the fetch is timed
  const auto started = Clock::now();
  const auto response = fetcher.fetch({url("/busy/retry-after")});
  CHECK(response.status == 200);
  CHECK(elapsed_ms(started) >= 950);
}

TEST_CASE("a Retry-After longer than allowed gives up at once") {
  FetchOptions options = quick_options();
  options.max_retry_after_ms = 5000;
  CurlFetcher fetcher(options);
  TestServer::instance();  // started before the clock: only the fetch is timed
  const auto started = Clock::now();
  CHECK(fetcher.fetch({url("/always-busy")}).status == 503);
  CHECK(elapsed_ms(started) < 1000);
}

TEST_CASE("a server that does not answer in time fails with a timeout") {
  FetchOptions options = quick_options();
  options.total_timeout_ms = 500;
  CurlFetcher fetcher(options);
  TestServer::instance();  // started before the clock: only the fetch is timed
  const auto started = Clock::now();
  const std::string message = failure_of(fetcher, "/slow");
  CHECK(message.find("timed out") != std::string::npos);
  CHECK(message.find("fetch.timeout_ms 500") != std::string::npos);
  CHECK(elapsed_ms(started) < 3000);
}

TEST_CASE("a connection refused fails after its retries") {
  FetchOptions options = quick_options();
  options.max_retries = 1;
  CurlFetcher fetcher(options);
  try {
    fetcher.fetch({"http://127.0.0.1:1/"});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(e.diagnostic().message.find("(after 2 attempts)") != std::string::npos);
  }
}

TEST_CASE("oversized bodies are refused, with or without Content-Length") {
  FetchOptions options = quick_options();
  options.max_body_bytes = 100000;
  CurlFetcher fetcher(options);
  CHECK(fetcher.fetch({url("/big/100000")}).body.size() == 100000);
  const std::string expected = "the response is larger than fetch.max_body_bytes (100000 bytes)";
  CHECK(failure_of(fetcher, "/big/100001") == expected);
  CHECK(failure_of(fetcher, "/big-chunked/3000000") == expected);
}

TEST_CASE("gzip bodies are decoded") {
  CurlFetcher fetcher(quick_options());
  const auto response = fetcher.fetch({url("/gzip")});
  CHECK(response.status == 200);
  std::string expected;
  for (int i = 0; i < 200; ++i) expected += "castkit gzip test ";
  CHECK(response.body == expected);
}

TEST_CASE("requests carry castkit's User-Agent, Accept-Encoding and the Accept asked for") {
  CurlFetcher fetcher(quick_options());
  const std::string headers = fetcher.fetch({url("/headers"), "application/rss+xml"}).body;
  CHECK(headers.find("User-Agent: castkit/" CASTKIT_VERSION_STRING "\n") != std::string::npos);
  CHECK(headers.find("Accept: application/rss+xml\n") != std::string::npos);
  const std::size_t encodings = headers.find("Accept-Encoding: ");
  REQUIRE(encodings != std::string::npos);
  const std::string accepted = headers.substr(encodings, headers.find('\n', encodings) - encodings);
  CHECK(accepted.find("gzip") != std::string::npos);
  CHECK(accepted.find("br") != std::string::npos);
}

TEST_CASE("only http and https URLs are fetched") {
  CurlFetcher fetcher(quick_options());
  CHECK_THROWS_WITH(fetcher.fetch({"file:///etc/passwd"}),
                    "only http and https URLs can be fetched, not file:");
  CHECK_THROWS_WITH(fetcher.fetch({"ftp://127.0.0.1/x"}),
                    "only http and https URLs can be fetched, not ftp:");
}

TEST_CASE("an ETag is revalidated with If-None-Match and a 304 answers from the cache") {
  FetchOptions options = quick_options();
  {
    CurlFetcher first(options);
    CHECK_FALSE(first.fetch({url("/etag/a")}).from_cache);
  }
  CurlFetcher second(options);  // a later run with the same cache
  const auto again = second.fetch({url("/etag/a")});
  CHECK(again.from_cache);
  CHECK(again.status == 200);
  CHECK(again.body == "etag body a");
  CHECK(count(second, "a") == 1);
}

TEST_CASE("Last-Modified is revalidated with If-Modified-Since") {
  FetchOptions options = quick_options();
  CurlFetcher fetcher(options);
  CHECK_FALSE(fetcher.fetch({url("/modified/m")}).from_cache);
  const auto again = fetcher.fetch({url("/modified/m")});
  CHECK(again.from_cache);
  CHECK(again.body == "modified body");
  CHECK(count(fetcher, "m") == 1);
}

TEST_CASE("offline answers from the cache and fails clearly on a miss") {
  FetchOptions options = quick_options();
  {
    CurlFetcher online(options);
    online.fetch({url("/etag/offline")});
  }
  options.offline = true;
  CurlFetcher offline(options);
  const auto cached = offline.fetch({url("/etag/offline")});
  CHECK(cached.from_cache);
  CHECK(cached.body == "etag body offline");
  try {
    offline.fetch({url("/etag/never-fetched")});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(e.diagnostic().message.find("not in the cache and fetching is off (--offline)") == 0);
  }
}

TEST_CASE("with the cache off nothing is stored") {
  FetchOptions options = quick_options();
  options.use_cache = false;
  CurlFetcher fetcher(options);
  fetcher.fetch({url("/etag/uncached")});
  CHECK_FALSE(fetcher.fetch({url("/etag/uncached")}).from_cache);
  CHECK(std::filesystem::is_empty(options.cache_dir));
}

TEST_CASE("fetch_all returns every response in order and failures as status 0") {
  CurlFetcher fetcher(quick_options());
  std::vector<FetchRequest> requests;
  for (const char* page : {"changelog-shipit-89.reconstructed.html", "hrum_episode_kipling.html",
                           "podfm_episode_etnografiya.html", "syntax_show_900.md"})
    requests.push_back({url(std::string("/files/pages/") + page)});
  requests.push_back({url("/loop")});
  requests.push_back({url("/missing")});
  const auto responses = fetcher.fetch_all(requests);
  REQUIRE(responses.size() == requests.size());
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(responses[i].url == requests[i].url);
    CHECK(responses[i].status == 200);
    CHECK_FALSE(responses[i].body.empty());
  }
  CHECK(responses[4].status == 0);
  CHECK(responses[4].body == url("/loop") + ": more than 5 redirects (a redirect loop?)");
  CHECK(responses[5].status == 404);
}

TEST_CASE("requests to one host keep the politeness delay apart") {
  FetchOptions options = quick_options();
  options.politeness_delay_ms = 200;
  options.use_cache = false;
  CurlFetcher fetcher(options);
  std::vector<FetchRequest> requests(4, FetchRequest{url("/times/polite")});
  fetcher.fetch_all(requests);
  std::istringstream times(fetcher.fetch({url("/times-list/polite")}).body);
  std::vector<long> starts{std::istream_iterator<long>(times), std::istream_iterator<long>()};
  REQUIRE(starts.size() == 4);
  for (std::size_t i = 1; i < starts.size(); ++i) CHECK(starts[i] - starts[i - 1] >= 190);
}

TEST_CASE("fetch_all runs requests concurrently within the connection limits") {
  FetchOptions options = quick_options();
  options.total_timeout_ms = 8000;
  options.max_connections_per_host = 3;
  options.use_cache = false;
  CurlFetcher fetcher(options);
  // Three 5-second answers take about 5 s together, 15 s one after another.
  TestServer::instance();  // started before the clock: only the fetch is timed
  const auto started = Clock::now();
  const auto responses =
      fetcher.fetch_all(std::vector<FetchRequest>(3, FetchRequest{url("/slow")}));
  for (const auto& response : responses) CHECK(response.status == 200);
  CHECK(elapsed_ms(started) < 9000);
}
