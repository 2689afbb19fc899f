// The libcurl fetcher: every request, single or many, runs through one curl multi handle with
// per-host and overall connection limits, a per-host politeness delay, retries and the cache.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "http_cache.hpp"
#include "net/fetcher.hpp"

namespace castkit::net {

/// Fetcher over libcurl (see fetcher.hpp for the contract).
class CurlFetcher final : public Fetcher {
 public:
  /// A fetcher behaving as `options` says; initialises libcurl once per process.
  explicit CurlFetcher(FetchOptions options);
  ~CurlFetcher() override;
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  FetchResponse fetch(const FetchRequest& request) override;
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) override;

  struct Job;  ///< one request's state (defined in the .cpp)

 private:
  /// Runs `jobs` to completion; each ends with a response or an error text.
  void run(std::vector<Job>& jobs, bool show_progress);
  void start(Job& job);
  void finish(Job& job, int curl_code);

  using Clock = std::chrono::steady_clock;
  FetchOptions options_;
  HttpCache cache_;
  void* multi_;  ///< CURLM*, kept opaque so this header needs no curl.h
  std::map<std::string, Clock::time_point> last_start_by_host_;
  std::map<std::string, int> running_by_host_;
  int running_ = 0;
};

}  // namespace castkit::net
