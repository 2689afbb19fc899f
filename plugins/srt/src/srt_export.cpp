// SRT exporter: sequential indexes, HH:MM:SS,mmm, speaker labels at speaker changes, dash lines
// for two speakers, <i> <b> <u> kept, everything else as plain text.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "castkit/html_entities.hpp"
#include "castkit/memory.hpp"
#include "castkit/streaming.hpp"
#include "castkit_common/clock_time.hpp"
#include "castkit_common/cue_order.hpp"
#include "castkit_common/subtitle_layout.hpp"
#include "srt_formats.hpp"

namespace castkit::srt {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// WebVTT cue text or model HTML as SRT text: <i> <b> <u> kept, other tags dropped (ruby text
// included), <br> as a line break, character references decoded.
std::string markup_to_srt(std::string_view markup) {
  std::string out;
  out.reserve(markup.size());
  int in_ruby_text = 0;
  std::size_t i = 0;
  while (i < markup.size()) {
    char c = markup[i];
    if (c == '<') {
      std::size_t close = markup.find('>', i);
      if (close == std::string_view::npos) close = markup.size();
      std::string_view tag = markup.substr(i + 1, close - i - 1);
      const bool end = !tag.empty() && tag.front() == '/';
      if (end) tag.remove_prefix(1);
      std::size_t name_end = 0;
      while (name_end < tag.size() && is_alpha(tag[name_end])) ++name_end;
      std::string name(tag.substr(0, name_end));
      for (char& ch : name) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      if (name == "i" || name == "b" || name == "u")
        out += (end ? "</" : "<") + name + ">";
      else if (name == "br")
        out += '\n';
      else if (name == "rt")
        in_ruby_text += end ? (in_ruby_text > 0 ? -1 : 0) : 1;
      else if (name == "ruby" && end)
        in_ruby_text = 0;
      i = close + 1;
      continue;
    }
    if (c == '&') {
      std::string decoded;
      std::size_t used = decode_character_reference(markup.substr(i), decoded);
      if (used) {
        if (!in_ruby_text) out += decoded;
        i += used;
        continue;
      }
    }
    if (!in_ruby_text) out += c;
    ++i;
  }
  return out;
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

// True when `srt` (markup_to_srt's output) without its <i> <b> <u> tags is `text`: the markup
// still says what the segment says.
bool same_plain_text(std::string_view srt, std::string_view text) {
  std::size_t t = 0;
  for (std::size_t i = 0; i < srt.size(); ++i) {
    if (srt[i] == '<') {
      std::size_t close = srt.find('>', i);
      std::string_view tag = srt.substr(i, close == std::string_view::npos ? 1 : close - i + 1);
      if (tag == "<i>" || tag == "</i>" || tag == "<b>" || tag == "</b>" || tag == "<u>" ||
          tag == "</u>") {
        i = close;
        continue;
      }
    }
    if (t >= text.size() || text[t] != srt[i]) return false;
    ++t;
  }
  return t == text.size();
}

enum class LabelMode { change, every, off };

// Writes the parts of an SRT file. The whole-model exporter and the streaming sink both write
// through it, so they write the same bytes.
class SrtWriter {
 public:
  explicit SrtWriter(Context& context)
      : crlf_(context.options["crlf"].as_bool(false)),
        bom_(context.options["bom"].as_bool(false)),
        labels_(label_mode(context.options["speaker_labels"])),
        newline_(crlf_ ? "\r\n" : "\n") {}

  /// The layout limits, with room for the speaker labels this writer puts in the text.
  layout::Options layout_options(Context& context) const {
    layout::Options options = layout::options_from(context.project["subtitles"]);
    // The "Name: " label shares the first line with the text, so the layout leaves room for it.
    options.speaker_label_in_text = labels_ != LabelMode::off;
    return options;
  }

  /// The byte order mark when asked for.
  void begin(std::string& out) const {
    if (bom_) out += "\xEF\xBB\xBF";
  }

  /// Sets `text` to the cue text of `segment` (position codes, label, markup mapped); false when
  /// it has no text to show, so the cue is not written.
  bool payload(const Segment& segment, std::string& text) {
    text.clear();
    if (segment.ext.empty() && segment.html.empty()) {
      append_label(segment.speaker, text);
      text += segment.text;
    } else {
      append_marked_up_payload(segment, text);
    }
    return text.find_first_not_of(" \t\r\n") != std::string::npos;
  }

  /// One cue: the next index, the times, the coordinates, the text, a blank line.
  void cue(std::string& out, const Segment& cue, std::string_view text, Millis start, Millis end) {
    append_index(out, ++index_);
    out.append(newline_);
    char timing[2 * clock::kMaxTimestampChars + 8];
    char* at = clock::write_timestamp(timing, start, ',');
    std::memcpy(at, " --> ", 5);
    at = clock::write_timestamp(at + 5, end, ',');
    out.append(timing, static_cast<std::size_t>(at - timing));
    if (const std::string* coordinates = string_ext(cue.ext, "srt.coordinates");
        coordinates && coordinates->find_first_of("\r\n") == std::string::npos) {
      out += "  ";
      out += *coordinates;
    }
    out.append(newline_);
    append_lines(out, text);
    out.append(newline_);
  }

 private:
  static LabelMode label_mode(const ConfigView& option) {
    const std::string labels = option.as_string("change");
    if (labels == "every") return LabelMode::every;
    if (labels == "off") return LabelMode::off;
    if (labels != "change")
      option.fail("formats.srt.speaker_labels must be change, every or off, found \"" + labels +
                  "\"");
    return LabelMode::change;
  }

  static void append_index(std::string& out, std::size_t index) {
    char digits[20];
    char* end = digits + sizeof digits;
    char* at = end;
    do {
      *--at = static_cast<char>('0' + index % 10);
      index /= 10;
    } while (index);
    out.append(at, static_cast<std::size_t>(end - at));
  }

  // The speaker label to put before a cue's text, if any.
  void append_label(const std::string& speaker, std::string& text) {
    if (speaker.empty() || labels_ == LabelMode::off) return;
    if (labels_ == LabelMode::change && speaker == last_speaker_) return;
    last_speaker_ = speaker;
    text += speaker;
    text += ": ";
  }

  void append_marked_up_payload(const Segment& segment, std::string& text) {
    if (const std::string* position = string_ext(segment.ext, "srt.position")) text += *position;
    auto turns = segment.ext.find("subtitle.turns");
    if (turns != segment.ext.end() && turns->second.kind == Value::Kind::array &&
        !turns->second.items.empty()) {
      std::string body;
      for (const Value& turn : turns->second.items) {
        const Value* speaker = turn.find("speaker");
        const Value* turn_text = turn.find("text");
        if (!turn_text || turn_text->kind != Value::Kind::string) continue;
        if (!body.empty()) body += '\n';
        body += "- ";
        if (speaker && speaker->kind == Value::Kind::string) {
          // Inside a two-speaker cue every dash line names its speaker when known.
          if (!speaker->string.empty() && labels_ != LabelMode::off) {
            body += speaker->string + ": ";
            last_speaker_ = speaker->string;
          }
        }
        body += turn_text->string;
      }
      text += body;
      return;
    }
    append_label(segment.speaker, text);
    const std::string* markup = string_ext(segment.ext, "vtt.markup");
    std::string mapped;
    if (markup && same_plain_text(mapped = markup_to_srt(*markup), segment.text))
      text += mapped;
    else if (!segment.html.empty())
      text += markup_to_srt(segment.html);
    else
      text += segment.text;
  }

  // Lines of `text` without blank ones (a blank line ends an SRT cue).
  void append_lines(std::string& out, std::string_view text) const {
    for (;;) {
      const std::size_t end = std::min(text.find('\n'), text.size());
      std::string_view line = text.substr(0, end);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") != std::string_view::npos) {
        out.append(line);
        out.append(newline_);
      }
      if (end == text.size()) return;
      text.remove_prefix(end + 1);
    }
  }

  bool crlf_;
  bool bom_;
  LabelMode labels_;
  std::string_view newline_;
  std::string last_speaker_;
  std::size_t index_ = 0;
};

// The warnings for cues whose end had to be fixed and cues left out for want of text.
void report_counts(std::size_t fixed, std::size_t empty, const std::string& output_name,
                   Host& host) {
  layout::report_fixed_ends(fixed, output_name, host);
  if (empty)
    host.report({Severity::note, output_name, 0, 0,
                 std::to_string(empty) + " cue(s) without text not written"});
}

// Writes cues as they come. A cue that ends before it starts waits for the next one's start;
// anything the whole-model exporter would reorder or lay out hands over to it.
class SrtSink final : public ModelSink {
 public:
  SrtSink(std::string output_name, std::string& out, Context& context)
      : output_name_(std::move(output_name)),
        out_(out),
        context_(context),
        writer_(context),
        cues_("SRT", writer_.layout_options(context)) {}

