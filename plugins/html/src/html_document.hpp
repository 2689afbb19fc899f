// An HTML page as a pugixml document: parsed by libxml2's HTML parser (see docs/scraper.md for
// why not gumbo), copied into pugixml so every selector is an XPath 1.0 query on a fast tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace castkit::html {

/// Bounds that keep a hostile page from costing unbounded time or memory.
struct PageLimits {
  std::uint64_t max_page_bytes = 64ull << 20;  ///< formats.html.max_page_bytes
  std::uint32_t max_depth = 512;               ///< formats.html.max_depth: element nesting
};

/// A parsed page.
struct HtmlPage {
  pugi::xml_document document;  ///< <html> with <head> and <body>, element names lower case
  std::string encoding;         ///< what the bytes were read as, e.g. "UTF-8", "windows-1251"
};

/// Parses `bytes` (named `input_name` in messages). `encoding` forces a character encoding
/// (--input-encoding); otherwise UTF-8 is assumed unless the page declares another charset.
/// Throws an input error for binary data, pages over the limits, and bytes that are neither
/// valid UTF-8 nor in a declared charset.
void parse_page(std::string_view bytes, const std::string& encoding, const std::string& input_name,
                const PageLimits& limits, HtmlPage& page);

}  // namespace castkit::html
