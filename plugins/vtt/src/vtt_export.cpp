// WebVTT exporters: transcript segments (or laid-out cues) as a WebVTT file, chapters as a
// WebVTT chapters track.
#include <algorithm>
#include <cstring>
#include <numeric>
#include <string>

#include "castkit/html_entities.hpp"
#include "castkit/memory.hpp"
#include "castkit/streaming.hpp"
#include "castkit_common/clock_time.hpp"
#include "castkit_common/cue_order.hpp"
#include "castkit_common/subtitle_layout.hpp"
#include "cue_text.hpp"
#include "plain_cue_text.hpp"
#include "vtt_formats.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace castkit::vtt {
namespace {

// The offset of the first '&', '<' or '>' in `text`, else its size.
std::size_t find_special(std::string_view text) {
  const char* data = text.data();
  const std::size_t n = text.size();
  std::size_t at = 0;
#ifdef __SSE2__
  const __m128i amp = _mm_set1_epi8('&');
  const __m128i lt = _mm_set1_epi8('<');
  const __m128i gt = _mm_set1_epi8('>');
  auto hits = [&](std::size_t from) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + from));
    return static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, amp), _mm_cmpeq_epi8(bytes, lt)),
                     _mm_cmpeq_epi8(bytes, gt))));
  };
  if (n >= 16) {
    for (; at + 16 <= n; at += 16)
      if (const unsigned mask = hits(at)) return at + static_cast<std::size_t>(__builtin_ctz(mask));
    if (at == n) return n;
    // The last bytes in one load that overlaps what was seen.
    const std::size_t last = n - 16;
    const unsigned mask = hits(last) & ~((1u << (at - last)) - 1);
    return mask ? last + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
  }
#endif
  while (at < n && data[at] != '&' && data[at] != '<' && data[at] != '>') ++at;
  return at;
}

void append_escaped(std::string& out, std::string_view text) {
  for (;;) {
    const std::size_t special = find_special(text);
    out.append(text.substr(0, special));
    if (special == text.size()) return;
    const char c = text[special];
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;";
    text.remove_prefix(special + 1);
  }
}

