// HTML transcripts: the spec's <cite>/<time>/<p> shape, escaped.
#include "html_transcript_writer.hpp"

#include "castkit/html_entities.hpp"
#include "transcript_time.hpp"

namespace castkit::transcript {

void write_html_transcript(const Transcript& transcript, const HtmlOptions& options,
                           std::string& out) {
  if (options.document) {
    out += "<!DOCTYPE html>\n<html";
    if (!options.language.empty()) {
      out += " lang=\"";
      append_html_escaped(out, options.language);
      out += '"';
    }
    out += ">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    append_html_escaped(out, options.title.empty() ? "Transcript" : options.title);
    out += "</title>\n</head>\n<body>\n";
  }
  std::string speaker;
  for (const Segment& segment : transcript.segments) {
    if (segment.text.empty()) continue;
    if (!segment.speaker.empty() && segment.speaker != speaker) {
      speaker = segment.speaker;
      out += "<cite>";
      append_html_escaped(out, speaker);
      out += ":</cite>\n";
    }
    if (segment.start) {
      out += "<time";
      if (*segment.start % 1000 != 0) {
        out += " datetime=\"";
        out += duration_attribute(*segment.start);
        out += '"';
      }
      out += '>';
      out += clock_text(*segment.start);
      out += "</time>\n";
    }
    out += "<p>";
    std::size_t from = 0;
    for (std::size_t at; (at = segment.text.find('\n', from)) != std::string::npos; from = at + 1) {
      append_html_escaped(out, std::string_view(segment.text).substr(from, at - from));
      out += "<br>";
    }
    append_html_escaped(out, std::string_view(segment.text).substr(from));
    out += "</p>\n";
  }
  if (options.document) out += "</body>\n</html>\n";
}

}  // namespace castkit::transcript
