// HTML transcripts over libxml2's HTML parser: an iterative walk of the tree in document order.
#include "html_transcript_reader.hpp"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

#include "transcript_time.hpp"

namespace castkit::transcript {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

// The next node after `node` in document order, without entering `node`'s children when
// `enter` is false; nullptr after the last node under `root`.
const xmlNode* next_node(const xmlNode* node, const xmlNode* root, bool enter) {
  if (enter && node->children) return node->children;
  while (node && node != root) {
    if (node->next) return node->next;
    node = node->parent;
  }
  return nullptr;
}

// The text under `element`: whitespace runs become one space, <br> a line break, spaces
// around line breaks and at both ends dropped.
std::string text_of(const xmlNode* element) {
  std::string raw;
  for (const xmlNode* node = element->children; node;) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) raw += reinterpret_cast<const char*>(node->content);
    } else if (named(node, "br")) {
      raw += '\x01';  // a line break, kept apart from the whitespace that is collapsed
    }
    const bool enter =
        node->type == XML_ELEMENT_NODE && !named(node, "script") && !named(node, "style");
    node = next_node(node, element, enter);
  }
  std::string out;
  bool pending_space = false;
  for (char c : raw) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (c == '\x01') {
      out += '\n';
      pending_space = false;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
    pending_space = false;
    out += c;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string attribute(const xmlNode* element, const char* name) {
  xmlChar* value = xmlGetProp(element, BAD_CAST name);
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

struct DocumentDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextDeleter {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

}  // namespace

Transcript read_html_transcript(std::string_view html, const std::string& input_name, Host& host) {
  if (html.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    fail_input(input_name, 0, 0, "the HTML is larger than libxml2 can parse (2 GiB)");
  std::unique_ptr<htmlParserCtxt, ContextDeleter> context(htmlNewParserCtxt());
  if (!context) throw std::bad_alloc();
  std::unique_ptr<xmlDoc, DocumentDeleter> doc(htmlCtxtReadMemory(
      context.get(), html.data(), static_cast<int>(html.size()), input_name.c_str(), "UTF-8",
      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE |
          HTML_PARSE_COMPACT));
  if (const xmlError* error = xmlCtxtGetLastError(context.get());
      error && error->level == XML_ERR_FATAL) {
    std::string message = error->message ? error->message : "the HTML parser gave up";
    while (!message.empty() && is_space(message.back())) message.pop_back();
    fail_input(input_name, static_cast<std::uint32_t>(std::max(error->line, 0)),
               static_cast<std::uint32_t>(std::max(error->int2, 0)),
               "cannot read the HTML: " + message);
  }
  Transcript transcript;
  const xmlNode* root = doc ? reinterpret_cast<const xmlNode*>(doc.get()) : nullptr;
  std::string speaker;
  std::optional<Millis> pending_time;
  for (const xmlNode* node = root ? root->children : nullptr; node;) {
    bool enter = node->type == XML_ELEMENT_NODE;
    if (named(node, "cite")) {
      speaker = text_of(node);
      while (!speaker.empty() && (speaker.back() == ':' || is_space(speaker.back())))
        speaker.pop_back();
      enter = false;
    } else if (named(node, "time")) {
      const std::string datetime = attribute(node, "datetime");
      const std::string text = text_of(node);
      pending_time = parse_time(datetime.empty() ? text : datetime);
      if (!pending_time)
        host.report(Diagnostic{Severity::warning, input_name,
                               static_cast<std::uint32_t>(xmlGetLineNo(node)), 0,
                               "unreadable time \"" + (datetime.empty() ? text : datetime) +
                                   "\"; expected m:ss, h:mm:ss or a datetime such as PT1M5S"});
      enter = false;
    } else if (named(node, "p")) {
      Segment segment;
      segment.text = text_of(node);
      if (!segment.text.empty()) {
        segment.speaker = speaker;
        segment.start = pending_time;
        transcript.segments.push_back(std::move(segment));
        pending_time.reset();
      }
      enter = false;
    } else if (named(node, "script") || named(node, "style") || named(node, "head") ||
               named(node, "template")) {
      enter = false;
    }
    node = next_node(node, root, enter);
  }
  if (transcript.segments.empty())
    fail_input(input_name, 1, 1,
               "no transcript found: expected <cite>Name:</cite> <time>m:ss</time> <p>text</p>");
  return transcript;
}

}  // namespace castkit::transcript
