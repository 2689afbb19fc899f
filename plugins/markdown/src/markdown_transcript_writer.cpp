// Builds a cmark document for the transcript and lets cmark render (and escape) the Markdown.
#include "markdown_transcript_writer.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

#include "castkit_common/clock_time.hpp"
#include "html_to_markdown.hpp"
#include "markdown_transcript_reader.hpp"

namespace castkit::markdown {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

bool has_flag(const Segment& segment, const char* key) {
  auto found = segment.ext.find(key);
  return found != segment.ext.end() && found->second.kind == Value::Kind::boolean &&
         found->second.boolean;
}

cmark_node* append_text(cmark_node* parent, const std::string& text) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(node, text.c_str());
  cmark_node_append_child(parent, node);
  return node;
}

void append_label(cmark_node* paragraph, const std::string& name) {
  cmark_node* strong = cmark_node_new(CMARK_NODE_STRONG);
  append_text(strong, name + ":");
  cmark_node_append_child(paragraph, strong);
}

}  // namespace

void write_transcript(const Transcript& transcript, std::string& out) {
  // Paragraphs are rendered one by one (memory follows the output, not a whole tree), their
  // HTML parsed in batches (one HTML parse costs far more than one paragraph).
  constexpr std::size_t kBatchSegments = 512;
  constexpr std::size_t kBatchHtmlBytes = 256 * 1024;
  const std::vector<Segment>& segments = transcript.segments;
  const Segment* previous = nullptr;
  bool wrote_paragraph = false;
  for (std::size_t batch_start = 0; batch_start < segments.size();) {
    std::vector<std::string_view> fragments;
    std::size_t html_bytes = 0;
    std::size_t batch_end = batch_start;
    while (batch_end < segments.size() && fragments.size() < kBatchSegments &&
           html_bytes < kBatchHtmlBytes) {
      fragments.push_back(segments[batch_end].html);
      html_bytes += segments[batch_end++].html.size();
    }
    InlineHtmlBatch html(fragments);
    for (std::size_t i = batch_start; i < batch_end; ++i) {
      const Segment& segment = segments[i];
      std::unique_ptr<cmark_node, NodeDeleter> document(cmark_node_new(CMARK_NODE_DOCUMENT));
      cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(document.get(), paragraph);
      bool is_break = has_flag(segment, kBreakKey);
      bool opens_turn = !segment.speaker.empty() &&
                        (!previous || previous->speaker != segment.speaker ||
                         has_flag(*previous, kBreakKey) || has_flag(segment, kNewTurnKey));
      previous = &segment;
      if (is_break)
        append_label(paragraph, "Break");
      else if (opens_turn)
        append_label(paragraph, segment.speaker);
      bool labelled = is_break || opens_turn;
      bool anchored = segment.start && !segment.estimated;
      if (anchored)
        append_text(paragraph, (labelled ? " [" : "[") + clock::format(*segment.start) + "]");
      if (!segment.text.empty()) {
        if (labelled || anchored) append_text(paragraph, " ");
        if (!html.append(i - batch_start, paragraph)) append_plain_text(paragraph, segment.text);
      }
      if (!cmark_node_first_child(paragraph)) continue;
      std::unique_ptr<char, decltype(&std::free)> rendered(
          cmark_render_commonmark(document.get(), CMARK_OPT_DEFAULT, 0), &std::free);
      if (!rendered) continue;
      if (wrote_paragraph) out += '\n';  // a blank line between paragraphs
      out += rendered.get();
      wrote_paragraph = true;
    }
    batch_start = batch_end;
  }
}

}  // namespace castkit::markdown
