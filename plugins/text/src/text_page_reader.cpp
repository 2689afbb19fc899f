// Section by section: opening paragraphs, Featuring, Sponsors, Notes & Links, Chapters,
// Transcript.
#include "text_page_reader.hpp"

#include <charconv>

#include "castkit/html_entities.hpp"
#include "castkit_common/clock_time.hpp"
#include "page_items.hpp"
#include "page_sections.hpp"

namespace castkit::text_page {
namespace {

bool is_boilerplate(std::string_view line, const ReadOptions& options) {
  std::string_view words = from_first_alnum(line);
  for (const std::string& prefix : options.boilerplate)
    if (!prefix.empty() && starts_with_nocase(words, prefix)) return true;
  return false;
}

// "Changelog Interviews – Episode #584": the show's name and the episode number.
bool read_episode_line(std::string_view line, PageResult& result) {
  for (std::string_view marker : {" – Episode #", " — Episode #", " - Episode #"}) {
    std::size_t at = line.find(marker);
    if (at == std::string_view::npos) continue;
    std::string_view number = trim(line.substr(at + marker.size()));
    double value = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || end != number.data() + number.size()) return false;
    result.show_title = std::string(trim(line.substr(0, at)));
    result.episode.number = value;
    return true;
  }
  return false;
}

// Appends a paragraph to the summary (plain text) and the description (HTML).
void add_summary_paragraph(std::string_view paragraph, Episode& episode) {
  if (!episode.summary.empty()) episode.summary += "\n\n", episode.description += "\n";
  episode.summary += paragraph;
  episode.description += "<p>";
  append_html_escaped(episode.description, paragraph);
  episode.description += "</p>";
}

// The lines before the first heading: an optional header (show and episode number, title, a
// "with ..." byline), then the summary paragraphs.
void read_opening(const std::vector<Line>& lines, const ReadOptions& options, PageResult& result) {
  std::size_t first = 0;
  if (!lines.empty() && read_episode_line(lines[0].text, result)) {
    first = 1;
    if (first < lines.size()) result.episode.title = std::string(lines[first++].text);
    if (first < lines.size() && lines[first].text.starts_with("with ")) ++first;
  }
  for (std::size_t i = first; i < lines.size(); ++i)
    if (!is_boilerplate(lines[i].text, options))
      add_summary_paragraph(lines[i].text, result.episode);
}

void read_chapters(const Section& section, const std::string& input_name, PageResult& result) {
  std::vector<Chapter>& chapters = result.episode.chapters;
  for (std::size_t i = 0; i < section.lines.size(); ++i) {
    const Line& line = section.lines[i];
    std::optional<Chapter> chapter = parse_chapter_row(line.text);
    if (!chapter) {
      if (i > 0)  // the first row may be the table's header
        result.notices.push_back({Severity::warning, input_name, line.number, 1,
                                  "not a chapter row (expected number, start, title, duration); "
                                  "skipped"});
      continue;
    }
    if (!chapters.empty() && chapter->start < chapters.back().start)
      result.notices.push_back({Severity::warning, input_name, line.number, 1,
                                "chapter starts before the previous one; kept in page order"});
    chapters.push_back(std::move(*chapter));
  }
}

void read_transcript(const Section& section, const ReadOptions& options,
                     const std::string& input_name, PageResult& result) {
  const std::vector<Line>& lines = section.lines;
  std::size_t first = 0, last = lines.size();
  // The site's lead-in ("Play the audio ...") may follow a logo line or two.
  for (std::size_t i = 0; i < lines.size() && i < 3; ++i)
    if (is_boilerplate(lines[i].text, options)) first = i + 1;
  if (last > first && is_boilerplate(lines[last - 1].text, options)) --last;
  std::vector<Segment>& segments = result.episode.transcript.segments;
  for (std::size_t i = first; i < last; ++i) {
    std::string_view text = lines[i].text;
    Segment segment;
    if (auto anchor = clock::leading_anchor(text)) {
      segment.start = anchor->time;
      text.remove_prefix(anchor->length);
    }
    segment.text = std::string(text);
    segments.push_back(std::move(segment));
  }
  if (!segments.empty())
    result.speakers_hint =
        Diagnostic{Severity::note, input_name, section.heading.number, 1,
                   "this page rendering has no speaker names in its transcript; give the episode's "
                   "Markdown transcript as a second input to add them (castkit convert page.txt "
                   "transcript.md ...)"};
}

}  // namespace

PageResult read_page(std::string_view text, const ReadOptions& options,
                     const std::string& input_name) {
  std::vector<Line> lines = split_lines(text, options.max_line_bytes, input_name);
  PageSections page = split_sections(lines);
  if (page.sections.empty())
    fail_input(input_name, 1, 1,
               "no episode page sections found; expected heading lines such as Featuring, "
               "Sponsors, Notes & Links, Chapters, Transcript");
  PageResult result;
  read_opening(page.opening, options, result);
  for (const Section& section : page.sections) {
    switch (section.kind) {
      case SectionKind::featuring:
        // Some renderings put a "Featuring" heading (the avatars) above the summary: a line
        // that is not a name is a summary paragraph.
        for (const Line& line : section.lines) {
          if (is_boilerplate(line.text, options)) continue;
          if (auto person = parse_person(line.text))
            result.episode.persons.push_back(*person);
          else
            add_summary_paragraph(line.text, result.episode);
        }
        break;
      case SectionKind::sponsors:
        for (const Line& line : section.lines)
          if (!is_boilerplate(line.text, options))
            result.episode.sponsors.push_back(parse_sponsor(line.text));
        break;
      case SectionKind::notes: {
        std::vector<Line> kept;
        for (const Line& line : section.lines)
          if (!is_boilerplate(line.text, options)) kept.push_back(line);
        for (NoteLink& note : parse_notes(kept)) result.episode.notes.push_back(std::move(note));
        break;
      }
      case SectionKind::chapters:
        read_chapters(section, input_name, result);
        break;
      case SectionKind::transcript:
        read_transcript(section, options, input_name, result);
        break;
    }
  }
  return result;
}

}  // namespace castkit::text_page
