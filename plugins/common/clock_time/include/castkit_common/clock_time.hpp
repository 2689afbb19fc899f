// Clock times as people write them in show notes and transcripts: "05:56", "1:01:39",
// "00:15:51.20", and "[05:56]" anchors at the start of a paragraph.
#pragma once

#include <cstddef>
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

/// Writes a subtitle timestamp (as append_timestamp) at `at`, which has room for
/// kMaxTimestampChars; returns the end of what it wrote.
char* write_timestamp(char* at, Millis time, char separator);

/// Appends a subtitle timestamp "HH:MM:SS<separator>mmm" (more hour digits past 99 hours;
/// negative times as 0): separator ',' for SRT, '.' for WebVTT.
void append_timestamp(std::string& out, Millis time, char separator);

}  // namespace castkit::clock