// Model HTML (<i>, <b>, <u>, <br>, entities) as cue text: those three tags kept, others dropped.
void append_html_as_cue_text(std::string& out, std::string_view html) {
  std::size_t i = 0;
  while (i < html.size()) {
    // A run of text without tags or references, escaped at once.
    std::size_t run_end = i;
    while (run_end < html.size() && html[run_end] != '<' && html[run_end] != '&') ++run_end;
    if (run_end > i) {
      append_escaped(out, html.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    char c = html[i];
    if (c == '<') {
      std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, close - i - 1);
      bool end = !tag.empty() && tag.front() == '/';
      if (end) tag.remove_prefix(1);
      std::size_t name_end = tag.find_first_of(" \t\n/");
      std::string name(tag.substr(0, name_end));
      for (char& ch : name) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      if (name == "i" || name == "b" || name == "u")
        out += (end ? "</" : "<") + name + ">";
      else if (name == "br")
        out += '\n';
      i = close + 1;
      continue;
    }
    if (c == '&') {
      std::string decoded;
      std::size_t used = decode_character_reference(html.substr(i), decoded);
      if (used) {
        append_escaped(out, decoded);
        i += used;
        continue;
      }
    }
    append_escaped(out, std::string_view(&html[i], 1));
    ++i;
  }
}

// A voice annotation: one line, no '>' (references are decoded by readers).
void append_voice(std::string& out, std::string_view name) {
  out += "<v ";
  for (char c : name) {
    if (c == '&')
      out += "&amp;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else
      out += c;
  }
  out += '>';
}

// Bytes the cues will take, a little over, so the output grows once.
std::size_t estimated_size(const std::vector<const Segment*>& cues) {
  std::size_t size = 0;
  for (const Segment* cue : cues) size += cue->text.size() + cue->speaker.size() + 48;
  return size + size / 16;
}

const std::string* string_ext(const Extensions& ext, const char* key) {
  auto it = ext.find(key);
  return it != ext.end() && it->second.kind == Value::Kind::string ? &it->second.string : nullptr;
}

// The cue text for a segment, before blank lines are removed.
std::string& cue_payload(const Segment& segment, std::string& out) {
  out.clear();
  if (const std::string* markup = string_ext(segment.ext, "vtt.markup")) {
    // Kept from a WebVTT input, unless the model was changed since.
    CueContent content = read_cue_content(*markup);
    if (content.text == segment.text && content.speaker == segment.speaker) return out = *markup;
  }
  auto turns = segment.ext.find("subtitle.turns");
  if (turns != segment.ext.end() && turns->second.kind == Value::Kind::array) {
    for (const Value& turn : turns->second.items) {
      const Value* speaker = turn.find("speaker");
      const Value* text = turn.find("text");
      if (!text || text->kind != Value::Kind::string) continue;
      if (!out.empty()) out += '\n';
      const bool voiced =
          speaker && speaker->kind == Value::Kind::string && !speaker->string.empty();
      if (voiced) append_voice(out, speaker->string);
      append_escaped(out, text->string);
      if (voiced) out += "</v>";  // so the next turn is not inside this voice
    }
    if (!out.empty()) return out;
  }
  if (!segment.speaker.empty()) append_voice(out, segment.speaker);
  if (!segment.html.empty())
    append_html_as_cue_text(out, segment.html);
  else
    append_escaped(out, segment.text);
  return out;
}

// True when `line` holds more than spaces, tabs and form feeds (a blank line would end the cue).
bool has_visible(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\f') return true;
  return false;
}

// Appends `payload` without blank lines (a blank line would end the cue) and without "-->".
void append_payload(std::string& out, std::string_view payload) {
  std::size_t at = 0;
  while (at <= payload.size()) {
    std::size_t end = payload.find('\n', at);
    if (end == std::string_view::npos) end = payload.size();
    std::string_view line = payload.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (has_visible(line)) {
      std::size_t arrow;
      while ((arrow = line.find("-->")) != std::string_view::npos) {
        out.append(line.substr(0, arrow));
        out += "--&gt;";
        line.remove_prefix(arrow + 3);
      }
      out.append(line);
      out += '\n';
    }
    at = end + 1;
  }
}

bool usable_block(std::string_view body) {
  return body.find("-->") == std::string_view::npos &&
         body.find("\n\n") == std::string_view::npos && body.find('\r') == std::string_view::npos;
}

// The cues to write: laid out when the transcript needs it, else the segments as they are.
std::vector<Segment> cues_for(const Episode& episode, Context& context,
                              std::vector<const Segment*>& order) {
  std::vector<Segment> laid_out;
  const layout::Options options = layout::options_from(context.project["subtitles"]);
  if (layout::needs_layout(episode.transcript, options)) {
    laid_out = layout::layout_cues(episode, options, context.host);
    for (const Segment& cue : laid_out) order.push_back(&cue);
  } else {
    for (const Segment& segment : episode.transcript.segments) order.push_back(&segment);
  }
  auto by_start = [](const Segment* a, const Segment* b) { return a->start < b->start; };
  if (!std::is_sorted(order.begin(), order.end(), by_start))
    std::stable_sort(order.begin(), order.end(), by_start);
  return laid_out;
}

// A plain cue (no extensions, no markup) as append_payload(cue_payload(...)) writes it, in one
// pass: its voice, its text escaped, blank lines and CRs at line ends left out.
void append_plain_payload(std::string& out, std::string_view speaker, std::string_view text) {
  if (is_plain_cue_text(text)) {
    if (!speaker.empty()) append_voice(out, speaker);
    out.append(text);
    out += '\n';
    return;
  }
  bool first = true;
  for (;;) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool voiced = first && !speaker.empty();
    if (voiced || has_visible(line)) {
      if (voiced) append_voice(out, speaker);
      append_escaped(out, line);
      out += '\n';
    }
    if (end == text.size()) return;
    text.remove_prefix(end + 1);
    first = false;
  }
}

// The cue settings for an SRT position code ("{\an8}": the last one counts): the numeric keypad
// layout, 1-3 bottom (the default line), 4-6 middle, 7-9 top; 1/4/7 left, 2/5/8 centred (the
// default), 3/6/9 right. "" for none.
std::string_view settings_for_position(std::string_view codes) {
  static constexpr std::string_view kSettings[9] = {
      "align:left",        "",
      "align:right",       "line:50%,center align:left",
      "line:50%,center",   "line:50%,center align:right",
      "line:0 align:left", "line:0",
      "line:0 align:right"};
  std::string_view found;
  for (std::size_t at = codes.find("\\an"); at != std::string_view::npos;
       at = codes.find("\\an", at + 3)) {
    if (at + 3 < codes.size() && codes[at + 3] >= '1' && codes[at + 3] <= '9')
      found = kSettings[codes[at + 3] - '1'];
  }
  return found;
}

