// Turns a segment's inline HTML back into Markdown inline nodes (for the markdown exporter).
#pragma once

#include <cmark.h>

#include <string_view>
#include <vector>

namespace castkit::markdown {

/// Most tags an HTML fragment may have to be converted; past this it is written as plain text
/// (the bound keeps the tree walk's depth, and so its stack, small).
inline constexpr std::size_t kMaxInlineTags = 2000;

/// Inline HTML fragments (segments' `html`) parsed together with gumbo: one parse for many
/// fragments, each wrapped in a <div> of its own, since a parse has a fixed cost much larger
/// than a paragraph's. Fragments whose wrapping the parser does not keep apart (stray block
/// tags) are parsed one by one instead.
class InlineHtmlBatch {
 public:
  /// Parses `fragments` (which must outlive nothing: the text is copied by the parser).
  explicit InlineHtmlBatch(const std::vector<std::string_view>& fragments);
  ~InlineHtmlBatch();
  InlineHtmlBatch(const InlineHtmlBatch&) = delete;
  InlineHtmlBatch& operator=(const InlineHtmlBatch&) = delete;

  /// Appends to `parent` (a cmark paragraph) Markdown inline nodes for fragment `index`: text,
  /// <em>/<i>, <strong>/<b>, <a href>, <code>, <br>, <img>; other tags keep only their text.
  /// Returns false, appending nothing, when the fragment has more than kMaxInlineTags tags.
  bool append(std::size_t index, cmark_node* parent) const;

 private:
  std::vector<void*> outputs_;           // GumboOutput*, freed with the batch
  std::vector<const void*> containers_;  // per fragment: the GumboNode holding it, or nullptr
};

/// Appends `text` to `parent` as text nodes, with a soft line break for each '\n'.
void append_plain_text(cmark_node* parent, std::string_view text);

}  // namespace castkit::markdown
