#include "node_text.hpp"

#include <cstring>
#include <vector>

namespace castkit::html {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

bool is_hidden_element(const char* name) {
  return std::strcmp(name, "script") == 0 || std::strcmp(name, "style") == 0 ||
         std::strcmp(name, "template") == 0 || std::strcmp(name, "noscript") == 0;
}

/// Elements whose boundaries separate words even without whitespace in the source.
bool is_block_element(const char* name) {
  static constexpr const char* kBlock[] = {
      "address", "article",    "aside",   "blockquote", "br", "dd",   "div", "dl",
      "dt",      "figcaption", "figure",  "footer",     "h1", "h2",   "h3",  "h4",
      "h5",      "h6",         "header",  "hr",         "li", "main", "nav", "ol",
      "p",       "pre",        "section", "table",      "td", "th",   "tr",  "ul"};
  for (const char* b : kBlock)
    if (std::strcmp(name, b) == 0) return true;
  return false;
}

bool is_void_element(const char* name) {
  static constexpr const char* kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                          "hr",    "img",    "input", "link", "meta",
                                          "param", "source", "track", "wbr"};
  for (const char* v : kVoid)
    if (std::strcmp(name, v) == 0) return true;
  return false;
}

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default:
        out += c;
    }
  }
}

/// Appends collapsed text, remembering whether the output ends in a pending space.
struct Collapser {
  std::string out;
  bool pending_space = false;
  void separate() { pending_space = !out.empty(); }
  void add(std::string_view text) {
    for (char c : text) {
      if (is_space(c)) {
        pending_space = !out.empty();
      } else {
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
      }
    }
  }
};

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  Collapser c;
  c.add(text);
  return std::move(c.out);
}

std::string node_text(pugi::xml_node node) {
  if (!node) return {};
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata)
    return collapse_whitespace(node.value());
  Collapser c;
  // Iterative pre-order walk of the subtree (pages may nest deeply).
  pugi::xml_node current = node.first_child();
  while (current) {
    bool descend = false;
    if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata)
      c.add(current.value());
    else if (current.type() == pugi::node_element && !is_hidden_element(current.name())) {
      if (is_block_element(current.name())) c.separate();
      descend = current.first_child();
    }
    if (descend) {
      current = current.first_child();
      continue;
    }
    while (current && current != node && !current.next_sibling()) {
      current = current.parent();
      if (current != node && is_block_element(current.name())) c.separate();
    }
    if (!current || current == node) break;
    if (current.type() == pugi::node_element && is_block_element(current.name())) c.separate();
    current = current.next_sibling();
  }
  return std::move(c.out);
}

std::string node_text(const pugi::xpath_node& node) {
  if (node.attribute()) return collapse_whitespace(node.attribute().value());
  return node_text(node.node());
}

std::string inner_html(pugi::xml_node node) {
  std::string out;
  struct Frame {
    pugi::xml_node next;
    pugi::xml_node element;
  };
  std::vector<Frame> stack{{node.first_child(), node}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    pugi::xml_node current = frame.next;
    if (!current) {
      if (stack.size() > 1) (out += "</") += frame.element.name(), out += '>';
      stack.pop_back();
      continue;
    }
    frame.next = current.next_sibling();
    if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata) {
      append_escaped(out, current.value(), false);
    } else if (current.type() == pugi::node_element && !is_hidden_element(current.name())) {
      (out += '<') += current.name();
      for (pugi::xml_attribute a : current.attributes()) {
        ((out += ' ') += a.name()) += "=\"";
        append_escaped(out, a.value(), true);
        out += '"';
      }
      out += '>';
      if (!is_void_element(current.name())) stack.push_back({current.first_child(), current});
    }
  }
  // Trim the whitespace the page's indentation leaves at both ends.
  const std::size_t first = out.find_first_not_of(" \n\t\r");
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(" \n\t\r") - first + 1);
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && lower(haystack[i + j]) == lower(needle[j])) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

bool has_class(pugi::xml_node node, std::string_view name) {
  std::string_view classes = node.attribute("class").value();
  while (!classes.empty()) {
    const std::size_t start = classes.find_first_not_of(" \t\n\r\f");
    if (start == std::string_view::npos) break;
    classes.remove_prefix(start);
    const std::size_t end = std::min(classes.find_first_of(" \t\n\r\f"), classes.size());
    if (classes.substr(0, end) == name) return true;
    classes.remove_prefix(end);
  }
  return false;
}

}  // namespace castkit::html
