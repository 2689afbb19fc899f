// Reads a text rendering of an episode page (changelog.com's section structure) into the model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/diagnostics.hpp"
#include "castkit/model.hpp"

namespace castkit::text_page {

/// How a page is read.
struct ReadOptions {
  std::size_t max_line_bytes = 16u << 20;  ///< limits.max_line_bytes
  /// Lines that are site furniture, matched at their start ignoring case and leading symbols:
  /// dropped anywhere outside the transcript, and at the transcript's start and end.
  std::vector<std::string> boilerplate = {"Play the audio to listen along",
                                          "Our transcripts are open source", "Edit Notes",
                                          "Edit Transcript", "All Episodes"};
};

/// What a page gave.
struct PageResult {
  std::string show_title;           ///< from a "<Show> – Episode #<n>" line, when there is one
  Episode episode;                  ///< everything else
  std::vector<Diagnostic> notices;  ///< notes and warnings for the host to report
  /// The note that the transcript names no speakers, with the way to add them (a Markdown
  /// transcript as a second input): for the importer to give when the page is read alone.
  std::optional<Diagnostic> speakers_hint;
};

/// Reads `text` (valid UTF-8). Throws an input error (naming `input_name`) when the text has no
/// page section headings at all or a line is longer than the limit.
PageResult read_page(std::string_view text, const ReadOptions& options,
                     const std::string& input_name);

}  // namespace castkit::text_page
