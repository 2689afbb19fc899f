// Helpers shared by the markdown plugin's tests: a host that records diagnostics, file reading,
// and running the importer and exporter the way the host does.
#pragma once

#include <string>
#include <vector>

#include "castkit/plugin.hpp"
#include "castkit_testing/recording_host.hpp"
#include "markdown_format.hpp"

namespace castkit::markdown::test {

using castkit::testing::read_test_file;
using castkit::testing::RecordingHost;

/// Imports Markdown bytes into a fresh show, with `options` as formats.markdown.
inline Show import_markdown(const std::string& bytes, const ConfigNode* options = nullptr,
                            const std::string& name = "test.md") {
  RecordingHost host;
  Context context{host, ConfigView(options), ConfigView()};
  Input input{name, bytes, "", "", ""};
  Show show;
  importer_spec().create()->read(input, show, context);
  return show;
}

/// Exports the first episode of `show` as Markdown.
inline std::string export_markdown(const Show& show) {
  RecordingHost host;
  Context context{host, ConfigView(), ConfigView()};
  std::string out;
  exporter_spec().create()->write(ExportRequest{show, &show.episodes.front(), "-"}, out, context);
  return out;
}

/// Number of turns: a turn starts at a break, a speaker change or a segment marked as a new turn.
inline int count_turns(const Transcript& transcript, const std::string& speaker_or_break) {
  int turns = 0;
  const Segment* previous = nullptr;
  for (const Segment& segment : transcript.segments) {
    bool is_break = segment.ext.count("markdown.break") > 0;
    bool starts = is_break || !previous || previous->speaker != segment.speaker ||
                  previous->ext.count("markdown.break") > 0 ||
                  segment.ext.count("markdown.new_turn") > 0;
    std::string who = is_break ? "Break" : segment.speaker;
    if (starts && !who.empty() && who == speaker_or_break) ++turns;
    previous = &segment;
  }
  return turns;
}

}  // namespace castkit::markdown::test
