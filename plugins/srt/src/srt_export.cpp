// SRT exporter: sequential indexes, HH:MM:SS,mmm, speaker labels at speaker changes, dash lines
// for two speakers, <i> <b> <u> kept, everything else as plain text.
#include <algorithm>
#include <string>

#include "castkit/html_entities.hpp"
#include "castkit/memory.hpp"
#include "castkit_common/clock_time.hpp"
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

struct Writer {
  std::string& out;
  LabelMode labels;
  std::string last_speaker;

  // The speaker label to put before a cue's text, if any.
  std::string label_for(const std::string& speaker) {
    if (speaker.empty() || labels == LabelMode::off) return {};
    if (labels == LabelMode::change && speaker == last_speaker) return {};
    last_speaker = speaker;
    return speaker + ": ";
  }

  std::string payload(const Segment& segment) {
    std::string text;
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
          if (!speaker->string.empty() && labels != LabelMode::off) {
            body += speaker->string + ": ";
            last_speaker = speaker->string;
          }
        }
        body += turn_text->string;
      }
      return text + body;
    }
    text += label_for(segment.speaker);
    const std::string* markup = string_ext(segment.ext, "vtt.markup");
    std::string mapped;
    if (markup && same_plain_text(mapped = markup_to_srt(*markup), segment.text))
      text += mapped;
    else if (!segment.html.empty())
      text += markup_to_srt(segment.html);
    else
      text += segment.text;
    return text;
  }

  // Lines of `payload` without blank ones (a blank line ends an SRT cue).
  void append_lines(std::string_view payload, std::string_view newline) {
    std::size_t at = 0;
    while (at <= payload.size()) {
      std::size_t end = payload.find('\n', at);
      if (end == std::string_view::npos) end = payload.size();
      std::string_view line = payload.substr(at, end - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") != std::string_view::npos) {
        out.append(line);
        out.append(newline);
      }
      at = end + 1;
    }
  }
};

class SrtExporter : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    const Episode* chosen = request.episode;
    if (!chosen && !request.show.episodes.empty()) chosen = &request.show.episodes.front();
    static const Episode kNoEpisode;
    const Episode& episode = chosen ? *chosen : kNoEpisode;

    const bool crlf = context.options["crlf"].as_bool(false);
    const bool bom = context.options["bom"].as_bool(false);
    const std::string labels = context.options["speaker_labels"].as_string("change");
    LabelMode mode = LabelMode::change;
    if (labels == "every")
      mode = LabelMode::every;
    else if (labels == "off")
      mode = LabelMode::off;
    else if (labels != "change")
      context.options["speaker_labels"].fail(
          "formats.srt.speaker_labels must be change, every or off, found \"" + labels + "\"");
    const std::string_view newline = crlf ? "\r\n" : "\n";

    std::vector<Segment> laid_out;
    std::vector<const Segment*> order;
    layout::Options options = layout::options_from(context.project["subtitles"]);
    // The "Name: " label shares the first line with the text, so the layout leaves room for it.
    options.speaker_label_in_text = mode != LabelMode::off;
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
    if (bom) out += "\xEF\xBB\xBF";
    Writer writer{out, mode, {}};
    std::size_t index = 0, fixed = 0, empty = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Segment& cue = *order[i];
      if (!cue.start) continue;
      std::string payload = writer.payload(cue);
      if (payload.find_first_not_of(" \t\r\n") == std::string::npos) {
        ++empty;
        continue;
      }
      Millis start = *cue.start;
      Millis end = cue.end ? *cue.end : start;
      if (end <= start) {
        ++fixed;
        Millis next = i + 1 < order.size() && order[i + 1]->start ? *order[i + 1]->start : start;
        end = next > start ? std::min(next, start + 2000) : start + 2000;
      }
      out += std::to_string(++index);
      out.append(newline);
      clock::append_timestamp(out, start, ',');
      out += " --> ";
      clock::append_timestamp(out, end, ',');
      if (const std::string* coordinates = string_ext(cue.ext, "srt.coordinates");
          coordinates && coordinates->find_first_of("\r\n") == std::string::npos) {
        out += "  ";
        out += *coordinates;
      }
      out.append(newline);
      writer.append_lines(payload, newline);
      out.append(newline);
    }
    if (fixed)
      context.host.report({Severity::warning, request.output_name, 0, 0,
                           std::to_string(fixed) +
                               " cue(s) ended before (or when) they started; their end was set to "
                               "the next cue's start (at most 2 s later)"});
    if (empty)
      context.host.report({Severity::note, request.output_name, 0, 0,
                           std::to_string(empty) + " cue(s) without text not written"});
  }
};

}  // namespace

std::unique_ptr<Exporter> make_srt_exporter() {
  return std::make_unique<SrtExporter>();
}

}  // namespace castkit::srt