// The longest cue text VttWriter::cue copies through its own buffer.
constexpr std::size_t kShortText = 256;

// Writes the parts of a WebVTT file. The whole-model exporter and the streaming sink both write
// through it, so they write the same bytes.
class VttWriter {
 public:
  explicit VttWriter(Context& context)
      // formats.vtt.styles / .regions: false leaves those blocks out (ffmpeg 5.1 reads no cues
      // at all from a file with a STYLE block).
      : write_regions_(context.options["regions"].as_bool(true)),
        write_styles_(context.options["styles"].as_bool(true)) {}

  /// "WEBVTT", the header, REGION and STYLE blocks kept from a WebVTT input, the blank line.
  void header(std::string& out, const Transcript& transcript) {
    from_vtt_ = transcript.ext.count("vtt.header") > 0;
    out += "WEBVTT";
    if (const std::string* header = string_ext(transcript.ext, "vtt.header");
        header && usable_block(*header) && header->find("\n\n") == std::string::npos)
      out += *header;
    out += "\n\n";
    for (const char* kind : {"vtt.regions", "vtt.styles"}) {
      const bool regions = kind == std::string_view("vtt.regions");
      if (regions ? !write_regions_ : !write_styles_) continue;
      auto blocks = transcript.ext.find(kind);
      if (blocks == transcript.ext.end()) continue;
      for (const Value& body : blocks->second.items) {
        if (body.kind != Value::Kind::string || !usable_block(body.string)) continue;
        out += regions ? "REGION\n" : "STYLE\n";
        out += body.string;
        out += "\n\n";
      }
    }
  }

  /// One cue from `start` to `end` (already fixed to come after start), then a blank line.
  void cue(std::string& out, const Segment& cue, Millis start, Millis end) {
    if (from_vtt_ && !cue.id.empty() && cue.id.find("-->") == std::string::npos &&
        cue.id.find_first_of("\r\n") == std::string::npos) {
      out += cue.id;
      out += '\n';
    }
    // The timing line, then (in the commonest case) the text and the blank line after it, so
    // that all of it takes one append.
    char bytes[2 * clock::kMaxTimestampChars + 8 + kShortText + 2];
    char* at = clock::write_timestamp(bytes, start, '.');
    std::memcpy(at, " --> ", 5);
    at = clock::write_timestamp(at + 5, end, '.');
    if (cue.ext.empty() && cue.html.empty() && (cue.speaker.empty() || cue.speaker.back() != '-')) {
      // The common case, written directly (a voice ending in "--" would make "-->").
      *at++ = '\n';
      if (cue.speaker.empty() && cue.text.size() <= kShortText &&
          copy_plain_cue_text(cue.text, at)) {
        at += cue.text.size();
        std::memcpy(at, "\n\n", 2);
        out.append(bytes, static_cast<std::size_t>(at + 2 - bytes));
        return;
      }
      out.append(bytes, static_cast<std::size_t>(at - bytes));
      append_plain_payload(out, cue.speaker, cue.text);
      out += '\n';
      return;
    }
    out.append(bytes, static_cast<std::size_t>(at - bytes));
    if (const std::string* settings = string_ext(cue.ext, "vtt.settings")) {
      if (settings->find_first_of("\r\n") == std::string::npos) {
        out += ' ';
        out += *settings;
      }
    } else if (const std::string* position = string_ext(cue.ext, "srt.position")) {
      if (std::string_view mapped = settings_for_position(*position); !mapped.empty()) {
        out += ' ';
        out += mapped;
      }
    }
    out += '\n';
    append_payload(out, cue_payload(cue, scratch_));
    out += '\n';
  }

 private:
  bool write_regions_;
  bool write_styles_;
  bool from_vtt_ = false;
  std::string scratch_;  // one payload buffer for every cue
};

// Room the streaming sink makes in its output at first: an hour-long episode's cues, so the
// buffer is not copied over and over while it grows.
constexpr std::size_t kOutputRoom = 256 * 1024;

// Writes cues as they come. A cue that ends before it starts waits for the next one's start;
// anything the whole-model exporter would reorder or lay out hands over to it.
class VttSink final : public ModelSink {
 public:
  VttSink(std::string output_name, std::string& out, Context& context)
      : output_name_(std::move(output_name)),
        out_(out),
        context_(context),
        cues_("WebVTT", layout::options_from(context.project["subtitles"])),
        writer_(context) {
    out_.reserve(out_.size() + kOutputRoom);
  }

