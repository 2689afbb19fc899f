// A feed's bytes as UTF-8 text ready for pugixml, whatever encoding the feed declares.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "parse_buffer.hpp"

namespace castkit::rss {

/// Decodes a feed to UTF-8: `forced_encoding` (--input-encoding) when given, else a BOM, else
/// the XML declaration's encoding (ISO-8859-1, windows-1252, ...), else UTF-8, which must then
/// be valid (an error names the line, column and byte offset otherwise).
std::string feed_to_utf8(std::string_view bytes, const std::string& forced_encoding,
                         const std::string& input_name);
/// feed_to_utf8 without a copy when the feed is UTF-8 already: `bytes` itself (after a BOM),
/// else the converted text, kept in `converted`.
std::string_view feed_as_utf8(std::string_view bytes, const std::string& forced_encoding,
                              const std::string& input_name, std::string& converted);

/// A feed parsed into a DOM, with the text it was parsed from (in place).
struct ParsedFeed {
  pugi::xml_document document;  ///< the DOM; its strings point into `text`
  ParseBuffer text;             ///< the feed as UTF-8, rewritten by the parser
  /// How often "xmlns:" occurs in the feed: at least the number of namespace declarations, so
  /// when the root and the channel declare as many, no element below them declares one.
  std::size_t xmlns_mentions = 0;
};

/// Decodes `bytes` (as feed_to_utf8 does) into `feed.text` and parses it in place. Throws
/// castkit::Error (input) with the line, column and pugixml's description when it is not
/// well-formed XML.
void parse_feed(ParsedFeed& feed, std::string_view bytes, const std::string& forced_encoding,
                const std::string& input_name);

// parse_feed in two steps, so that the input can be released between them (the DOM is then
// built without the input's bytes in memory).

/// Decodes `bytes` into `feed.text` and counts its "xmlns:".
void decode_feed(ParsedFeed& feed, std::string_view bytes, const std::string& forced_encoding,
                 const std::string& input_name);

/// Parses `feed.text` in place; reads `bytes` again only to place an error.
void parse_decoded_feed(ParsedFeed& feed, std::string_view bytes,
                        const std::string& forced_encoding, const std::string& input_name);

/// How many positions of `text` `needle` (not empty) starts at.
std::size_t count_occurrences(std::string_view text, std::string_view needle);

}  // namespace castkit::rss
