#include "node_text.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

#include "castkit/html_entities.hpp"

namespace castkit::html {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/// How an element takes part in visible text.
enum class TextRole { inline_text, block, hidden };

/// The role of element `name`: hidden (script, style, template, noscript), a block (its
/// boundaries separate words even without whitespace in the source), or inline. One binary
/// search: this runs for every element every text extraction visits.
TextRole text_role(const char* name) {
  static constexpr std::pair<std::string_view, TextRole> kRoles[] = {
      {"address", TextRole::block},    {"article", TextRole::block}, {"aside", TextRole::block},
      {"blockquote", TextRole::block}, {"br", TextRole::block},      {"dd", TextRole::block},
      {"div", TextRole::block},        {"dl", TextRole::block},      {"dt", TextRole::block},
      {"figcaption", TextRole::block}, {"figure", TextRole::block},  {"footer", TextRole::block},
      {"h1", TextRole::block},         {"h2", TextRole::block},      {"h3", TextRole::block},
      {"h4", TextRole::block},         {"h5", TextRole::block},      {"h6", TextRole::block},
      {"header", TextRole::block},     {"hr", TextRole::block},      {"li", TextRole::block},
      {"main", TextRole::block},       {"nav", TextRole::block},     {"noscript", TextRole::hidden},
      {"ol", TextRole::block},         {"p", TextRole::block},       {"pre", TextRole::block},
      {"script", TextRole::hidden},    {"section", TextRole::block}, {"style", TextRole::hidden},
      {"table", TextRole::block},      {"td", TextRole::block},      {"template", TextRole::hidden},
      {"th", TextRole::block},         {"tr", TextRole::block},      {"ul", TextRole::block}};
  static_assert(std::is_sorted(std::begin(kRoles), std::end(kRoles),
                               [](const auto& a, const auto& b) { return a.first < b.first; }));
  const std::string_view key(name);
  const auto* found =
      std::lower_bound(std::begin(kRoles), std::end(kRoles), key,
                       [](const auto& entry, std::string_view k) { return entry.first < k; });
  return found != std::end(kRoles) && found->first == key ? found->second : TextRole::inline_text;
}

bool is_hidden_element(const char* name) {
  return text_role(name) == TextRole::hidden;
}

bool is_block_element(const char* name) {
  return text_role(name) == TextRole::block;
}

bool is_void_element(const char* name) {
  static constexpr const char* kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                          "hr",    "img",    "input", "link", "meta",
                                          "param", "source", "track", "wbr"};
  for (const char* v : kVoid)
    if (std::strcmp(name, v) == 0) return true;
  return false;
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
    else if (current.type() == pugi::node_element) {
      const TextRole role = text_role(current.name());
      if (role == TextRole::block) c.separate();
      descend = role != TextRole::hidden && current.first_child();
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
      append_html_escaped(out, current.value(), false);
    } else if (current.type() == pugi::node_element && !is_hidden_element(current.name())) {
      (out += '<') += current.name();
      for (pugi::xml_attribute a : current.attributes()) {
        ((out += ' ') += a.name()) += "=\"";
        append_html_escaped(out, a.value());
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
