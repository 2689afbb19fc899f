// Inline HTML -> cmark nodes, parsed with gumbo (an HTML5 parser), never by hand.
#include "html_to_markdown.hpp"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>

namespace castkit::markdown {
namespace {

struct OutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

cmark_node* append_new(cmark_node* parent, cmark_node_type type) {
  cmark_node* node = cmark_node_new(type);
  cmark_node_append_child(parent, node);
  return node;
}

// Text from the HTML: a newline right after <br> is the line break's own; others are spaces.
void append_html_text(cmark_node* parent, std::string_view text, bool after_break) {
  if (after_break && !text.empty() && text.front() == '\n') text.remove_prefix(1);
  if (text.empty()) return;
  std::string flat(text);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  cmark_node_set_literal(append_new(parent, CMARK_NODE_TEXT), flat.c_str());
}

const char* attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr ? attr->value : nullptr;
}

// The text under a node (for <code>).
void collect_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    collect_text(static_cast<const GumboNode*>(children.data[i]), out);
}

void convert_children(const GumboNode* node, cmark_node* parent);

// Converts one HTML node; returns true when it was a line break.
bool convert(const GumboNode* node, cmark_node* parent, bool after_break) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    append_html_text(parent, node->v.text.text, after_break);
    return false;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& element = node->v.element;
  switch (element.tag) {
    case GUMBO_TAG_BR:
      append_new(parent, CMARK_NODE_LINEBREAK);
      return true;
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
      convert_children(node, append_new(parent, CMARK_NODE_EMPH));
      return false;
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
      convert_children(node, append_new(parent, CMARK_NODE_STRONG));
      return false;
    case GUMBO_TAG_CODE: {
      std::string code;
      collect_text(node, code);
      cmark_node_set_literal(append_new(parent, CMARK_NODE_CODE), code.c_str());
      return false;
    }
    case GUMBO_TAG_A:
    case GUMBO_TAG_IMG: {
      cmark_node* link =
          append_new(parent, element.tag == GUMBO_TAG_A ? CMARK_NODE_LINK : CMARK_NODE_IMAGE);
      const char* url = attribute(element, element.tag == GUMBO_TAG_A ? "href" : "src");
      cmark_node_set_url(link, url ? url : "");
      if (const char* title = attribute(element, "title")) cmark_node_set_title(link, title);
      if (element.tag == GUMBO_TAG_IMG) {
        if (const char* alt = attribute(element, "alt")) append_html_text(link, alt, false);
      } else {
        convert_children(node, link);
      }
      return false;
    }
    default:
      convert_children(node, parent);
      return false;
  }
}

void convert_children(const GumboNode* node, cmark_node* parent) {
  const GumboVector& children = node->v.element.children;
  bool after_break = false;
  for (unsigned i = 0; i < children.length; ++i)
    after_break = convert(static_cast<const GumboNode*>(children.data[i]), parent, after_break);
}

// The element children of <body> in a parsed document.
std::vector<const GumboNode*> body_elements(const GumboOutput* output) {
  std::vector<const GumboNode*> out;
  const GumboVector& root_children = output->root->v.element.children;
  for (unsigned i = 0; i < root_children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(root_children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_BODY) continue;
    const GumboVector& body = child->v.element.children;
    for (unsigned k = 0; k < body.length; ++k) {
      const auto* node = static_cast<const GumboNode*>(body.data[k]);
      if (node->type == GUMBO_NODE_ELEMENT) out.push_back(node);
    }
  }
  return out;
}

GumboOutput* parse(std::string_view html) {
  return gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
}

bool too_complex(std::string_view html) {
  return static_cast<std::size_t>(std::count(html.begin(), html.end(), '<')) > kMaxInlineTags;
}

}  // namespace

InlineHtmlBatch::InlineHtmlBatch(const std::vector<std::string_view>& fragments)
    : containers_(fragments.size(), nullptr) {
  std::string combined;
  std::vector<std::size_t> wrapped;
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (fragments[i].empty() || too_complex(fragments[i])) continue;
    combined += "<div>";
    combined += fragments[i];
    combined += "</div>";
    wrapped.push_back(i);
  }
  if (wrapped.empty()) return;
  GumboOutput* together = parse(combined);
  outputs_.push_back(together);
  std::vector<const GumboNode*> divs = body_elements(together);
  bool kept_apart = divs.size() == wrapped.size();
  for (const GumboNode* div : divs) kept_apart = kept_apart && div->v.element.tag == GUMBO_TAG_DIV;
  for (std::size_t k = 0; k < wrapped.size(); ++k) {
    if (kept_apart) {
      containers_[wrapped[k]] = divs[k];
      continue;
    }
    GumboOutput* alone = parse(fragments[wrapped[k]]);
    outputs_.push_back(alone);
    const GumboVector& root_children = alone->root->v.element.children;
    for (unsigned i = 0; i < root_children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(root_children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY)
        containers_[wrapped[k]] = child;
    }
  }
}

InlineHtmlBatch::~InlineHtmlBatch() {
  for (void* output : outputs_)
    gumbo_destroy_output(&kGumboDefaultOptions, static_cast<GumboOutput*>(output));
}

bool InlineHtmlBatch::append(std::size_t index, cmark_node* parent) const {
  const auto* container = static_cast<const GumboNode*>(containers_.at(index));
  if (!container) return false;
  convert_children(container, parent);
  return true;
}

void append_plain_text(cmark_node* parent, std::string_view text) {
  std::size_t pos = 0;
  while (true) {
    std::size_t newline = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, newline == std::string_view::npos ? newline : newline - pos);
    if (!line.empty())
      cmark_node_set_literal(append_new(parent, CMARK_NODE_TEXT), std::string(line).c_str());
    if (newline == std::string_view::npos) return;
    append_new(parent, CMARK_NODE_SOFTBREAK);
    pos = newline + 1;
  }
}

}  // namespace castkit::markdown
