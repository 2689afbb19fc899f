// Namespace-aware names over pugixml (which sees only prefixes), and elements kept as XML text.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "castkit/value.hpp"
#include "namespaces.hpp"

namespace castkit::rss {

/// An element or attribute name resolved against the namespace declarations in scope.
struct ResolvedName {
  Namespace ns = Namespace::rss;  ///< which namespace it is in (rss: no prefix)
  std::string_view local;         ///< the name without prefix
};

/// The namespace declarations in scope while walking a feed. Declarations are pushed per
/// element and popped with restore().
class NamespaceScope {
 public:
  /// Adds the xmlns:prefix declarations of `element`; returns the mark to restore() to.
  std::size_t declare(pugi::xml_node element) {
    return ignoring_ ? entries_.size() : declare_here(element);
  }
  /// Drops the declarations added since `mark`.
  void restore(std::size_t mark) { entries_.resize(mark); }
  /// Makes declare() a no-op from now on: for a feed known to declare nothing below this point.
  void ignore_further_declarations() { ignoring_ = true; }

  /// Resolves a qualified name ("itunes:image", "title").
  ResolvedName resolve(std::string_view qualified) const;

  /// Appends `qualified` with the prefix castkit writes for its namespace (the canonical prefix
  /// for known namespaces, the feed's own prefix otherwise).
  void append_output_name(std::string& out, std::string_view qualified) const;

 private:
  struct Entry {
    std::string prefix;
    Namespace ns;
    std::string output_prefix;
  };
  std::size_t declare_here(pugi::xml_node element);
  const Entry* find(std::string_view prefix) const;
  std::vector<Entry> entries_;
  bool ignoring_ = false;
};

/// The namespaces other than castkit's own declared on `root` or any element inside it, in
/// document order: an object of output prefix -> URI, as written on export.
Value declared_namespaces(pugi::xml_node root);

/// Adds the namespaces other than castkit's own that `element` itself declares to `others` (as
/// declared_namespaces does); returns how many prefixes it declares (castkit's own included).
std::size_t add_declared_namespaces(Value& others, pugi::xml_node element);

/// The text of an element: its text and CDATA children joined.
std::string element_text(pugi::xml_node element);

/// The text of an element without a copy when it is a single text or CDATA node (the common
/// case); otherwise the children joined into a buffer of its own. Use it within one expression
/// (`ElementText(node).view()`) or keep the object alive while the view is used.
class ElementText {
 public:
  /// Reads the text of `element`.
  explicit ElementText(pugi::xml_node element);
  ElementText(const ElementText&) = delete;
  ElementText& operator=(const ElementText&) = delete;
  /// The text; valid while this object and the document live.
  std::string_view view() const { return view_; }

 private:
  std::string joined_;
  std::string_view view_;
};

/// Appends `element` (with its subtree) as XML text: names with castkit's prefixes, no
/// namespace declarations (they move to the root), no comments; iterative, so depth is no risk.
void append_element_xml(std::string& out, pugi::xml_node element, NamespaceScope& scope);

}  // namespace castkit::rss
