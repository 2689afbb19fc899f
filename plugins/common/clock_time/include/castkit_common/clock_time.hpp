// Clock times as people write them in show notes and transcripts: "05:56", "1:01:39",
// "00:15:51.20", and "[05:56]" anchors at the start of a paragraph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "castkit/model.hpp"

namespace castkit::clock {

/// Parses "m:ss", "mm:ss", "h:mm:ss" or "hh:mm:ss", each optionally followed by "." and a
/// decimal fraction of a second ("05:56.2" is 200 ms, ".20" 200 ms, ".123" 123 ms). Minutes
/// and seconds after the first field must be two digits below 60. Returns milliseconds.
std::optional<Millis> parse(std::string_view text);

/// A bracketed clock time at the very start of a paragraph, e.g. "[05:56] ".
struct LeadingAnchor {
  Millis time = 0;         ///< the time it names
  std::size_t length = 0;  ///< bytes taken by the brackets and the spaces after them
};

/// The "[time]" at the start of `text` (after optional spaces), when there is one and nothing
/// but spaces or the end of the text follows it. "[unintelligible 00:15:51.20]" is not one.
std::optional<LeadingAnchor> leading_anchor(std::string_view text);

/// Formats a time the Changelog way: "mm:ss" below an hour, "hh:mm:ss" from an hour on, with
/// ".ff" (hundredths) or ".fff" (milliseconds) when it is not a whole second.
std::string format(Millis time);

/// The most characters write_timestamp writes.
inline constexpr std::size_t kMaxTimestampChars = 32;

namespace detail {

/// "00" to "99", two characters each.
inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// Writes hours past 99 with as many digits as they need; returns the end.
char* write_long_hours(char* at, std::uint64_t hours);

}  // namespace detail

/// Writes a subtitle timestamp (as append_timestamp) at `at`, which has room for
/// kMaxTimestampChars; returns the end of what it wrote. Inline: subtitle writers call it twice
/// a cue.
inline char* write_timestamp(char* at, Millis time, char separator) {
  using detail::kDigitPairs;
  // Unsigned division by constants (multiplications), each remainder from its quotient.
  const std::uint64_t total = time < 0 ? 0 : static_cast<std::uint64_t>(time);
  const std::uint64_t hours = total / 3'600'000;
  const auto in_hour = static_cast<std::uint32_t>(total - hours * 3'600'000);
  if (hours < 100) {
    std::memcpy(at, kDigitPairs + 2 * hours, 2);
    at += 2;
  } else {
    at = detail::write_long_hours(at, hours);
  }
  const std::uint32_t minutes = in_hour / 60'000;
  const std::uint32_t in_minute = in_hour - minutes * 60'000;
  const std::uint32_t seconds = in_minute / 1000;
  const std::uint32_t ms = in_minute - seconds * 1000;
  const std::uint32_t ms_hundreds = ms / 100;
  at[0] = ':';
  std::memcpy(at + 1, kDigitPairs + 2 * minutes, 2);
  at[3] = ':';
  std::memcpy(at + 4, kDigitPairs + 2 * seconds, 2);
  at[6] = separator;
  at[7] = static_cast<char>('0' + ms_hundreds);
  std::memcpy(at + 8, kDigitPairs + 2 * (ms - ms_hundreds * 100), 2);
  return at + 10;
}

/// Appends a subtitle timestamp "HH:MM:SS<separator>mmm" (more hour digits past 99 hours;
/// negative times as 0): separator ',' for SRT, '.' for WebVTT.
void append_timestamp(std::string& out, Millis time, char separator);

}  // namespace castkit::clock
