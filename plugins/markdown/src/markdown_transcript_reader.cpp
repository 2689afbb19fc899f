// Speaker turns, anchors and breaks from cmark's tree of each paragraph.
#include "markdown_transcript_reader.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

#include "castkit/diagnostics.hpp"
#include "castkit/text.hpp"
#include "castkit_common/clock_time.hpp"

namespace castkit::markdown {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// Longest label taken as a speaker name; a longer bold phrase is ordinary emphasis.
constexpr std::size_t kMaxLabelBytes = 80;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The plain text under `node`: literals of text and code, '\n' for line breaks, no markup.
std::string plain_text(cmark_node* node) {
  std::string out;
  IterPtr iter(cmark_iter_new(node));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* current = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(current)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
        if (const char* literal = cmark_node_get_literal(current)) out += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      default:
        break;
    }
  }
  return out;
}

// True when a paragraph holds more than text and line breaks (links, emphasis, code ...).
bool has_markup(cmark_node* block) {
  for (cmark_node* child = cmark_node_first_child(block); child; child = cmark_node_next(child)) {
    cmark_node_type type = cmark_node_get_type(child);
    if (type != CMARK_NODE_TEXT && type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK)
      return true;
  }
  return false;
}

// The inline HTML of a block, without the enclosing <p>...</p>.
std::string inline_html(cmark_node* block) {
  std::unique_ptr<char, decltype(&std::free)> rendered(
      cmark_render_html(block, CMARK_OPT_HARDBREAKS), &std::free);
  std::string_view html = rendered ? rendered.get() : "";
  while (!html.empty() && html.back() == '\n') html.remove_suffix(1);
  if (html.starts_with("<p>") && html.ends_with("</p>")) html = html.substr(3, html.size() - 7);
  return std::string(html);
}

// Drops leading spaces and line breaks from a block's inline content.
void trim_leading_space(cmark_node* block) {
  while (cmark_node* first = cmark_node_first_child(block)) {
    cmark_node_type type = cmark_node_get_type(first);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      cmark_node_free(first);
      continue;
    }
    if (type != CMARK_NODE_TEXT) return;
    std::string_view literal = cmark_node_get_literal(first);
    std::size_t skip = 0;
    while (skip < literal.size() && is_space(literal[skip])) ++skip;
    if (skip == 0) return;
    if (skip < literal.size()) {
      cmark_node_set_literal(first, std::string(literal.substr(skip)).c_str());
      return;
    }
    cmark_node_free(first);
  }
}

// The speaker of a `**Name:**` label opening `block`, removing the label; empty when none.
std::string take_label(cmark_node* block) {
  cmark_node* first = cmark_node_first_child(block);
  if (!first || cmark_node_get_type(first) != CMARK_NODE_STRONG) return {};
  std::string label = plain_text(first);
  std::string_view name = trim(label);
  if (name.size() < 2 || name.size() > kMaxLabelBytes || name.back() != ':') return {};
  name = trim(name.substr(0, name.size() - 1));
  if (name.empty() || name.find('\n') != std::string_view::npos) return {};
  std::string speaker(name);
  cmark_node_free(first);
  trim_leading_space(block);
  return speaker;
}

// A `[mm:ss]` anchor at the start of `block`'s text: returns its time and removes it. cmark
// splits brackets into text nodes of their own, so the leading text nodes are read together.
std::optional<Millis> take_anchor(cmark_node* block) {
  std::string leading;
  for (cmark_node* node = cmark_node_first_child(block);
       node && cmark_node_get_type(node) == CMARK_NODE_TEXT && leading.size() < 32;
       node = cmark_node_next(node))
    leading += cmark_node_get_literal(node);
  auto anchor = clock::leading_anchor(leading);
  if (!anchor) return std::nullopt;
  std::size_t remaining = anchor->length;
  while (remaining > 0) {
    cmark_node* node = cmark_node_first_child(block);
    std::string_view literal = cmark_node_get_literal(node);
    if (literal.size() <= remaining) {
      remaining -= literal.size();
      cmark_node_free(node);
    } else {
      cmark_node_set_literal(node, std::string(literal.substr(remaining)).c_str());
      remaining = 0;
    }
  }
  trim_leading_space(block);
  return anchor->time;
}

