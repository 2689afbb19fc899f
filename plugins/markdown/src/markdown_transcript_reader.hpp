// Reads a speaker-labelled Markdown transcript (the Changelog convention) into transcript segments.
#pragma once

#include <string>
#include <string_view>

#include "castkit/model.hpp"
#include "markdown_chunks.hpp"

namespace castkit::markdown {

/// Extension key on a segment that is a `**Break:**` turn (its speaker is empty).
inline constexpr const char* kBreakKey = "markdown.break";
/// Extension key on a paragraph that opens a new `**Name:**` turn although the paragraph before
/// it has the same speaker (so writing the Markdown back keeps the turns).
inline constexpr const char* kNewTurnKey = "markdown.new_turn";

/// How the Markdown is read.
struct ReadOptions {
  bool smart =
      true;  ///< curly quotes, dashes and ellipses, as changelog.com renders (cmark --smart)
  ChunkLimits limits;  ///< how the document is cut for parsing
};

/// Reads `text` (valid UTF-8) into segments, one per paragraph: `**Name:**` opens a turn (the
/// label may stand alone), unlabelled paragraphs continue it, a `[mm:ss]`-style time at the
/// start of a paragraph becomes its exact start, `**Break:**` gives a break segment, and text
/// before the first label has no speaker. `text` holds plain text, `html` the inline markup. A
/// YAML front matter block at the start is skipped.
/// `input_name` is used in errors (a paragraph longer than the limit).
Transcript read_transcript(std::string_view text, const ReadOptions& options,
                           const std::string& input_name);

}  // namespace castkit::markdown
