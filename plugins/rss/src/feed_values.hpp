// Values as feeds write them, read leniently and written the way Apple and RSS 2.0 want them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "castkit/feed/append_buffer.hpp"
#include "castkit/model.hpp"

namespace castkit::rss {

/// Parses an RFC 822 / RFC 2822 date as feeds write it ("Fri, 09 Oct 2020 04:30:38 GMT"):
/// optional weekday, one- or two-digit day, English month names (short or long, any case),
/// two- or four-digit years, optional seconds, zones as +HHMM, +HH:MM, GMT/UT/UTC/Z, the US
/// zones (EST, PDT, ...) and military letters; a missing zone is UTC. ISO 8601 dates
/// ("2021-09-26T07:30:00.000-0600") are accepted too. Returns ms since the epoch, UTC.
std::optional<std::int64_t> parse_feed_date(std::string_view text);

/// Appends an RFC 2822 date in UTC: "Fri, 09 Oct 2020 04:30:38 +0000".
void append_rfc2822(feed::AppendBuffer& out, std::int64_t epoch_ms);

/// Parses itunes:duration: seconds ("3723", "3723.5"), MM:SS or HH:MM:SS.
std::optional<Millis> parse_duration(std::string_view text);

/// Parses itunes:explicit and friends: yes/true/explicit -> true, no/false/clean -> false.
std::optional<bool> parse_explicit(std::string_view text);

/// Parses a yes/no or true/false flag (podcast:locked, isPermaLink).
std::optional<bool> parse_flag(std::string_view text);

/// Parses a non-negative integer (itunes:season, enclosure length), allowing surrounding space.
std::optional<std::uint64_t> parse_unsigned(std::string_view text);

/// Parses a decimal number (podcast:episode).
std::optional<double> parse_decimal(std::string_view text);

/// Appends a decimal number without needless digits (3 -> "3", 3.5 -> "3.5").
void append_decimal(feed::AppendBuffer& out, double value);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

}  // namespace castkit::rss
