// Guessing where an element of a pretty-printed list ends from the list's layout, without
// skimming it: such an element closes with a '}' alone on its line at the indentation its '{'
// has (a line break is never inside a JSON string, so the line is outside any string). The
// guess is only a guess: whoever parses the piece finds out whether it was one JSON value.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "json_skim.hpp"

namespace castkit::json::layout {

/// The indentation of the list element that starts at text[first]: the spaces and tabs between
/// the line break before it and it. None when the element does not start a line (a compact
/// list, whose elements are skimmed).
std::optional<std::string_view> element_indent(std::string_view text, std::size_t first);

/// The position just past the first '}' after text[pos] that follows a line break and exactly
/// `indent`, or npos when there is none. (`kernel` as for skim::skip_value.)
std::size_t find_closing_line(std::string_view text, std::size_t pos, std::string_view indent,
                              skim::Kernel kernel = skim::Kernel::best);

}  // namespace castkit::json::layout
