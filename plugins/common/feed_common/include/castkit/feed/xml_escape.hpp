// XML text that is always well-formed: escaping for element text, attribute values and CDATA.
#pragma once

#include <string>
#include <string_view>

#include "castkit/feed/append_buffer.hpp"

namespace castkit::feed {

/// Appends `text` as XML element content: `&`, `<`, `>` escaped, CR kept as `&#13;`, characters
/// XML 1.0 forbids (C0 controls other than tab and line feed, U+FFFE, U+FFFF) dropped, and
/// invalid UTF-8 bytes replaced by U+FFFD, so the output is always well-formed.
void append_xml_text(std::string& out, std::string_view text);
/// append_xml_text into an AppendBuffer.
void append_xml_text(AppendBuffer& out, std::string_view text);

/// Appends `text` as the inside of a double-quoted attribute value: like append_xml_text, and
/// also `"` escaped and tab, line feed and CR written as character references (so they survive
/// attribute-value normalisation).
void append_xml_attribute(std::string& out, std::string_view text);
/// append_xml_attribute into an AppendBuffer.
void append_xml_attribute(AppendBuffer& out, std::string_view text);

/// Appends `text` as a CDATA section (`<![CDATA[...]]>`); a `]]>` inside is split over two
/// sections, CR is written as `&#13;` between sections, forbidden characters are dropped and
/// invalid UTF-8 replaced, as in append_xml_text.
void append_cdata(std::string& out, std::string_view text);
/// append_cdata into an AppendBuffer.
void append_cdata(AppendBuffer& out, std::string_view text);

/// Drops the characters XML 1.0 cannot hold and replaces invalid UTF-8 by U+FFFD (no escaping).
std::string xml_safe(std::string_view text);

}  // namespace castkit::feed
