// Times written in castkit.yaml: ISO 8601 dates and clock durations.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace castkit::host {

/// Parses an ISO 8601 date or date-time ("2023-02-09", "2023-02-09T12:30:00Z",
/// "2023-02-09T12:30:00.250+01:00"; no zone means UTC) into ms since the Unix epoch.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

/// Parses a duration or offset: "HH:MM:SS", "MM:SS" (each with optional ".mmm"), or a number of
/// seconds ("3723", "12.5"), into milliseconds.
std::optional<std::int64_t> parse_clock(std::string_view text);

}  // namespace castkit::host
