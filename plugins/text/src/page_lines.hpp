// The lines of a text page, trimmed, with their line numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace castkit::text_page {

/// One non-blank line of the page, without surrounding white space.
struct Line {
  std::string_view text;     ///< the trimmed text
  std::uint32_t number = 0;  ///< 1-based line number in the input
};

/// The non-blank lines of `text` (LF, CRLF or CR line ends). A line longer than
/// `max_line_bytes` is an input error naming `input_name` and the line.
std::vector<Line> split_lines(std::string_view text, std::size_t max_line_bytes,
                              const std::string& input_name);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// `text` from its first ASCII letter or digit on (drops emoji and symbols in front).
std::string_view from_first_alnum(std::string_view text);

/// True when `text` starts with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

}  // namespace castkit::text_page
