// Wires the JSON and HTML transcript readers and writers into the plugin contract.
#include "transcript_formats.hpp"

#include <algorithm>
#include <cstring>

#include "castkit/text.hpp"
#include "castkit_common/subtitle_layout.hpp"
#include "html_transcript_reader.hpp"
#include "html_transcript_writer.hpp"
#include "json_transcript_reader.hpp"
#include "json_transcript_writer.hpp"

namespace castkit::transcript {
namespace {

// The input as UTF-8 text; binary data (a NUL byte) is an input error.
DecodedText text_of(const Input& input, const char* expected) {
  DecodedText decoded = decode_to_utf8(input.bytes, input.encoding, input.name);
  const std::string_view text = decoded.text();
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const TextPosition at = position_at(text, static_cast<const char*>(nul) - text.data());
    fail_input(input.name, at.line, at.column,
               std::string("binary data (a NUL byte); expected ") + expected);
  }
  return decoded;
}

// Puts a transcript read from a file into the model: the first episode's transcript.
void store(Transcript transcript, Show& show) {
  if (show.episodes.empty()) show.episodes.emplace_back();
  show.episodes.front().transcript = std::move(transcript);
}

// The episode an episode-level exporter writes.
const Episode& episode_of(const ExportRequest& request, const char* format) {
  if (request.episode) return *request.episode;
  if (request.show.episodes.size() == 1) return request.show.episodes.front();
  fail_usage(std::string(format) + " writes one episode's transcript; the model has " +
             std::to_string(request.show.episodes.size()) + " episodes");
}

bool contains(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

Confidence probe_json(const Input& input) {
  const std::string_view head = input.bytes.substr(0, 4096);
  const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos || head[first] != '{') return 0;
  if (!contains(head, "\"segments\"")) return 0;
  if (contains(head, "\"castkit\"")) return 0;  // castkit's own model (json)
  if (contains(head, "\"startTime\"") || contains(head, "\"body\"")) return 90;
  if (contains(head, "\"start\"") && contains(head, "\"text\"")) return 60;  // Whisper
  return 40;
}

// Speaker labels such as "<cite>Travis:</cite>" mark a transcript; an ordinary page may have
// <cite> and <time> elements, but rarely a <cite> that ends with a colon.
Confidence probe_html(const Input& input) {
  const std::string_view head = input.bytes.substr(0, 4096);
  int labels = 0;
  for (std::size_t at = head.find(":</cite>"); at != std::string_view::npos;
       at = head.find(":</cite>", at + 1))
    ++labels;
  if (labels == 0 || !contains(head, "<p")) return 0;
  return labels >= 2 ? 80 : 50;
}

class JsonImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    const DecodedText decoded = text_of(input, "a JSON transcript");
    store(read_json_transcript(decoded.text(), input.name, context.host), show);
  }
};

// Transcript files cannot hold times before 0 (an offset transform can make them): `segments`
// with such times raised to 0 (JSON) or dropped (HTML, `drop`), with one warning.
std::vector<Segment> without_negative_times(const std::vector<Segment>& segments, bool drop,
                                            const std::string& output_name, Host& host) {
  std::vector<Segment> out = segments;
  std::size_t changed = 0;
  for (Segment& segment : out) {
    bool negative = false;
    for (std::optional<Millis>* time : {&segment.start, &segment.end}) {
      if (*time && **time < 0) {
        negative = true;
        if (drop)
          time->reset();
        else
          *time = 0;
      }
    }
    changed += negative ? 1 : 0;
  }
  if (changed > 0)
    host.report(Diagnostic{Severity::warning, output_name, 0, 0,
                           std::to_string(changed) + " segment(s) have times before 0; " +
                               (drop ? "their times are left out" : "written as 0")});
  return out;
}

// The exporter's `segments` option: whole paragraphs (the default) or subtitle-sized cues.
bool wants_cues(const Context& context) {
  const ConfigView option = context.options["segments"];
  const std::string value = option.as_string("paragraphs");
  if (value != "paragraphs" && value != "cues")
    option.fail("expected \"paragraphs\" or \"cues\", found \"" + value + "\"");
  return value == "cues";
}

