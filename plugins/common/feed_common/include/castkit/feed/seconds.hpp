// Decimal seconds as feeds and JSON files write them, from and to model milliseconds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "castkit/feed/append_buffer.hpp"
#include "castkit/model.hpp"

namespace castkit::feed {

/// Appends `ms` as decimal seconds with no needless digits: 0 -> "0", 1500 -> "1.5",
/// 187250 -> "187.25".
void append_seconds(std::string& out, Millis ms);
/// append_seconds into an AppendBuffer.
void append_seconds(AppendBuffer& out, Millis ms);

/// Parses decimal seconds ("33.833", "60", "60.0") to milliseconds, rounded; nothing when the
/// text is not a non-negative decimal number.
std::optional<Millis> parse_seconds(std::string_view text);

/// Seconds given as a floating-point number to milliseconds, rounded; nothing for negative,
/// non-finite or absurdly large values (more than 100 years).
std::optional<Millis> seconds_to_millis(double seconds);

}  // namespace castkit::feed
