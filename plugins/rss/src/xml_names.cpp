// Namespace resolution and raw-element serialisation for the rss importer.
#include "xml_names.hpp"

#include <cstring>

#include "castkit/feed/xml_escape.hpp"

namespace castkit::rss {
namespace {

std::string_view prefix_of(std::string_view qualified) {
  // Names are short: a plain loop beats a call to memchr.
  for (std::size_t i = 0; i < qualified.size(); ++i)
    if (qualified[i] == ':') return qualified.substr(0, i);
  return {};
}

bool is_declaration(std::string_view attribute) {
  return attribute == "xmlns" || attribute.substr(0, 6) == "xmlns:";
}

/// The prefix `attribute` declares (xmlns:prefix="uri"), or "" when it declares none.
std::string_view declared_prefix(pugi::xml_attribute attribute) {
  const char* raw = attribute.name();
  if (raw[0] != 'x' || std::strncmp(raw, "xmlns:", 6) != 0) return {};
  return std::string_view(raw + 6);
}

/// The prefix castkit writes for a namespace declared as `prefix`: the canonical one for known
/// namespaces; the feed's own otherwise, unless that is one of castkit's, which gets a "2".
std::string output_prefix(std::string_view prefix, Namespace ns) {
  if (ns != Namespace::other) return std::string(canonical_prefix(ns));
  std::string output(prefix);
  for (Namespace known :
       {Namespace::itunes, Namespace::podcast, Namespace::content, Namespace::atom, Namespace::psc})
    if (output == canonical_prefix(known)) output += "2";
  return output;
}

}  // namespace

std::size_t NamespaceScope::declare_here(pugi::xml_node element) {
  std::size_t mark = entries_.size();
  for (pugi::xml_attribute attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    std::string_view prefix = declared_prefix(attribute);
    if (prefix.empty()) continue;
    Namespace ns = namespace_of_uri(attribute.value());
    entries_.push_back(Entry{std::string(prefix), ns, output_prefix(prefix, ns)});
  }
  return mark;
}

std::size_t add_declared_namespaces(Value& others, pugi::xml_node element) {
  std::size_t declarations = 0;
  for (pugi::xml_attribute attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    std::string_view prefix = declared_prefix(attribute);
    if (prefix.empty()) continue;
    ++declarations;
    std::string_view uri = attribute.value();
    Namespace ns = namespace_of_uri(uri);
    if (ns == Namespace::other) others.set(output_prefix(prefix, ns), Value(std::string(uri)));
  }
  return declarations;
}

Value declared_namespaces(pugi::xml_node root) {
  Value others = Value::object();
  pugi::xml_node node = root;
  while (node) {
    add_declared_namespaces(others, node);
    // Document order: the first child element, else the next sibling of the node or of the
    // nearest ancestor that has one, never leaving `root`.
    pugi::xml_node next = node.first_child();
    while (next && next.type() != pugi::node_element) next = next.next_sibling();
    if (next) {
      node = next;
      continue;
    }
    while (node && node != root) {
      next = node.next_sibling();
      while (next && next.type() != pugi::node_element) next = next.next_sibling();
      if (next) break;
      node = node.parent();
    }
    node = node == root ? pugi::xml_node() : next;
  }
  return others;
}

const NamespaceScope::Entry* NamespaceScope::find(std::string_view prefix) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
    if (it->prefix.size() == prefix.size() &&
        std::memcmp(it->prefix.data(), prefix.data(), prefix.size()) == 0)
      return &*it;
  return nullptr;
}

ResolvedName NamespaceScope::resolve(std::string_view qualified) const {
  std::string_view prefix = prefix_of(qualified);
  if (prefix.empty()) return {Namespace::rss, qualified};
  const Entry* entry = find(prefix);
  return {entry ? entry->ns : Namespace::other, qualified.substr(prefix.size() + 1)};
}

void NamespaceScope::append_output_name(std::string& out, std::string_view qualified) const {
  std::string_view prefix = prefix_of(qualified);
  if (prefix.empty() || prefix == "xml") {
    out += qualified;
    return;
  }
  const Entry* entry = find(prefix);
  out += entry ? std::string_view(entry->output_prefix) : prefix;
  out += qualified.substr(prefix.size());
}

std::string element_text(pugi::xml_node element) {
  // With pugi::parse_embed_pcdata the first text of an element is its value, not a child.
  std::string text = element.value();
  pugi::xml_node first = element.first_child();
  if (text.empty() && first && !first.next_sibling() &&
      (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata))
    return first.value();
  for (pugi::xml_node child : element.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
      text += child.value();
  return text;
}

ElementText::ElementText(pugi::xml_node element) {
  const char* embedded = element.value();  // the text, when parsed with parse_embed_pcdata
  pugi::xml_node first = element.first_child();
  if (!first) {
    view_ = embedded;
    return;
  }
  if (*embedded == '\0' && !first.next_sibling() &&
      (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata)) {
    view_ = first.value();
    return;
  }
  joined_ = element_text(element);
  view_ = joined_;
}

void append_element_xml(std::string& out, pugi::xml_node element, NamespaceScope& scope) {
  std::vector<std::size_t> marks;
  pugi::xml_node node = element;
  while (true) {
    bool descended = false;
    if (node.type() == pugi::node_element) {
      marks.push_back(scope.declare(node));
      out += '<';
      scope.append_output_name(out, node.name());
      for (pugi::xml_attribute attribute : node.attributes()) {
        if (is_declaration(attribute.name())) continue;
        out += ' ';
        scope.append_output_name(out, attribute.name());
        out += "=\"";
        feed::append_xml_attribute(out, attribute.value());
        out += '"';
      }
      const char* embedded = node.value();  // text kept in the element (parse_embed_pcdata)
      if (*embedded != '\0') {
        out += '>';
        feed::append_xml_text(out, embedded);
      }
      if (node.first_child()) {
        if (*embedded == '\0') out += '>';
        node = node.first_child();
        descended = true;
      } else if (*embedded != '\0') {
        out += "</";
        scope.append_output_name(out, node.name());
        out += '>';
        scope.restore(marks.back());
        marks.pop_back();
      } else {
        out += "/>";
        scope.restore(marks.back());
        marks.pop_back();
      }
    } else if (node.type() == pugi::node_pcdata) {
      feed::append_xml_text(out, node.value());
    } else if (node.type() == pugi::node_cdata) {
      feed::append_cdata(out, node.value());
    }
    if (descended) continue;
    // Next node: a sibling, or close parents until one has a sibling.
    while (node != element && !node.next_sibling()) {
      node = node.parent();
      out += "</";
      scope.append_output_name(out, node.name());
      out += '>';
      scope.restore(marks.back());
      marks.pop_back();
    }
    if (node == element) return;
    node = node.next_sibling();
  }
}

}  // namespace castkit::rss
