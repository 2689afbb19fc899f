// SRT importer: bytes -> UTF-8 -> cues -> transcript segments.
#include <algorithm>
#include <functional>
#include <string>

#include "castkit/memory.hpp"
#include "castkit/streaming.hpp"
#include "castkit/text.hpp"
#include "castkit_common/speaker_turns.hpp"
#include "srt_formats.hpp"
#include "srt_parser.hpp"
#include "srt_text.hpp"
#include "utf8_check.hpp"

namespace castkit::srt {
namespace {

constexpr std::int64_t kDefaultMaxLineBytes = 16 * 1024 * 1024;

// Refuses inputs that are clearly not text before decoding: UTF-16 without a BOM, binary data.
void check_text_bytes(const Input& input) {
  std::string_view head = input.bytes.substr(0, 4096);
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return;
  std::size_t even_nuls = 0, odd_nuls = 0, first_nul = std::string_view::npos;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] != '\0') continue;
    (i % 2 ? odd_nuls : even_nuls)++;
    if (first_nul == std::string_view::npos) first_nul = i;
  }
  if (first_nul == std::string_view::npos) return;
  const std::size_t half = head.size() / 2;
  if (odd_nuls * 4 > half && even_nuls * 8 < half)
    fail_input(input.name, 0, 0,
               "this looks like UTF-16LE without a byte order mark; convert it or pass "
               "--input-encoding UTF-16LE");
  if (even_nuls * 4 > half && odd_nuls * 8 < half)
    fail_input(input.name, 0, 0,
               "this looks like UTF-16BE without a byte order mark; convert it or pass "
               "--input-encoding UTF-16BE");
  fail_input(input.name, 0, 0,
             "binary data (a NUL byte at offset " + std::to_string(first_nul) +
                 "), not an SRT subtitle file");
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
  for (std::size_t at = text.find("->"); at != std::string_view::npos; at = text.find("->", at + 2))
    ++count;
  return count;
}

SpeakerRule speaker_rule(const Context& context) {
  SpeakerRule rule;
  ConfigView pattern = context.options["speaker_pattern"];
  if (pattern.exists()) {
    try {
      rule.pattern =
          std::make_shared<const std::regex>(pattern.as_string(), std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      pattern.fail(std::string("formats.srt.speaker_pattern is not a valid regular expression: ") +
                   e.what());
    }
    return rule;
  }
  ConfigView mode = context.options["speakers"];
  const std::string value = mode.as_string("upper");
  if (value == "upper")
    rule.mode = SpeakerRule::Mode::upper;
  else if (value == "capitalized")
    rule.mode = SpeakerRule::Mode::capitalized;
  else if (value == "off")
    rule.mode = SpeakerRule::Mode::off;
  else
    mode.fail("formats.srt.speakers must be upper, capitalized or off, found \"" + value + "\"");
  return rule;
}

// How much input the streaming reader checks (and lets the host release) at a time.
constexpr std::size_t kStreamChunk = 1 << 20;

// Reads the cues of UTF-8 `text` as segments, handing each to `on_segment` (one Segment object,
// reused for every cue; the callee may move from it), then reports what was skipped and fails
// when there is no cue.
void read_segments(std::string_view text, const std::string& name, Context& context,
                   const std::function<void(Segment&)>& on_segment, const ReadGate* gate) {
  const std::int64_t max_line =
      context.project["limits"]["max_line_bytes"].as_int(kDefaultMaxLineBytes);
  const SpeakerRule rule = speaker_rule(context);
  std::size_t cues = 0;
  Segment segment;  // reused, and with it the buffers of its strings
  SrtContent content{segment.text, segment.html, segment.speaker, {}, {}};
  ReadReport report = read_srt(
      text, name, static_cast<std::size_t>(max_line > 0 ? max_line : 1),
      [&](const RawCue& cue) {
        ++cues;
        if (cue.end < cue.start)
          context.host.report({Severity::warning, name, cue.line, 0,
                               "cue ends before it starts; kept as read (exporters fix it)"});
        segment.start = cue.start;
        segment.end = cue.end;
        segment.id.clear();
        segment.id.append(cue.id);  // cheaper than assign()
        read_srt_text(cue.text, rule, content);
        if (!segment.ext.empty()) segment.ext.clear();
        if (!content.position.empty()) segment.ext["srt.position"] = Value(content.position);
        if (!cue.coordinates.empty())
          segment.ext["srt.coordinates"] = Value(std::string(cue.coordinates));
        if (!content.turns.empty()) layout::store_turns(content.turns, segment.ext);
        on_segment(segment);
      },
      gate);
  for (const ReadWarning& warning : report.warnings)
    context.host.report({Severity::warning, name, warning.line, 0, warning.message});
  if (cues == 0) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
      fail_input(name, 1, 1, "empty file: no SRT cues");
    if (report.empty_cues == 0)
      fail_input(name, 1, 1,
                 "no SRT cues found: expected a timing line such as "
                 "\"00:00:01,000 --> 00:00:02,500\"");
  }
  if (report.empty_cues)
    context.host.report({Severity::note, name, 0, 0,
                         std::to_string(report.empty_cues) + " cue(s) without text skipped"});
}

