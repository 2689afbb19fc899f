// WebVTT importers: cues into Transcript segments, chapter cues into Chapters.
#include <functional>
#include <string>

#include "castkit/diagnostics.hpp"
#include "castkit/memory.hpp"
#include "castkit/streaming.hpp"
#include "castkit/text.hpp"
#include "castkit_common/speaker_turns.hpp"
#include "cue_settings.hpp"
#include "cue_text.hpp"
#include "vtt_formats.hpp"
#include "webvtt_parser.hpp"

namespace castkit::vtt {
namespace {

constexpr std::int64_t kDefaultMaxLineBytes = 16 * 1024 * 1024;

bool has_signature(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes.substr(0, 6) == "WEBVTT" &&
         (bytes.size() == 6 || bytes[6] == ' ' || bytes[6] == '\t' || bytes[6] == '\n' ||
          bytes[6] == '\r');
}

// The input as UTF-8 text. WebVTT is UTF-8 by definition: invalid bytes become U+FFFD (the
// spec's "UTF-8 decode") with one warning. A UTF-16 BOM or --input-encoding converts first.
struct VttText {
  DecodedText decoded;
  std::string repaired;
  bool use_repaired = false;
  std::string_view text() const {
    return use_repaired ? std::string_view(repaired) : decoded.text();
  }
};

VttText decode_input(const Input& input, Context& context) {
  VttText result;
  std::string_view bytes = input.bytes;
  const bool utf16_bom = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (!input.encoding.empty() || utf16_bom) {
    result.decoded = decode_to_utf8(bytes, input.encoding, input.name);
    return result;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 6) == std::string_view("W\0E\0B\0", 6) ||
      bytes.substr(0, 6) == std::string_view("\0W\0E\0B", 6)) {
    const char* name = bytes[0] == 'W' ? "UTF-16LE" : "UTF-16BE";
    fail_input(input.name, 1, 1,
               std::string("this looks like ") + name +
                   " without a byte order mark; convert it to UTF-8 or pass --input-encoding " +
                   name);
  }
  result.decoded.unchanged = bytes;
  result.decoded.encoding = "UTF-8";
  auto bad = find_invalid_utf8(bytes);
  if (!bad) return result;
  TextPosition pos = position_at(bytes, *bad);
  context.host.report({Severity::warning, input.name, pos.line, pos.column,
                       "invalid UTF-8 at byte offset " + std::to_string(*bad) +
                           " replaced by U+FFFD (WebVTT is UTF-8; use --input-encoding for a "
                           "file in another encoding)"});
  result.repaired.reserve(bytes.size() + 16);
  while (!bytes.empty()) {
    auto next_bad = find_invalid_utf8(bytes);
    std::size_t good = next_bad ? *next_bad : bytes.size();
    result.repaired.append(bytes.substr(0, good));
    if (!next_bad) break;
    result.repaired.append("\xEF\xBF\xBD");
    // Skip the lead byte and any continuation bytes after it (one U+FFFD per bad sequence).
    std::size_t skip = good + 1;
    while (skip < bytes.size() && (static_cast<unsigned char>(bytes[skip]) & 0xC0) == 0x80 &&
           skip - good < 4)
      ++skip;
    bytes.remove_prefix(skip);
  }
  result.use_repaired = true;
  return result;
}

std::size_t max_line_bytes(const Context& context) {
  const std::int64_t max_line =
      context.project["limits"]["max_line_bytes"].as_int(kDefaultMaxLineBytes);
  return static_cast<std::size_t>(max_line > 0 ? max_line : 1);
}

void report_warnings(const Input& input, Context& context, const ParsedFile& file) {
  for (const ParseWarning& warning : file.warnings)
    context.host.report({Severity::warning, input.name, warning.line, 0, warning.message});
}

ParsedFile parse_input(const Input& input, Context& context, VttText& text) {
  text = decode_input(input, context);
  ParsedFile file = parse_webvtt(text.text(), input.name, max_line_bytes(context));
  report_warnings(input, context, file);
  return file;
}

// Room for `more` segments in one allocation, backed by huge pages when it is large.
void reserve_segments(Transcript& transcript, std::size_t more) {
  auto& segments = transcript.segments;
  const std::size_t used = segments.size();
  segments.reserve(used + more);
  advise_huge_pages(segments.data() + used, (segments.capacity() - used) * sizeof(Segment));
}

// An upper bound on the number of cues, to size the segment vector once.
std::size_t count_arrows(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = text.find("-->"); at != std::string_view::npos;
       at = text.find("-->", at + 3))
    ++count;
  return count;
}

void report_backwards(const Input& input, Context& context, const ParsedCue& cue) {
  if (cue.end < cue.start)
    context.host.report({Severity::warning, input.name, cue.line, 0,
                         "cue ends before it starts; kept as read (exporters fix or drop it)"});
}

// "Language: en" in the header block.
std::string header_language(std::string_view header) {
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find('\n', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view line = header.substr(at, end - at);
    if (line.substr(0, 9) == "Language:") {
      line.remove_prefix(9);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      return std::string(line);
    }
    at = end + 1;
  }
  return {};
}

