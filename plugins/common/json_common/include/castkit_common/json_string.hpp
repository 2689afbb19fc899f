// JSON string literals, shared by every plugin that writes JSON (json, chapters, rss).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace castkit::json_common {

/// Appends `text` to `out` as a JSON string literal (with the quotes). Escapes `"`, `\` and the
/// control characters U+0000..U+001F (short forms \b \f \n \r \t, else \u00XX); other characters
/// are written as UTF-8. Bytes that are not valid UTF-8 become U+FFFD, so the output is always
/// valid JSON. Returns the number of invalid bytes replaced.
std::size_t append_string_literal(std::string& out, std::string_view text);

/// The first position at or after `from` whose byte a string literal cannot hold as it is (a
/// quote, a backslash, a control character, or a byte >= 0x80 that needs a UTF-8 check);
/// text.size() when there is none. Scans 16 bytes at a time.
std::size_t skip_plain(std::string_view text, std::size_t from);

}  // namespace castkit::json_common