bool is_break_label(std::string_view name) {
  constexpr std::string_view kBreak = "break";
  if (name.size() != kBreak.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if ((name[i] | 0x20) != kBreak[i]) return false;
  return true;
}

// Turns paragraphs into segments, keeping track of the current turn.
class TurnBuilder {
 public:
  explicit TurnBuilder(Transcript& transcript) : segments_(transcript.segments) {}

  // One paragraph-like block (paragraph, heading, code block).
  void add_block(cmark_node* block) {
    bool is_inline_container = cmark_node_get_type(block) != CMARK_NODE_CODE_BLOCK;
    std::string label = is_inline_container ? take_label(block) : std::string();
    std::optional<Millis> start = is_inline_container ? take_anchor(block) : std::nullopt;
    bool empty = cmark_node_first_child(block) == nullptr &&
                 cmark_node_get_type(block) != CMARK_NODE_CODE_BLOCK;
    if (!label.empty() && is_break_label(label)) {
      flush_pending();
      Segment segment = make_segment(block, start, empty);
      segment.ext[kBreakKey] = Value(true);
      segments_.push_back(std::move(segment));
      speaker_.clear();
      return;
    }
    if (!label.empty()) {
      flush_pending();
      if (empty && !start) {
        pending_ = label;  // a label alone on its line: the turn's text follows
        return;
      }
      open_turn(label, make_segment(block, start, empty));
      return;
    }
    if (empty && !start) return;
    if (pending_) {
      std::string speaker = std::move(*pending_);
      pending_.reset();
      open_turn(speaker, make_segment(block, start, empty));
      return;
    }
    Segment segment = make_segment(block, start, empty);
    segment.speaker = speaker_;
    segments_.push_back(std::move(segment));
  }

  // Ends the document: a label with nothing after it is an empty turn.
  void finish() { flush_pending(); }

 private:
  static Segment make_segment(cmark_node* block, std::optional<Millis> start, bool empty) {
    Segment segment;
    segment.start = start;
    if (empty) return segment;
    segment.text = plain_text(block);
    if (cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK) {
      while (!segment.text.empty() && segment.text.back() == '\n') segment.text.pop_back();
      segment.html = inline_html(block);
    } else if (has_markup(block)) {
      segment.html = inline_html(block);
    }
    return segment;
  }

  void open_turn(const std::string& speaker, Segment segment) {
    if (!segments_.empty() && segments_.back().speaker == speaker)
      segment.ext[kNewTurnKey] = Value(true);
    segment.speaker = speaker;
    speaker_ = speaker;
    segments_.push_back(std::move(segment));
  }

  void flush_pending() {
    if (!pending_) return;
    std::string speaker = std::move(*pending_);
    pending_.reset();
    open_turn(speaker, Segment{});
  }

  std::vector<Segment>& segments_;
  std::string speaker_;                 // whose turn unlabelled paragraphs continue
  std::optional<std::string> pending_;  // a label that stood alone, waiting for its text
};

}  // namespace

Transcript read_transcript(std::string_view text, const ReadOptions& options,
                           const std::string& input_name) {
  std::vector<Chunk> chunks;
  const std::size_t body = front_matter_length(text);  // YAML front matter is not transcript
  try {
    chunks = split_into_chunks(text.substr(body), options.limits);
  } catch (const OversizedBlock& oversized) {
    TextPosition at = position_at(text, body + oversized.offset);
    fail_input(input_name, at.line, at.column,
               "paragraph longer than " + std::to_string(options.limits.max_block_bytes) +
                   " bytes (formats.markdown.max_block_bytes); expected transcript paragraphs "
                   "separated by blank lines");
  }
  Transcript transcript;
  TurnBuilder turns(transcript);
  int cmark_options = options.smart ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT;
  for (const Chunk& chunk : chunks) {
    NodePtr document(cmark_parse_document(chunk.text.data(), chunk.text.size(), cmark_options));
    IterPtr iter(cmark_iter_new(document.get()));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      if (event != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter.get());
      cmark_node_type type = cmark_node_get_type(node);
      if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING &&
          type != CMARK_NODE_CODE_BLOCK)
        continue;
      // Skip the block's inline children: the builder reads and changes them itself.
      cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
      turns.add_block(node);
    }
  }
  turns.finish();
  return transcript;
}

}  // namespace castkit::markdown
