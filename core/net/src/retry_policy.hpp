// When a failed request is tried again, and after how long.
#pragma once

#include <optional>

#include "net/fetcher.hpp"

namespace castkit::net {

/// True for statuses a later attempt may fix: 429 Too Many Requests and 5xx server errors
/// (500, 502, 503, 504).
bool is_retryable_status(long status);

/// How long to wait before retry number `attempt` (0 for the first retry): the server's
/// Retry-After when it sent one (`retry_after_s` > 0), else `retry_delay_ms` doubled per attempt.
/// Nothing when the server asks for longer than `max_retry_after_ms` (retrying is pointless).
std::optional<long> retry_delay_ms(const FetchOptions& options, int attempt,
                                   long long retry_after_s);

}  // namespace castkit::net
