// Text out of pugixml nodes: visible text with whitespace collapsed, and inner HTML.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace castkit::html {

/// `text` with runs of ASCII whitespace collapsed to one space and trimmed at both ends.
std::string collapse_whitespace(std::string_view text);

/// The visible text under `node` (not inside <script>, <style>, <template>, <noscript>),
/// whitespace collapsed; for an attribute node, its value collapsed.
std::string node_text(pugi::xml_node node);

/// The text of an XPath result (node or attribute), whitespace collapsed.
std::string node_text(const pugi::xpath_node& node);

/// The children of `node` serialised as HTML (for Episode::description): elements with their
/// attributes, text escaped, void elements without end tags, scripts and styles left out.
std::string inner_html(pugi::xml_node node);

/// True when `haystack` contains `needle`, ignoring ASCII case.
bool contains_ignoring_case(std::string_view haystack, std::string_view needle);

/// True when the class attribute of `node` lists `name` as one of its words.
bool has_class(pugi::xml_node node, std::string_view name);

}  // namespace castkit::html
