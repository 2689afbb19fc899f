#include "html_document.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "castkit/diagnostics.hpp"
#include "castkit/text.hpp"

namespace castkit::html {
namespace {

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

/// Builds the pugixml tree straight from libxml2's HTML parser events (SAX), so libxml2's own
/// tree is never allocated: the parser's tag rules (implied and auto-closed elements) are the
/// same as for its tree, at about half the cost.
class TreeBuilder {
 public:
  /// Builds into `document`, refusing nesting deeper than `max_depth`.
  TreeBuilder(pugi::xml_document& document, std::uint32_t max_depth)
      : current_(document), max_depth_(max_depth) {}

  /// Installs the callbacks on `handler`.
  static void install(htmlSAXHandler& handler) {
    std::memset(&handler, 0, sizeof handler);
    handler.startElement = &TreeBuilder::on_start;
    handler.endElement = &TreeBuilder::on_end;
    handler.characters = &TreeBuilder::on_text;
    handler.cdataBlock = &TreeBuilder::on_text;  // <script> and <style> contents
    handler.initialized = 1;
  }
  /// Ends the last text run.
  void finish() { flush_text(); }
  /// Whether any element was seen.
  bool has_elements() const { return elements_ > 0; }
  /// Where the nesting passed the limit (line, column), if it did; parsing stopped there.
  const std::optional<std::pair<int, int>>& too_deep() const { return too_deep_; }

 private:
  static TreeBuilder& self(void* context) {
    return *static_cast<TreeBuilder*>(static_cast<htmlParserCtxtPtr>(context)->_private);
  }
  static void on_start(void* context, const xmlChar* name, const xmlChar** attributes) {
    TreeBuilder& b = self(context);
    b.flush_text();
    if (++b.depth_ > b.max_depth_) {  // no exception may cross libxml2's C frames: stop it
      const htmlParserCtxtPtr parser = static_cast<htmlParserCtxtPtr>(context);
      if (!b.too_deep_ && parser->input)
        b.too_deep_.emplace(parser->input->line, parser->input->col);
      xmlStopParser(parser);
      return;
    }
    b.current_ = b.current_.append_child(reinterpret_cast<const char*>(name));
    ++b.elements_;
    for (const xmlChar** a = attributes; a && a[0]; a += 2)
      b.current_.append_attribute(reinterpret_cast<const char*>(a[0]))
          .set_value(a[1] ? reinterpret_cast<const char*>(a[1]) : "");
  }
  static void on_end(void* context, const xmlChar*) {
    TreeBuilder& b = self(context);
    b.flush_text();
    if (b.depth_-- > b.max_depth_) return;
    if (b.current_.parent()) b.current_ = b.current_.parent();
  }
  static void on_text(void* context, const xmlChar* text, int length) {
    self(context).text_.append(reinterpret_cast<const char*>(text),
                               static_cast<std::size_t>(length));
  }
  void flush_text() {
    if (text_.empty()) return;
    if (current_.type() == pugi::node_element)
      current_.append_child(pugi::node_pcdata).set_value(text_.c_str());
    text_.clear();
  }

  pugi::xml_node current_;
  std::string text_;
  std::size_t elements_ = 0;
  std::uint32_t depth_ = 0;
  std::uint32_t max_depth_;
  std::optional<std::pair<int, int>> too_deep_;
};

/// Parses with libxml2 into `document`; returns the encoding libxml2 read the page as (the one
/// given, or the page's <meta charset>), empty when neither.
std::string read_with_libxml2(std::string_view bytes, const char* encoding, const std::string& name,
                              std::uint32_t max_depth, pugi::xml_document& document) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD;
  std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> context(htmlNewParserCtxt(),
                                                                         &htmlFreeParserCtxt);
  if (!context) throw std::bad_alloc();
  TreeBuilder builder(document, max_depth);
  TreeBuilder::install(*context->sax);
  context->_private = &builder;
  xmlDocPtr leftover = htmlCtxtReadMemory(
      context.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(), encoding, options);
  if (leftover) xmlFreeDoc(leftover);  // none: no callback builds a libxml2 tree
  builder.finish();
  if (const auto& at = builder.too_deep())
    fail_input(
        name, static_cast<std::uint32_t>(at->first), static_cast<std::uint32_t>(at->second),
        "elements nest deeper than formats.html.max_depth (" + std::to_string(max_depth) + ")");
  if (!builder.has_elements()) fail_input(name, 1, 1, "no HTML found: the page has no elements");
  if (context->input && context->input->encoding)
    return reinterpret_cast<const char*>(context->input->encoding);
  if (context->encoding) return reinterpret_cast<const char*>(context->encoding);
  return {};
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
  page.document.reset();
  const std::string read_as =
      read_with_libxml2(bytes, declared, input_name, limits.max_depth, page.document);
  if (!declared) {
    if (read_as.empty()) {
      const TextPosition at = position_at(bytes, invalid_offset);
      fail_input(input_name, at.line, at.column,
                 "not valid UTF-8 (byte offset " + std::to_string(invalid_offset) +
                     ") and the page declares no charset; name one with --input-encoding");
    }
    page.encoding = read_as;
  } else if (page.encoding.empty()) {
    page.encoding = "UTF-8";
  }
}

}  // namespace castkit::html