// The transcript fields a WebVTT file sets: the header (and its language), REGION and STYLE
// blocks.
Transcript transcript_fields(const ParsedFile& file) {
  Transcript fields;
  fields.ext["vtt.header"] = Value(file.header);
  fields.language = header_language(file.header);
  if (!file.regions.empty()) {
    Value list = Value::array();
    for (const std::string& body : file.regions) list.push(Value(body));
    fields.ext["vtt.regions"] = std::move(list);
  }
  if (!file.styles.empty()) {
    Value list = Value::array();
    for (const std::string& body : file.styles) list.push(Value(body));
    fields.ext["vtt.styles"] = std::move(list);
  }
  return fields;
}

// Reads the cues of WebVTT `text`: `on_fields` gets the transcript fields once they are complete
// (at the first cue: REGION and STYLE blocks come before any cue; at the end when there is no
// cue), `on_segment` each cue as a segment (one object, reused; the callee may move from it).
void read_cues(std::string_view text, const Input& input, Context& context,
               const std::function<void(Transcript&&)>& on_fields,
               const std::function<void(Segment&)>& on_segment) {
  std::vector<Region> regions;
  bool fields_given = false;
  Segment segment;
  ParsedFile file = parse_webvtt(
      text, input.name, max_line_bytes(context), [&](ParsedCue& cue, const ParsedFile& so_far) {
        if (!fields_given) {
          for (const std::string& body : so_far.regions) regions.push_back(parse_region(body));
          on_fields(transcript_fields(so_far));
          fields_given = true;
        }
        report_backwards(input, context, cue);
        segment.start = cue.start;
        segment.end = cue.end;
        segment.id = std::move(cue.id);
        segment.ext.clear();
        if (!cue.settings.empty()) {
          CueSettings settings = parse_cue_settings(cue.settings, regions);
          if (!settings.normalized.empty())
            segment.ext["vtt.settings"] = Value(std::move(settings.normalized));
        }
        CueContent content = read_cue_content(std::move(cue.text));
        segment.text = std::move(content.text);
        segment.html = std::move(content.html);
        segment.speaker = std::move(content.speaker);
        if (content.has_markup) segment.ext["vtt.markup"] = Value(std::move(content.markup));
        layout::store_turns(content.turns, segment.ext);
        on_segment(segment);
      });
  report_warnings(input, context, file);
  if (!fields_given) on_fields(transcript_fields(file));
}

class VttImporter final : public Importer, public StreamingImporter {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    VttText text = decode_input(input, context);
    Transcript& transcript = target_episode(show).transcript;
    reserve_segments(transcript, count_arrows(text.text()));
    Transcript fields;
    read_cues(
        text.text(), input, context, [&](Transcript&& read) { fields = std::move(read); },
        [&](Segment& segment) { transcript.segments.push_back(std::move(segment)); });
    for (auto& [key, value] : fields.ext) transcript.ext[key] = std::move(value);
    if (transcript.language.empty()) transcript.language = std::move(fields.language);
  }

  // The episode goes to the sink with the first cue, when its fields are complete.
  void read_into(const Input& input, ModelSink& sink, Context& context) override {
    VttText text = decode_input(input, context);
    sink.show(Show{});
    read_cues(
        text.text(), input, context,
        [&](Transcript&& fields) {
          Episode episode;
          episode.transcript = std::move(fields);
          sink.episode(episode);
        },
        [&](Segment& segment) { sink.segment(segment); });
    sink.finish();
  }
};

class VttChaptersImporter : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    VttText text;
    ParsedFile file = parse_input(input, context, text);
    Episode& episode = target_episode(show);
    episode.chapters.reserve(episode.chapters.size() + file.cues.size());
    for (const ParsedCue& cue : file.cues) {
      report_backwards(input, context, cue);
      Chapter chapter;
      chapter.start = cue.start;
      chapter.end = cue.end;
      // A chapter title is one line: the cue's lines joined by spaces.
      std::string title = read_cue_content(cue.text).text;
      for (char& c : title)
        if (c == '\n') c = ' ';
      chapter.title = std::move(title);
      episode.chapters.push_back(std::move(chapter));
    }
  }
};

}  // namespace

Episode& target_episode(Show& show) {
  if (show.episodes.empty()) show.episodes.emplace_back();
  return show.episodes.back();
}

Confidence probe_vtt(const Input& input) {
  if (has_signature(input.bytes)) return 95;
  // "WEBVTTX", "WEBVTT" glued to text ...: still ours, so the importer can say what is wrong.
  std::string_view bytes = input.bytes;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes.substr(0, 6) == "WEBVTT" ? 20 : 0;
}

Confidence probe_vtt_chapters(const Input& input) {
  if (!has_signature(input.bytes)) return 0;
  return input.name.find("chapter") != std::string::npos ? 98 : 0;
}

std::unique_ptr<Importer> make_vtt_importer() {
  return std::make_unique<VttImporter>();
}
std::unique_ptr<Importer> make_vtt_chapters_importer() {
  return std::make_unique<VttChaptersImporter>();
}

}  // namespace castkit::vtt
