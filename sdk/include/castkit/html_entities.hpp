// castkit SDK: decoding HTML character references (&amp; &copy; &#233; &#x1F600; ...) and
// escaping text for HTML.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace castkit {

/// `text` with every HTML character reference decoded the way an HTML5 parser does in text
/// content: all named references of the HTML5 table (including the legacy names that may omit
/// the ';', such as "&amp" and "&copy"), and numeric references, where 0, surrogates and values
/// past U+10FFFF become U+FFFD and 0x80-0x9F map through windows-1252. Text that is not a
/// reference ("&", "&foo;", "&#;") is copied unchanged.
std::string decode_html_entities(std::string_view text);

/// Appends `text` to `out` with its character references decoded (see decode_html_entities).
void append_decoded_html_entities(std::string& out, std::string_view text);

/// Decodes the one character reference at the start of `text` (which starts with '&'): appends
/// its replacement to `out` and returns how many bytes it took, or returns 0 and appends nothing
/// when `text` does not start with a character reference.
std::size_t decode_character_reference(std::string_view text, std::string& out);

/// Appends `text` to `out` escaped for HTML text and double-quoted attribute values: & < > "
/// become &amp; &lt; &gt; &quot;; everything else is copied unchanged. With `escape_quotes`
/// false, '"' is copied too (enough for element text, and how serialisers write it there).
void append_html_escaped(std::string& out, std::string_view text, bool escape_quotes = true);

}  // namespace castkit
