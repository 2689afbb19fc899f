// A feed's bytes as UTF-8 text ready for pugixml, whatever encoding the feed declares.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace castkit::rss {

/// Decodes a feed to UTF-8: `forced_encoding` (--input-encoding) when given, else a BOM, else
/// the XML declaration's encoding (ISO-8859-1, windows-1252, ...), else UTF-8, which must then
/// be valid (an error names the line, column and byte offset otherwise).
std::string feed_to_utf8(std::string_view bytes, const std::string& forced_encoding,
                         const std::string& input_name);

/// Decodes `bytes` (as feed_to_utf8 does) into `buffer` and parses it in place (the buffer must
/// outlive the document). Throws castkit::Error (input) with the line, column and pugixml's
/// description when it is not well-formed XML.
void parse_feed(pugi::xml_document& document, std::string& buffer, std::string_view bytes,
                const std::string& forced_encoding, const std::string& input_name);

}  // namespace castkit::rss
