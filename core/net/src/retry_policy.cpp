#include "retry_policy.hpp"

#include <algorithm>

namespace castkit::net {

bool is_retryable_status(long status) {
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::optional<long> retry_delay_ms(const FetchOptions& options, int attempt,
                                   long long retry_after_s) {
  if (retry_after_s > 0) {
    if (retry_after_s > options.max_retry_after_ms / 1000) return std::nullopt;
    return static_cast<long>(retry_after_s * 1000);
  }
  constexpr long kLongestBackoffMs = 60000;
  long delay = options.retry_delay_ms;
  for (int i = 0; i < attempt && delay < kLongestBackoffMs; ++i) delay *= 2;
  return std::min(delay, kLongestBackoffMs);
}

}  // namespace castkit::net
