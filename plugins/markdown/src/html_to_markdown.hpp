// Turns a segment's inline HTML back into Markdown inline nodes (for the markdown exporter).
#pragma once

#include <cmark.h>

#include <string_view>

namespace castkit::markdown {

/// Most tags an HTML fragment may have to be converted; past this it is written as plain text
/// (the bound keeps the tree walk's depth, and so its stack, small).
inline constexpr std::size_t kMaxInlineTags = 2000;

/// Appends to `parent` (a cmark paragraph) Markdown inline nodes for the inline HTML `html`:
/// text, <em>/<i>, <strong>/<b>, <a href>, <code>, <br>, <img>; other tags keep only their text.
/// Returns false (appending nothing) when `html` has more than kMaxInlineTags tags.
bool append_inline_html(cmark_node* parent, std::string_view html);

/// Appends `text` to `parent` as text nodes, with a soft line break for each '\n'.
void append_plain_text(cmark_node* parent, std::string_view text);

}  // namespace castkit::markdown
