// WebVTT cue text: the W3C "cue text parsing rules" (tokenizer and tree building) and what the
// model takes from the tree: plain text, speakers, simple HTML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "castkit/model.hpp"
#include "castkit_common/speaker_turns.hpp"

namespace castkit::vtt {

/// What a node of a cue text tree is.
enum class NodeKind {
  root,
  text,
  cls,
  italic,
  bold,
  underline,
  ruby,
  ruby_text,
  voice,
  language,
  timestamp
};

/// One node of a cue text tree; nodes live in a vector, node 0 is the root.
struct CueNode {
  NodeKind kind = NodeKind::root;    ///< what it is
  std::string text;                  ///< text nodes: the text; voice: the name; language: the tag
  std::vector<std::string> classes;  ///< applicable classes (<c.loud>)
  Millis time = 0;                   ///< timestamp nodes: the time
  int parent = -1;                   ///< index of the parent, -1 for the root
  std::vector<int> children;         ///< indices of the children, in order
};

/// Parses cue text into a tree (character references decoded, tags as nodes).
std::vector<CueNode> parse_cue_text(std::string_view text);

/// One speaker's part of a cue (shared with the exporters through "subtitle.turns").
using Turn = layout::Turn;

/// What the model keeps from a cue's text.
struct CueContent {
  std::string text;         ///< plain text: text nodes outside ruby text, references decoded
  std::string html;         ///< the text as HTML with <i>, <b>, <u> kept; empty when it has none
  std::string speaker;      ///< the first voice's name
  std::vector<Turn> turns;  ///< the parts by speaker, when the cue has more than one speaker
  bool has_markup = false;  ///< true when the text had tags or character references
  std::string markup;       ///< the payload as given, when it has markup
};

/// Reads `text` (a cue payload) into plain text, speaker and HTML; the payload itself ends up in
/// `text` (no markup) or `markup`.
CueContent read_cue_content(std::string text);

}  // namespace castkit::vtt
