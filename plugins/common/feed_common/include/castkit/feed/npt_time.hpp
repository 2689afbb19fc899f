// Normal Play Time (RFC 2326) as Podlove Simple Chapters uses it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "castkit/model.hpp"

namespace castkit::feed {

/// Parses an NPT time: `HH:MM:SS`, `MM:SS`, `SS`, each with an optional `.fraction`
/// (`00:03:07.250`, `08:26`, `12:42.345`). Returns nothing when the text is not such a time.
std::optional<Millis> parse_npt(std::string_view text);

/// Formats milliseconds as `HH:MM:SS.mmm` (hours grow past two digits when needed).
std::string format_npt(Millis ms);

}  // namespace castkit::feed
