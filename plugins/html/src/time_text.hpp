// Times as pages write them, read into milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "castkit/model.hpp"

namespace castkit::html {

/// A clock time "ss", "mm:ss", "h:mm:ss" with an optional fraction ("00:11:44.26"), optionally
/// in brackets ("[05:56]"). Minutes and seconds past 59 are refused (except in the first field).
std::optional<Millis> parse_clock(std::string_view text);

/// Seconds as a plain number, "76" or "76.5", or a clock time ("1:16"): what `#t=` holds.
std::optional<Millis> parse_offset(std::string_view text);

/// An ISO 8601 duration ("PT1H2M3.5S", "P0DT63M") or a clock time.
std::optional<Millis> parse_iso_duration(std::string_view text);

/// A number of minutes written as text: "63 minutes", "63 min".
std::optional<Millis> parse_minutes(std::string_view text);

/// An ISO 8601 date or date-time ("2023-02-15", "2023-02-15T12:00:00Z", with an offset or
/// fraction) as milliseconds since the epoch, UTC.
std::optional<std::int64_t> parse_iso_datetime(std::string_view text);

/// An RFC 822 / RFC 2822 date ("Wed, 15 Feb 2023 12:00:00 +0000", "GMT", zone names) as
/// milliseconds since the epoch, UTC.
std::optional<std::int64_t> parse_rfc822_datetime(std::string_view text);

/// Where a timestamp starts a text: the time of a leading "[05:56]" or "05:56" (followed by a
/// space or the end), and how many bytes it takes (with the brackets and following spaces).
struct LeadingTime {
  Millis time = 0;         ///< the time
  std::size_t length = 0;  ///< bytes to drop from the text's start
};
/// The timestamp at the very start of `text`, if there is one.
std::optional<LeadingTime> leading_time(std::string_view text);

}  // namespace castkit::html
