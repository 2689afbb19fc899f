// Lays a transcript out into subtitle cues: text into cues (cue_text), cues onto time (cue_timing).
#include "castkit_common/subtitle_layout.hpp"

#include <algorithm>
#include <string>

#include "cue_text.hpp"
#include "cue_timing.hpp"
#include "text_units.hpp"

namespace castkit::layout {
namespace {

// The range each limit must lie in (anything outside is a mistake, and keeps the arithmetic far
// from overflow).
struct Range {
  const char* key;
  double lowest;
  double highest;
};
constexpr Range line_chars_range{"max_line_chars", 1, 1000};
constexpr Range lines_range{"max_lines", 1, 100};
constexpr Range min_duration_range{"min_duration_ms", 1, 3'600'000};
constexpr Range max_duration_range{"max_duration_ms", 1, 3'600'000};
constexpr Range target_cps_range{"target_cps", 0.1, 1000};
constexpr Range max_cps_range{"max_cps", 0.1, 1000};
constexpr Range min_gap_range{"min_gap_ms", 0, 60'000};

std::string range_problem(const Range& range, double value) {
  if (value >= range.lowest && value <= range.highest) return {};
  auto text = [](double number) {
    std::string out = std::to_string(number);
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
    return out;
  };
  return std::string("subtitles.") + range.key + " must be from " + text(range.lowest) + " to " +
         text(range.highest);
}

// Throws a usage error when a limit cannot be laid out with.
void check(const Options& options) {
  for (const auto& [range, value] :
       {std::pair{line_chars_range, double(options.max_line_chars)},
        std::pair{lines_range, double(options.max_lines)},
        std::pair{min_duration_range, double(options.min_duration)},
        std::pair{max_duration_range, double(options.max_duration)},
        std::pair{target_cps_range, options.target_cps}, std::pair{max_cps_range, options.max_cps},
        std::pair{min_gap_range, double(options.min_gap)}}) {
    if (const auto problem = range_problem(range, value); !problem.empty()) fail_usage(problem);
  }
  if (options.max_duration < options.min_duration)
    fail_usage("subtitles.max_duration_ms must not be less than subtitles.min_duration_ms");
  if (!(options.max_cps >= options.target_cps))
    fail_usage("subtitles.max_cps must not be less than subtitles.target_cps");
}

// The first few words of a paragraph, to name it in warnings.
std::string label_of(std::string_view text) {
  const auto words = detail::split_words(text);
  std::string label;
  for (std::size_t i = 0; i < words.size() && i < 6; ++i) {
    if (i > 0) label += ' ';
    label += words[i];
  }
  if (words.size() > 6) label += " ...";
  return label;
}

// The episode's length when known: its duration, else its last chapter's end.
std::optional<Millis> known_duration(const Episode& episode) {
  if (episode.duration && *episode.duration > 0) return episode.duration;
  std::optional<Millis> last_end;
  for (const auto& chapter : episode.chapters)
    if (chapter.end && (!last_end || *chapter.end > *last_end)) last_end = chapter.end;
  return last_end;
}

}  // namespace

std::vector<OptionSpec> option_specs() {
  return {
      {"max-line-chars", "subtitles.max_line_chars", "characters per subtitle line (42)"},
      {"max-lines", "subtitles.max_lines", "lines per subtitle cue (2)"},
      {"min-duration-ms", "subtitles.min_duration_ms", "shortest cue in milliseconds (833)"},
      {"max-duration-ms", "subtitles.max_duration_ms", "longest cue in milliseconds (7000)"},
      {"target-cps", "subtitles.target_cps", "reading speed aimed at, characters a second (17)"},
      {"max-cps", "subtitles.max_cps", "highest reading speed, characters a second (20)"},
      {"min-gap-ms", "subtitles.min_gap_ms", "gap between cues in milliseconds (80)"},
  };
}

Options options_from(const ConfigView& subtitles) {
  // Each value is checked where it is written, so the error points at its line and column.
  auto read = [&](const Range& range, double fallback, bool integer) {
    const ConfigView value = subtitles[range.key];
    const double number =
        integer ? double(value.as_int(std::int64_t(fallback))) : value.as_double(fallback);
    if (const auto problem = range_problem(range, number); !problem.empty()) value.fail(problem);
    return number;
  };
  Options options;
  options.max_line_chars = int(read(line_chars_range, options.max_line_chars, true));
  options.max_lines = int(read(lines_range, options.max_lines, true));
  options.min_duration = Millis(read(min_duration_range, double(options.min_duration), true));
  options.max_duration = Millis(read(max_duration_range, double(options.max_duration), true));
  options.target_cps = read(target_cps_range, options.target_cps, false);
  options.max_cps = read(max_cps_range, options.max_cps, false);
  options.min_gap = Millis(read(min_gap_range, double(options.min_gap), true));
  try {
    check(options);
  } catch (const Error& error) {
    subtitles.fail(error.diagnostic().message);
  }
  return options;
}

bool segment_needs_layout(const Segment& segment, const Options& options) {
  if (!segment.start || !segment.end) return true;
  const auto capacity = static_cast<std::size_t>(options.max_lines * options.max_line_chars);
  return *segment.end - *segment.start > options.max_duration &&
         detail::count_code_points(segment.text) > capacity;
}

bool needs_layout(const Transcript& transcript, const Options& options) {
  return std::any_of(
      transcript.segments.begin(), transcript.segments.end(),
      [&](const Segment& segment) { return segment_needs_layout(segment, options); });
}

namespace {

// Lays the cues out; `first_cue[p]` is the index of paragraph p's first cue (p + 1's when p
// has no text), with one more entry for the end.
std::vector<Segment> lay_out(const Episode& episode, const Options& options, Host& host,
                             std::vector<std::size_t>& first_cue) {
  check(options);
  std::vector<Segment> cues;
  std::vector<detail::CueMeasure> measures;
  std::vector<detail::Knot> knots;
  std::string speaker;
  for (const Segment& paragraph : episode.transcript.segments) {
    const std::string& own_speaker = paragraph.speaker.empty() ? speaker : paragraph.speaker;
    const bool labelled = options.speaker_label_in_text && !own_speaker.empty() &&
                          (cues.empty() || cues.back().speaker != own_speaker);
    auto texts = detail::split_into_cues(paragraph.text, options,
                                         labelled ? detail::count_code_points(own_speaker) + 1 : 0);
    // A paragraph without text (a "Break:" marker) times what follows but names no speaker.
    if (!texts.empty()) speaker = own_speaker;
    const std::size_t first = cues.size();
    first_cue.push_back(first);
    // Either way the time is the source's: the cue it lands on starts exactly then.
    if (paragraph.start) {
      knots.push_back(
          detail::Knot{first, *paragraph.start, texts.empty() ? 1 : 2, !paragraph.estimated,
                       texts.empty() ? "a paragraph without text" : label_of(paragraph.text)});
    }
    for (auto& text : texts) {
      Segment cue;
      cue.speaker = speaker;
      cue.text = std::move(text.text);
      cues.push_back(std::move(cue));
      measures.push_back(detail::CueMeasure{text.chars, text.syllables, std::nullopt});
    }
    if (texts.size() == 1) {
      cues.back().id = paragraph.id;
      cues.back().ext = paragraph.ext;
    }
    if (paragraph.end && *paragraph.end <= detail::max_knot_time && !texts.empty()) {
      measures.back().end_limit = paragraph.end;
      knots.push_back(detail::Knot{cues.size(), *paragraph.end + options.min_gap, 0, false, {}});
    }
  }
  first_cue.push_back(cues.size());
  const auto times =
      detail::time_cues(measures, std::move(knots), known_duration(episode), options, host);
  for (std::size_t i = 0; i < cues.size(); ++i) {
    cues[i].start = times[i].start;
    cues[i].end = times[i].end;
    cues[i].estimated = !times[i].exact;
  }
  return cues;
}

}  // namespace

std::vector<Segment> layout_cues(const Episode& episode, const Options& options, Host& host) {
  std::vector<std::size_t> first_cue;
  return lay_out(episode, options, host, first_cue);
}

std::vector<Segment> time_paragraphs(const Episode& episode, const Options& options, Host& host) {
  std::vector<std::size_t> first_cue;
  const auto cues = lay_out(episode, options, host, first_cue);
  std::vector<Segment> paragraphs;
  const auto& source = episode.transcript.segments;
  for (std::size_t p = 0; p < source.size(); ++p) {
    if (first_cue[p] == first_cue[p + 1]) continue;
    const Segment& first = cues[first_cue[p]];
    Segment paragraph = source[p];
    paragraph.speaker = first.speaker;
    paragraph.start = first.start;
    paragraph.end = cues[first_cue[p + 1] - 1].end;
    paragraph.estimated = first.estimated;
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

}  // namespace castkit::layout