  void show(const Show&) override {}

  void episode(const Episode& episode) override {
    cues_.episode();
    writer_.begin(out_);
    for (const Segment& segment : episode.transcript.segments) this->segment(segment);
  }

  void segment(const Segment& segment) override {
    const Millis start = cues_.next(segment);
    write_pending(start);
    if (!writer_.payload(segment, text_)) {
      ++empty_;
      return;
    }
    if (*segment.end > start) {
      writer_.cue(out_, segment, text_, start, *segment.end);
    } else {
      pending_ = segment;
      pending_text_.swap(text_);
      has_pending_ = true;
    }
  }

  void finish() override {
    if (!cues_.started()) writer_.begin(out_);
    write_pending(std::nullopt);
    report_counts(fixed_, empty_, output_name_, context_.host);
  }

 private:
  // Writes the cue waiting for the next start, if any.
  void write_pending(std::optional<Millis> next_start) {
    if (!has_pending_) return;
    has_pending_ = false;
    ++fixed_;
    writer_.cue(out_, pending_, pending_text_, *pending_.start,
                layout::fixed_end(*pending_.start, next_start));
  }

  std::string output_name_;
  std::string& out_;
  Context& context_;
  SrtWriter writer_;
  layout::StreamedCues cues_;
  std::string text_;  // the current cue's text, reused
  Segment pending_;   // a cue that ends before it starts, until the next start is known
  std::string pending_text_;
  bool has_pending_ = false;
  std::size_t fixed_ = 0;
  std::size_t empty_ = 0;
};

class SrtExporter final : public Exporter, public StreamingExporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    const Episode* chosen = request.episode;
    if (!chosen && !request.show.episodes.empty()) chosen = &request.show.episodes.front();
    static const Episode kNoEpisode;
    const Episode& episode = chosen ? *chosen : kNoEpisode;

