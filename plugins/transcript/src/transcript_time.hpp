// Times as Podcasting 2.0 transcripts write them: float seconds (JSON) and m:ss (HTML).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "castkit/model.hpp"

namespace castkit::transcript {

/// The longest time a transcript may name: 100,000 hours (larger values are input errors).
inline constexpr Millis max_time = Millis{100'000} * 3600 * 1000;

/// Seconds as written in a JSON transcript, rounded to the nearest millisecond (half away from
/// zero: 1.0005 s is 1001 ms). Nothing when `seconds` is negative, not finite or past max_time.
std::optional<Millis> millis_from_seconds(double seconds);

/// Milliseconds as JSON seconds: 1250 -> 1.25 (a double that prints as the shortest decimal).
double seconds_from_millis(Millis ms);

/// The text of an HTML transcript's <time>: "m:ss" below an hour, "h:mm:ss" from an hour on
/// (whole seconds, rounded down; the exact time goes into the datetime attribute).
std::string clock_text(Millis ms);

/// A valid HTML duration string for a <time datetime>: "PT53S", "PT1H2M3.25S".
std::string duration_attribute(Millis ms);

/// Reads a <time> as written in HTML transcripts: a datetime duration such as "PT1M2.5S" or a
/// clock text such as "0:53", "1:02:03" or "05:56.20".
std::optional<Millis> parse_time(std::string_view text);

}  // namespace castkit::transcript