class JsonExporter final : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    const Episode& episode = episode_of(request, "transcript-json");
    const auto& segments = episode.transcript.segments;
    if (wants_cues(context)) {
      // Caption-sized segments, laid out as for srt/vtt; a cue's lines join with a space.
      auto cues = layout::layout_cues(episode, layout::options_from(context.project["subtitles"]),
                                      context.host);
      for (Segment& cue : cues) std::replace(cue.text.begin(), cue.text.end(), '\n', ' ');
      write_json_transcript(cues, episode.transcript.ext, out);
      return;
    }
    const bool timed = std::all_of(segments.begin(), segments.end(), [](const Segment& s) {
      return s.text.empty() || (s.start && s.end);
    });
    if (timed) {
      write_json_transcript(
          without_negative_times(segments, false, request.output_name, context.host),
          episode.transcript.ext, out);
      return;
    }
    // JSON transcripts time every segment: estimate what the source leaves out.
    const auto options = layout::options_from(context.project["subtitles"]);
    write_json_transcript(layout::time_paragraphs(episode, options, context.host),
                          episode.transcript.ext, out);
  }
};

class HtmlImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    const DecodedText decoded = text_of(input, "an HTML transcript");
    store(read_html_transcript(decoded.text(), input.name, context.host), show);
  }
};

class HtmlExporter final : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    const Episode& episode = episode_of(request, "transcript-html");
    HtmlOptions options;
    options.document = context.options["document"].as_bool(false);
    options.title = episode.title;
    options.language = episode.transcript.language;
    Transcript transcript = episode.transcript;
    transcript.segments =
        without_negative_times(transcript.segments, true, request.output_name, context.host);
    write_html_transcript(transcript, options, out);
  }
};

}  // namespace

ImporterSpec json_importer_spec() {
  ImporterSpec spec;
  spec.format = "transcript-json";
  spec.description = "Podcasting 2.0 JSON transcript (also Whisper-shaped JSON)";
  spec.extensions = {"json"};
  spec.media_types = {"application/json"};
  spec.signatures = {"\"startTime\"", "\"segments\""};
  spec.probe = &probe_json;
  spec.create = [] { return std::unique_ptr<Importer>(new JsonImporter); };
  return spec;
}

ExporterSpec json_exporter_spec() {
  ExporterSpec spec;
  spec.format = "transcript-json";
  spec.description = "Podcasting 2.0 JSON transcript (speaker, startTime, endTime, body)";
  spec.extension = "json";
  spec.media_type = "application/json";
  spec.scope = ExportScope::episode;
  spec.link_role = LinkRole::transcript;
  spec.options = {OptionSpec{"transcript-segments", "formats.transcript-json.segments",
                             "paragraphs (default) or cues: subtitle-sized segments laid out "
                             "as for srt/vtt"}};
  spec.create = [] { return std::unique_ptr<Exporter>(new JsonExporter); };
  return spec;
}

ImporterSpec html_importer_spec() {
  ImporterSpec spec;
  spec.format = "transcript-html";
  spec.description = "Podcasting 2.0 HTML transcript (<cite>, <time>, <p>)";
  spec.extensions = {"html", "htm"};
  spec.media_types = {"text/html"};
  spec.signatures = {"<cite>"};
  spec.probe = &probe_html;
  spec.create = [] { return std::unique_ptr<Importer>(new HtmlImporter); };
  return spec;
}

ExporterSpec html_exporter_spec() {
  ExporterSpec spec;
  spec.format = "transcript-html";
  spec.description = "Podcasting 2.0 HTML transcript (<cite>Name:</cite> <time> <p>)";
  spec.extension = "html";
  spec.media_type = "text/html";
  spec.scope = ExportScope::episode;
  spec.link_role = LinkRole::transcript;
  spec.options = {OptionSpec{"html-document", "formats.transcript-html.document",
                             "write a whole HTML document instead of the spec's fragment", false}};
  spec.create = [] { return std::unique_ptr<Exporter>(new HtmlExporter); };
  return spec;
}

}  // namespace castkit::transcript
