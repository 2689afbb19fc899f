// Wall-clock times as ISO 8601 UTC strings, e.g. "2021-06-01T12:30:00Z" or "...:00.250Z".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace castkit::json {

/// True when `ms_since_epoch` falls in the years 0000 to 9999, which ISO 8601's basic form can
/// write; other times are written as integer milliseconds instead.
bool fits_iso8601(std::int64_t ms_since_epoch);

/// Room for the longest text format_iso8601 writes.
inline constexpr std::size_t kIso8601Capacity = 24;

/// Writes "YYYY-MM-DDTHH:MM:SSZ", with ".mmm" before the Z when the milliseconds are not zero,
/// into `out` (kIso8601Capacity bytes); returns the length. Requires fits_iso8601(ms_since_epoch).
std::size_t format_iso8601(std::int64_t ms_since_epoch, char* out);

/// The same as a string.
std::string format_iso8601(std::int64_t ms_since_epoch);

/// Reads "YYYY-MM-DDTHH:MM:SS" plus an optional fraction of 1 to 3 digits and "Z" or an offset
/// "+HH:MM" / "-HH:MM"; returns milliseconds since the epoch (UTC), or nothing when the text is
/// not such a time or names a day that does not exist.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

}  // namespace castkit::json
