// Writes Podcasting 2.0 HTML transcripts.
#pragma once

#include <string>
#include <string_view>

#include "castkit/model.hpp"

namespace castkit::transcript {

/// How the HTML transcript is wrapped.
struct HtmlOptions {
  bool document = false;  ///< a whole HTML document (doctype, charset, title) instead of the
                          ///< spec's fragment of <cite>/<time>/<p> elements
  std::string title;      ///< the document's <title> (the episode title)
  std::string language;   ///< the document's lang attribute
};

/// Appends `transcript` as HTML: `<cite>Name:</cite>` at every change of speaker, `<time>m:ss
/// </time>` for each segment with a start (with a datetime attribute when it is not a whole
/// second), `<p>text</p>` with line breaks as <br>. Segments without text are left out.
void write_html_transcript(const Transcript& transcript, const HtmlOptions& options,
                           std::string& out);

}  // namespace castkit::transcript
