// The host's network service: the interface between the host and castkit-net.so, the library
// that links libcurl. The host loads that library only when a run fetches something, so runs
// that read local files never pay libcurl's start-up cost.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "castkit/config_view.hpp"
#include "castkit/host.hpp"

namespace castkit::net {

/// How fetching behaves (command-line options and the `fetch:` configuration section).
struct FetchOptions {
  bool offline = false;             ///< --offline: answer from the cache only
  std::string cache_dir;            ///< on-disk cache; empty: $XDG_CACHE_HOME/castkit/http
  bool use_cache = true;            ///< false: neither read nor write the on-disk cache
  long connect_timeout_ms = 10000;  ///< connect timeout
  long total_timeout_ms = 60000;    ///< whole-transfer timeout
  std::uint64_t max_body_bytes = 64ull << 20;  ///< larger bodies are an error
  int max_redirects = 5;                       ///< redirects followed
  int max_retries = 3;                         ///< retries on 429 / 5xx / transient failures
  long retry_delay_ms = 1000;                  ///< first backoff delay; doubles on every retry
  long max_retry_after_ms = 120000;            ///< longest Retry-After honoured (longer: give up)
  long politeness_delay_ms = 250;              ///< pause between requests to one host
  int max_connections_per_host = 2;            ///< concurrent connections per host
  int max_connections = 8;                     ///< concurrent connections in all
  bool progress = true;  ///< fetch_all draws a progress bar when stderr is a terminal
};

/// Fetches URLs over http and https.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  /// Fetches one URL; transport failures throw castkit::Error(ErrorKind::io). An HTTP error
  /// status (after retries) is returned, not thrown: check `status`.
  virtual FetchResponse fetch(const FetchRequest& request) = 0;
  /// Fetches several URLs concurrently; a failed one has status 0 and the error in body.
  virtual std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) = 0;
};

/// Reads the `fetch:` configuration section (keys: offline, cache_dir, cache, connect_timeout_ms,
/// timeout_ms, max_body_bytes, max_redirects, max_retries, retry_delay_ms,
/// max_retry_after_ms, politeness_delay_ms, max_connections_per_host, max_connections,
/// progress) over the defaults. Bad values throw a usage error with their position.
FetchOptions fetch_options_from(const ConfigView& fetch_section);

/// Loads castkit-net.so (see fetch_library_candidates) and creates a fetcher. The library stays
/// loaded until the process exits. Throws castkit::Error(ErrorKind::io) naming every place
/// searched when the library is missing or unusable.
std::unique_ptr<Fetcher> load_fetcher(const FetchOptions& options);

/// Where load_fetcher looks for castkit-net.so, in order: $CASTKIT_NET_LIBRARY (a file), next
/// to the executable (the build tree), then <prefix>/<libdir>/castkit/ relative to the
/// executable's bin/ (an installation).
std::vector<std::string> fetch_library_candidates();

}  // namespace castkit::net

/// The factory castkit-net.so exports (looked up by name with Boost.DLL).
#define CASTKIT_NET_FACTORY_NAME "castkit_net_create_fetcher"
extern "C" castkit::net::Fetcher* castkit_net_create_fetcher(
    const castkit::net::FetchOptions* options);
