// castkit SDK: helpers every text importer needs: decoding to UTF-8 and positions in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace castkit {

/// A 1-based line and column (columns count bytes).
struct TextPosition {
  std::uint32_t line = 1;    ///< 1-based line
  std::uint32_t column = 1;  ///< 1-based column, in bytes
};

/// The line and column of byte `offset` in `text` (a line ends at LF, CR or CRLF).
TextPosition position_at(std::string_view text, std::size_t offset);

/// The offset of the first byte that is not valid UTF-8 (overlongs, surrogates and code points
/// past U+10FFFF are invalid), or nothing when all of `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Text decoded to UTF-8 from the bytes of an input, and what was done.
struct DecodedText {
  bool converted = false;      ///< true when the text lives in `storage`
  std::string storage;         ///< the converted text (when converted)
  std::string_view unchanged;  ///< the input bytes without a BOM (when not converted)
  std::string encoding;        ///< what it was read as: "UTF-8", "UTF-16LE", "cp1252", ...
  /// The UTF-8 text without a BOM. Valid while this object and the input bytes live.
  std::string_view text() const { return converted ? std::string_view(storage) : unchanged; }
};

/// Decodes `bytes` to UTF-8. With an empty `encoding`: a UTF-8 BOM is dropped, a UTF-16 LE/BE
/// BOM converts from UTF-16, otherwise the bytes must be valid UTF-8 — if not, throws an input
/// error naming `input_name`, the line, column and byte offset, and suggesting --input-encoding.
/// With an `encoding` (any name iconv knows: cp1252, cp1251, GB2312, ...) the bytes are converted
/// from it; invalid sequences in it are an input error too.
DecodedText decode_to_utf8(std::string_view bytes, const std::string& encoding,
                           const std::string& input_name);

/// Appends code point `cp` to `out` as UTF-8 (invalid code points become U+FFFD).
void append_utf8(std::string& out, char32_t cp);

}  // namespace castkit