    SrtWriter writer(context);
    std::vector<Segment> laid_out;
    std::vector<const Segment*> order;
    const layout::Options options = writer.layout_options(context);
    if (layout::needs_layout(episode.transcript, options)) {
      laid_out = layout::layout_cues(episode, options, context.host);
      for (const Segment& cue : laid_out) order.push_back(&cue);
    } else {
      order.reserve(episode.transcript.segments.size());
      for (const Segment& segment : episode.transcript.segments) order.push_back(&segment);
    }
    auto by_start = [](const Segment* a, const Segment* b) { return a->start < b->start; };
    if (!std::is_sorted(order.begin(), order.end(), by_start))
      std::stable_sort(order.begin(), order.end(), by_start);

    out.reserve(out.size() + 3 + estimated_size(order));
    advise_huge_pages(out.data() + out.size(), out.capacity() - out.size());
    writer.begin(out);
    std::size_t fixed = 0, empty = 0;
    std::string text;  // one payload buffer for every cue
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Segment& cue = *order[i];
      if (!cue.start) continue;
      if (!writer.payload(cue, text)) {
        ++empty;
        continue;
      }
      const Millis start = *cue.start;
      Millis end = cue.end ? *cue.end : start;
      if (end <= start) {
        ++fixed;
        end = layout::fixed_end(start, i + 1 < order.size() ? order[i + 1]->start : std::nullopt);
      }
      writer.cue(out, cue, text, start, end);
    }
    report_counts(fixed, empty, request.output_name, context.host);
  }

  std::unique_ptr<ModelSink> open(const std::string& output_name, std::string& out,
                                  Context& context) override {
    return std::make_unique<SrtSink>(output_name, out, context);
  }
};

}  // namespace

std::unique_ptr<Exporter> make_srt_exporter() {
  return std::make_unique<SrtExporter>();
}

}  // namespace castkit::srt
