// Reads the `fetch:` configuration section into FetchOptions.
#include <string>

#include "net/fetcher.hpp"

namespace castkit::net {
namespace {

/// An integer setting that must be at least `minimum`.
long long bounded(const ConfigView& section, const char* key, long long fallback,
                  long long minimum) {
  const ConfigView value = section[key];
  const long long number = value.as_int(fallback);
  if (number < minimum)
    value.fail(std::string("fetch.") + key + " must be at least " + std::to_string(minimum) +
               ", found " + std::to_string(number));
  return number;
}

}  // namespace

FetchOptions fetch_options_from(const ConfigView& section) {
  FetchOptions o;
  o.offline = section["offline"].as_bool(o.offline);
  o.cache_dir = section["cache_dir"].as_string(o.cache_dir);
  o.use_cache = section["cache"].as_bool(o.use_cache);
  o.connect_timeout_ms = bounded(section, "connect_timeout_ms", o.connect_timeout_ms, 1);
  o.total_timeout_ms = bounded(section, "timeout_ms", o.total_timeout_ms, 1);
  o.max_body_bytes =
      bounded(section, "max_body_bytes", static_cast<long long>(o.max_body_bytes), 1);
  o.max_redirects = static_cast<int>(bounded(section, "max_redirects", o.max_redirects, 0));
  o.max_retries = static_cast<int>(bounded(section, "max_retries", o.max_retries, 0));
  o.retry_delay_ms = bounded(section, "retry_delay_ms", o.retry_delay_ms, 0);
  o.max_retry_after_ms = bounded(section, "max_retry_after_ms", o.max_retry_after_ms, 0);
  o.politeness_delay_ms = bounded(section, "politeness_delay_ms", o.politeness_delay_ms, 0);
  o.max_connections_per_host =
      static_cast<int>(bounded(section, "max_connections_per_host", o.max_connections_per_host, 1));
  o.max_connections = static_cast<int>(bounded(section, "max_connections", o.max_connections, 1));
  o.progress = section["progress"].as_bool(o.progress);
  return o;
}

}  // namespace castkit::net