  void show(const Show&) override {}

  void episode(const Episode& episode) override {
    cues_.episode();
    writer_.header(out_, episode.transcript);
    for (const Segment& segment : episode.transcript.segments) this->segment(segment);
  }

  void segment(const Segment& segment) override {
    const Millis start = cues_.next(segment);
    write_pending(start);
    if (*segment.end > start) {
      writer_.cue(out_, segment, start, *segment.end);
    } else {
      pending_ = segment;
      has_pending_ = true;
    }
  }

  void finish() override {
    if (!cues_.started()) writer_.header(out_, Transcript{});
    write_pending(std::nullopt);
    layout::report_fixed_ends(fixed_, output_name_, context_.host);
  }

 private:
  // Writes the cue waiting for the next start, if any.
  void write_pending(std::optional<Millis> next_start) {
    if (!has_pending_) return;
    has_pending_ = false;
    ++fixed_;
    writer_.cue(out_, pending_, *pending_.start, layout::fixed_end(*pending_.start, next_start));
  }

  std::string output_name_;
  std::string& out_;
  Context& context_;
  layout::StreamedCues cues_;
  VttWriter writer_;
  Segment pending_;  // a cue that ends before it starts, until the next start is known
  bool has_pending_ = false;
  std::size_t fixed_ = 0;
};

class VttExporter final : public Exporter, public StreamingExporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    const Episode& episode = source_episode(request);
    std::vector<const Segment*> order;
    order.reserve(episode.transcript.segments.size());
    std::vector<Segment> laid_out = cues_for(episode, context, order);
    VttWriter writer(context);
    out.reserve(out.size() + 64 + estimated_size(order));
    advise_huge_pages(out.data() + out.size(), out.capacity() - out.size());
    writer.header(out, episode.transcript);
    std::size_t fixed = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Segment& cue = *order[i];
      if (!cue.start) continue;  // only untimed segments when layout was not possible
      const Millis start = *cue.start;
      Millis end = cue.end ? *cue.end : start;
      if (end <= start) {
        ++fixed;
        end = layout::fixed_end(start, i + 1 < order.size() ? order[i + 1]->start : std::nullopt);
      }
      writer.cue(out, cue, start, end);
    }
    layout::report_fixed_ends(fixed, request.output_name, context.host);
  }

  std::unique_ptr<ModelSink> open(const std::string& output_name, std::string& out,
                                  Context& context) override {
    return std::make_unique<VttSink>(output_name, out, context);
  }
};

class VttChaptersExporter : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    const Episode& episode = source_episode(request);
    out += "WEBVTT\n\n";
    const auto& chapters = episode.chapters;
    for (std::size_t i = 0; i < chapters.size(); ++i) {
      const Chapter& chapter = chapters[i];
      Millis end = chapter.start;
      if (chapter.end)
        end = *chapter.end;
      else if (i + 1 < chapters.size())
        end = chapters[i + 1].start;
      else if (episode.duration)
        end = *episode.duration;
      if (end <= chapter.start) {
        context.host.report({Severity::warning, request.output_name, 0, 0,
                             "chapter \"" + chapter.title +
                                 "\" has no end and the episode no duration; it lasts 1 s"});
        end = chapter.start + 1000;
      }
      out += std::to_string(i + 1);
      out += '\n';
      clock::append_timestamp(out, chapter.start, '.');
      out += " --> ";
      clock::append_timestamp(out, end, '.');
      out += '\n';
      std::string title = chapter.title;
      for (char& c : title)
        if (c == '\n' || c == '\r') c = ' ';
      std::string payload;
      append_escaped(payload, title);
      append_payload(out, payload);
      out += '\n';
    }
  }
};

}  // namespace

const Episode& source_episode(const ExportRequest& request) {
  if (request.episode) return *request.episode;
  if (request.show.episodes.empty()) {
    static const Episode empty;
    return empty;
  }
  return request.show.episodes.front();
}

std::unique_ptr<Exporter> make_vtt_exporter() {
  return std::make_unique<VttExporter>();
}
std::unique_ptr<Exporter> make_vtt_chapters_exporter() {
  return std::make_unique<VttChaptersExporter>();
}

}  // namespace castkit::vtt
