#include "html_document.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "castkit/diagnostics.hpp"
#include "castkit/text.hpp"

namespace castkit::html {
namespace {

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

/// Where the bytes stop looking like text: the first NUL byte in the first 64 KiB (HTML never
/// contains one; UTF-16 pages start with a BOM and are decoded before this check).
std::optional<std::size_t> binary_marker(std::string_view bytes) {
  const std::size_t end = std::min<std::size_t>(bytes.size(), 64 * 1024);
  const void* nul = std::memchr(bytes.data(), '\0', end);
  if (!nul) return std::nullopt;
  return static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
}

/// "64 MiB", "1.5 MiB" or "178254 bytes".
std::string size_text(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = 1 << 20;
  if (bytes % kMiB == 0 && bytes > 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes < kMiB) return std::to_string(bytes) + " bytes";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / kMiB);
  return text;
}

XmlDoc read_with_libxml2(std::string_view bytes, const char* encoding, const std::string& name) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> context(htmlNewParserCtxt(),
                                                                         &htmlFreeParserCtxt);
  if (!context) throw std::bad_alloc();
  XmlDoc doc(htmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()),
                                name.c_str(), encoding, options),
             &xmlFreeDoc);
  // libxml2 stops reading at 256 nested elements; the rest of the page would be lost silently.
  const xmlError* error = xmlCtxtGetLastError(context.get());
  if (error && error->level == XML_ERR_FATAL && error->message &&
      std::strstr(error->message, "Excessive depth"))
    fail_input(name, static_cast<std::uint32_t>(error->line),
               static_cast<std::uint32_t>(error->int2),
               "elements nest deeper than " + std::to_string(xmlParserMaxDepth) +
                   " levels (the HTML parser's limit); this is not a page castkit can read");
  return doc;
}

/// Copies libxml2's tree below `from` into pugixml under `to`, without recursion (a page may
/// nest deeper than the stack allows). Comments, processing instructions and DTDs are dropped;
/// element text inside <script> and <style> is kept (JSON-LD lives there).
void copy_tree(xmlNode* from, pugi::xml_node to, const std::string& input_name) {
  constexpr std::size_t kMaxDepth = 4096;
  struct Frame {
    xmlNode* next;        ///< next libxml2 sibling to copy at this level
    pugi::xml_node into;  ///< where it goes
  };
  std::vector<Frame> stack{{from->children, to}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    xmlNode* node = frame.next;
    if (!node) {
      stack.pop_back();
      continue;
    }
    frame.next = node->next;
    pugi::xml_node parent = frame.into;
    switch (node->type) {
      case XML_ELEMENT_NODE: {
        pugi::xml_node element = parent.append_child(reinterpret_cast<const char*>(node->name));
        for (xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) {
          const xmlChar* value = attribute->children && attribute->children->content
                                     ? attribute->children->content
                                     : reinterpret_cast<const xmlChar*>("");
          element.append_attribute(reinterpret_cast<const char*>(attribute->name))
              .set_value(reinterpret_cast<const char*>(value));
        }
        if (node->children) {
          if (stack.size() >= kMaxDepth)  // libxml2 stops far earlier; a guard for the stack
            fail_input(input_name, static_cast<std::uint32_t>(xmlGetLineNo(node)), 0,
                       "elements nest deeper than " + std::to_string(kMaxDepth) + " levels");
          stack.push_back({node->children, element});
        }
        break;
      }
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (node->content)
          parent.append_child(pugi::node_pcdata)
              .set_value(reinterpret_cast<const char*>(node->content));
        break;
      default:
        break;
    }
  }
}

}  // namespace

void parse_page(std::string_view bytes, const std::string& encoding, const std::string& input_name,
                const PageLimits& limits, HtmlPage& page) {
  if (bytes.size() > limits.max_page_bytes)
    fail_input(input_name, 0, 0,
               "the page is " + size_text(bytes.size()) +
                   ", more than formats.html.max_page_bytes (" + size_text(limits.max_page_bytes) +
                   ")");
  if (bytes.size() > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
    fail_input(input_name, 0, 0, "the page is larger than 2 GiB");

  // UTF-16 (BOM) and explicitly named encodings are converted first; libxml2 then reads UTF-8.
  std::string converted;
  const char* declared = nullptr;
  if (!encoding.empty() || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    DecodedText decoded = decode_to_utf8(bytes, encoding, input_name);
    converted = std::string(decoded.text());
    bytes = converted;
    declared = "UTF-8";
    page.encoding = decoded.encoding;
  }
  if (auto nul = binary_marker(bytes))
    fail_input(input_name, position_at(bytes, *nul).line, position_at(bytes, *nul).column,
               "this is binary data, not an HTML page (a NUL byte at offset " +
                   std::to_string(*nul) + ")");

  std::size_t invalid_offset = 0;
  if (!declared) {
    if (const auto invalid = find_invalid_utf8(bytes))
      invalid_offset = *invalid;
    else
      declared = "UTF-8";
  }
  // Invalid UTF-8: libxml2 reads the page's own <meta charset> (e.g. windows-1251), if any.
  XmlDoc doc = read_with_libxml2(bytes, declared, input_name);
  if (!doc || !xmlDocGetRootElement(doc.get()))
    fail_input(input_name, 1, 1, "no HTML found: the page has no elements");
  if (!declared) {
    if (!doc->encoding) {
      const TextPosition at = position_at(bytes, invalid_offset);
      fail_input(input_name, at.line, at.column,
                 "not valid UTF-8 (byte offset " + std::to_string(invalid_offset) +
                     ") and the page declares no charset; name one with --input-encoding");
    }
    page.encoding = reinterpret_cast<const char*>(doc->encoding);
  } else if (page.encoding.empty()) {
    page.encoding = "UTF-8";
  }

  page.document.reset();
  xmlNode* root = xmlDocGetRootElement(doc.get());
  pugi::xml_node html = page.document.append_child(reinterpret_cast<const char*>(root->name));
  for (xmlAttr* attribute = root->properties; attribute; attribute = attribute->next)
    if (attribute->children && attribute->children->content)
      html.append_attribute(reinterpret_cast<const char*>(attribute->name))
          .set_value(reinterpret_cast<const char*>(attribute->children->content));
  copy_tree(root, html, input_name);
}

}  // namespace castkit::html
