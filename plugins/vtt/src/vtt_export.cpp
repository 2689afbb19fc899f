// WebVTT exporters: transcript segments (or laid-out cues) as a WebVTT file, chapters as a
// WebVTT chapters track.
#include <algorithm>
#include <numeric>
#include <string>

#include "castkit/html_entities.hpp"
#include "castkit/memory.hpp"
#include "castkit_common/clock_time.hpp"
#include "castkit_common/subtitle_layout.hpp"
#include "cue_text.hpp"
#include "vtt_formats.hpp"

namespace castkit::vtt {
namespace {

void append_escaped(std::string& out, std::string_view text) {
  bool special = false;
  for (char c : text) special |= (c == '&') | (c == '<') | (c == '>');  // vectorised check
  if (!special) {
    out.append(text);
    return;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '&' && c != '<' && c != '>') continue;
    out.append(text.substr(start, i - start));
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;";
    start = i + 1;
  }
  out.append(text.substr(start));
}

// Model HTML (<i>, <b>, <u>, <br>, entities) as cue text: those three tags kept, others dropped.
void append_html_as_cue_text(std::string& out, std::string_view html) {
  std::size_t i = 0;
  while (i < html.size()) {
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

// Appends `payload` without blank lines (a blank line would end the cue) and without "-->".
void append_payload(std::string& out, std::string_view payload) {
  std::size_t at = 0;
  while (at <= payload.size()) {
    std::size_t end = payload.find('\n', at);
    if (end == std::string_view::npos) end = payload.size();
    std::string_view line = payload.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t\f") != std::string_view::npos) {
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

class VttExporter : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    const Episode& episode = source_episode(request);
    const Transcript& transcript = episode.transcript;
    std::vector<const Segment*> order;
    order.reserve(transcript.segments.size());
    std::vector<Segment> laid_out = cues_for(episode, context, order);
    const bool from_vtt = transcript.ext.count("vtt.header") > 0;

    out.reserve(out.size() + 64 + estimated_size(order));
    advise_huge_pages(out.data() + out.size(), out.capacity() - out.size());
    out += "WEBVTT";
    if (const std::string* header = string_ext(transcript.ext, "vtt.header");
        header && usable_block(*header) && header->find("\n\n") == std::string::npos)
      out += *header;
    out += "\n\n";
    // formats.vtt.styles / .regions: false leaves those blocks out (ffmpeg 5.1 reads no cues
    // at all from a file with a STYLE block).
    const bool write_regions = context.options["regions"].as_bool(true);
    const bool write_styles = context.options["styles"].as_bool(true);
    for (const char* kind : {"vtt.regions", "vtt.styles"}) {
      const bool regions = kind == std::string_view("vtt.regions");
      if (regions ? !write_regions : !write_styles) continue;
      auto blocks = transcript.ext.find(kind);
      if (blocks == transcript.ext.end()) continue;
      for (const Value& body : blocks->second.items) {
        if (body.kind != Value::Kind::string || !usable_block(body.string)) continue;
        out += regions ? "REGION\n" : "STYLE\n";
        out += body.string;
        out += "\n\n";
      }
    }
    std::size_t fixed = 0;
    std::string scratch;  // one payload buffer for every cue
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Segment& cue = *order[i];
      if (!cue.start) continue;  // only untimed segments when layout was not possible
      Millis start = *cue.start;
      Millis end = cue.end ? *cue.end : start;
      if (end <= start) {
        // WebVTT wants end after start: end at the next cue, else two seconds later.
        ++fixed;
        Millis next = i + 1 < order.size() && order[i + 1]->start ? *order[i + 1]->start : start;
        end = next > start ? std::min(next, start + 2000) : start + 2000;
      }
      if (from_vtt && !cue.id.empty() && cue.id.find("-->") == std::string::npos &&
          cue.id.find_first_of("\r\n") == std::string::npos) {
        out += cue.id;
        out += '\n';
      }
      clock::append_timestamp(out, start, '.');
      out += " --> ";
      clock::append_timestamp(out, end, '.');
      if (const std::string* settings = string_ext(cue.ext, "vtt.settings");
          settings && settings->find_first_of("\r\n") == std::string::npos) {
        out += ' ';
        out += *settings;
      }
      out += '\n';
      append_payload(out, cue_payload(cue, scratch));
      out += '\n';
    }
    if (fixed)
      context.host.report({Severity::warning, request.output_name, 0, 0,
                           std::to_string(fixed) +
                               " cue(s) ended before (or when) they started; their end was set to "
                               "the next cue's start (at most 2 s later)"});
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