// True when `input` is read as UTF-8 as it is (no UTF-16 BOM, no other encoding named).
bool plain_utf8(const Input& input) {
  std::string_view head = input.bytes.substr(0, 2);
  if (head == "\xFF\xFE" || head == "\xFE\xFF") return false;
  std::string upper;
  for (char c : input.encoding) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return upper.empty() || upper == "UTF-8" || upper == "UTF8";
}

class SrtImporter final : public Importer, public StreamingImporter {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    check_text_bytes(input);
    DecodedText decoded = decode_to_utf8(input.bytes, input.encoding, input.name);
    std::string_view text = decoded.text();
    if (show.episodes.empty()) show.episodes.emplace_back();
    Transcript& transcript = show.episodes.back().transcript;
    reserve_segments(transcript, count_arrows(text));
    read_segments(
        text, input.name, context,
        [&](Segment& segment) { transcript.segments.push_back(std::move(segment)); }, nullptr);
  }

  // Valid UTF-8 is checked a chunk ahead of the reader and released behind it, so the input is
  // never held whole; any other encoding is decoded first. What reaches the sink equals what
  // read() builds into an empty show; invalid UTF-8 hands over to read() for its message.
  void read_into(const Input& input, ModelSink& sink, Context& context) override {
    check_text_bytes(input);
    sink.show(Show{});
    sink.episode(Episode{});
    auto to_sink = [&](Segment& segment) { sink.segment(segment); };
    if (!plain_utf8(input)) {
      DecodedText decoded = decode_to_utf8(input.bytes, input.encoding, input.name);
      context.host.input_consumed(input, input.bytes.size());
      read_segments(decoded.text(), input.name, context, to_sink, nullptr);
      sink.finish();
      return;
    }
    std::string_view text = input.bytes;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto skipped = static_cast<std::size_t>(text.data() - input.bytes.data());
    std::size_t checked = 0;  // text before this offset is valid UTF-8
    auto check_up_to = [&](std::size_t needed) {
      std::size_t end = std::min(std::max(needed, checked + kStreamChunk), text.size());
      // Never between the bytes of one character.
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      if (!is_valid_utf8(text.substr(checked, end - checked)))
        throw NeedsWholeModel("invalid UTF-8 in " + input.name);
      checked = end;
    };
    const ReadGate gate = [&](std::size_t held, std::size_t needed) {
      check_up_to(needed);
      context.host.input_consumed(input, skipped + held);
      return checked;
    };
    try {
      read_segments(text, input.name, context, to_sink, &gate);
    } catch (const Error&) {
      // read() checks the whole input before it reads a cue: its UTF-8 error comes first.
      check_up_to(text.size());
      throw;
    }
    sink.finish();
  }
};

}  // namespace

Confidence probe_srt(const Input& input) {
  std::string_view head = input.bytes.substr(0, 4096);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 6) == "WEBVTT") return 0;
  std::size_t at = 0;
  int lines = 0;
  while (at < head.size() && lines < 40) {
    std::size_t end = head.find_first_of("\r\n", at);
    if (end == std::string_view::npos) end = head.size();
    Timing timing;
    if (read_timing_line(head.substr(at, end - at), timing) == TimingResult::ok)
      return lines <= 3 ? 90 : 60;
    ++lines;
    at = end + 1;
  }
  return 0;
}

std::unique_ptr<Importer> make_srt_importer() {
  return std::make_unique<SrtImporter>();
}

}  // namespace castkit::srt
