// The last resort: headings, audio elements and links, chapter tables and lists, and
// speaker-labelled transcript paragraphs.
#include <algorithm>
#include <cstring>
#include <map>

#include "node_text.hpp"
#include "page_signals.hpp"
#include "page_url.hpp"
#include "time_text.hpp"

namespace castkit::html {
namespace {

/// The parts of a <title> separated by the usual site-name separators.
std::vector<std::string> title_parts(const std::string& title) {
  std::vector<std::string> parts{title};
  for (const char* separator : {" | ", " – ", " — ", " - ", " :: ", " « ", " » ", " · "}) {
    std::vector<std::string> split;
    for (const std::string& part : parts) {
      std::size_t from = 0, at;
      while ((at = part.find(separator, from)) != std::string::npos) {
        split.push_back(collapse_whitespace(part.substr(from, at - from)));
        from = at + std::strlen(separator);
      }
      split.push_back(collapse_whitespace(part.substr(from)));
    }
    parts = std::move(split);
  }
  parts.erase(std::remove_if(parts.begin(), parts.end(),
                             [](const std::string& p) { return p.empty() || p == "|"; }),
              parts.end());
  return parts;
}

void read_title(const PageView& page, EpisodeFill& fill) {
  static const pugi::xpath_query kTitle("/html/head/title | /html/title");
  static const pugi::xpath_query kHeadings(
      "//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
      "[not(ancestor::form or ancestor::nav or ancestor::footer or ancestor::*[@role='dialog'])]");
  const std::string title = node_text(kTitle.evaluate_node(page.document));
  const std::vector<std::string> parts = title_parts(title);
  const pugi::xpath_node_set headings = kHeadings.evaluate_node_set(page.document);
  // A heading that repeats the page title (or its first part) names the episode.
  for (const char* level : {"h1", "h2", "h3", "h4", "h5", "h6"})
    for (const pugi::xpath_node& heading : headings) {
      if (std::strcmp(heading.node().name(), level) != 0) continue;
      const std::string text = node_text(heading.node());
      if (!text.empty() &&
          (text == title || std::find(parts.begin(), parts.end(), text) != parts.end())) {
        fill.text(&Episode::title, "title", text,
                  std::string("heading <") + level + "> matching <title>");
        return;
      }
    }
  if (!parts.empty()) fill.text(&Episode::title, "title", parts.front(), "<title>");
  for (const pugi::xpath_node& heading : headings)
    if (std::strcmp(heading.node().name(), "h1") == 0)
      if (fill.text(&Episode::title, "title", node_text(heading.node()), "first <h1>")) return;
}

bool is_audio_url(std::string_view url) {
  url = url.substr(0, std::min(url.find('?'), url.find('#')));
  for (const char* ext :
       {".mp3", ".m4a", ".mp4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac"})
    if (url.size() > std::strlen(ext) && url.ends_with(ext)) return true;
  return false;
}

void read_audio(const PageView& page, EpisodeFill& fill) {
  static const pugi::xpath_query kAudio("//audio[@src] | //audio/source[@src]");
  for (const pugi::xpath_node& found : kAudio.evaluate_node_set(page.document)) {
    const pugi::xml_node node = found.node();
    std::string type = node.attribute("type").value();
    if (type.empty()) type = node.attribute("data-type").value();
    if (fill.audio(resolve_url(page.url, node.attribute("src").value()), type, "<audio> element"))
      return;
  }
  static const pugi::xpath_query kLinks("//a[@href]");
  for (const pugi::xpath_node& found : kLinks.evaluate_node_set(page.document)) {
    const std::string href = collapse_whitespace(found.node().attribute("href").value());
    if (is_audio_url(href) && fill.audio(resolve_url(page.url, href), {}, "audio file link"))
      return;
  }
}

/// A time in a table cell: a `#t=` link's offset or a clock time as the cell's text.
std::optional<Millis> cell_time(pugi::xml_node cell) {
  if (const pugi::xml_node a = cell.find_node([](pugi::xml_node n) {
        return std::strcmp(n.name(), "a") == 0 && std::strstr(n.attribute("href").value(), "#t=");
      })) {
    if (auto t = parse_clock(node_text(a))) return t;
    const std::string_view href = a.attribute("href").value();
    return parse_offset(href.substr(href.find("#t=") + 3));
  }
  const std::string text = node_text(cell);
  if (text.find(':') == std::string::npos) return std::nullopt;
  return parse_clock(text);
}

/// Chapters with starts non-decreasing and within the duration (when known).
bool plausible(const std::vector<Chapter>& chapters, const std::optional<Millis>& duration) {
  if (chapters.size() < 2) return false;
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    if (i > 0 && chapters[i].start < chapters[i - 1].start) return false;
    if (duration && chapters[i].start > *duration) return false;
  }
  return true;
}

std::vector<Chapter> table_chapters(pugi::xml_node table, const std::string& base) {
  std::vector<Chapter> chapters;
  for (const pugi::xpath_node& row : table.select_nodes(".//tr")) {
    std::vector<pugi::xml_node> cells;
    for (pugi::xml_node cell : row.node().children())
      if (std::strcmp(cell.name(), "td") == 0 || std::strcmp(cell.name(), "th") == 0)
        cells.push_back(cell);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::optional<Millis> start = cell_time(cells[i]);
      if (!start) continue;
      for (std::size_t j = i + 1; j < cells.size(); ++j) {
        std::string title = node_text(cells[j]);
        if (title.empty() || parse_clock(title)) continue;
        Chapter chapter;
        chapter.start = *start;
        chapter.title = std::move(title);
        if (const pugi::xml_node a = cells[j].find_node([](pugi::xml_node n) {
              return std::strcmp(n.name(), "a") == 0 && n.attribute("href").value()[0] != '#';
            }))
          chapter.url = resolve_url(base, a.attribute("href").value());
        chapters.push_back(std::move(chapter));
        break;
      }
      break;
    }
  }
  return chapters;
}

std::vector<Chapter> list_chapters(pugi::xml_node list) {
  std::vector<Chapter> chapters;
  for (pugi::xml_node item : list.children("li")) {
    const std::string text = node_text(item);
    const auto lead = leading_time(text);
    if (!lead || lead->length >= text.size()) continue;
    Chapter chapter;
    chapter.start = lead->time;
    chapter.title = text.substr(lead->length);
    while (!chapter.title.empty() && std::strchr("-–—: ", chapter.title.front()))
      chapter.title.erase(0, 1);
    chapters.push_back(std::move(chapter));
  }
  return chapters;
}

void read_chapters(const PageView& page, EpisodeFill& fill) {
  const std::optional<Millis> duration = fill.episode().duration;
  for (const pugi::xpath_node& table : page.document.select_nodes("//table"))
    if (auto chapters = table_chapters(table.node(), page.url); plausible(chapters, duration)) {
      fill.list(&Episode::chapters, "chapters", std::move(chapters),
                "chapter table (times and titles)");
      return;
    }
  for (const pugi::xpath_node& list : page.document.select_nodes("//ul | //ol"))
    if (auto chapters = list_chapters(list.node()); plausible(chapters, duration)) {
      fill.list(&Episode::chapters, "chapters", std::move(chapters), "\"00:00 Title\" list");
      return;
    }
}

/// A time inside a transcript item: a `#t=` link, a <time>, or a timestamp-classed element.
std::optional<Millis> item_time(pugi::xml_node item, pugi::xml_node& time_node) {
  time_node = item.find_node([](pugi::xml_node n) {
    if (n.type() != pugi::node_element) return false;
    if (std::strcmp(n.name(), "time") == 0) return true;
    if (std::strcmp(n.name(), "a") == 0 && std::strstr(n.attribute("href").value(), "#t="))
      return true;
    return has_class(n, "ts") || has_class(n, "timestamp");
  });
  if (!time_node) return std::nullopt;
  if (auto t = parse_clock(node_text(time_node))) return t;
  const std::string_view href = time_node.attribute("href").value();
  if (const std::size_t at = href.find("#t="); at != std::string_view::npos)
    return parse_offset(href.substr(at + 3));
  return parse_clock(time_node.attribute("datetime").value());
}

/// Items with a speaker element: `<p><span class="speaker">Name</span> <a href="#t=76">01:16</a>
/// <span class="text">…</span></p>` and similar.
std::vector<Segment> speaker_element_transcript(const PageView& page) {
  static const pugi::xpath_query kItems(
      "//*[self::p or self::div or self::li][*[contains(@class, 'speaker') or self::cite]]");
  std::vector<Segment> segments;
  for (const pugi::xpath_node& found : kItems.evaluate_node_set(page.document)) {
    const pugi::xml_node item = found.node();
    pugi::xml_node speaker_node;
    for (pugi::xml_node child : item.children())
      if (child.type() == pugi::node_element &&
          (std::strstr(child.attribute("class").value(), "speaker") ||
           std::strcmp(child.name(), "cite") == 0)) {
        speaker_node = child;
        break;
      }
    Segment segment;
    segment.speaker = node_text(speaker_node);
    while (!segment.speaker.empty() && segment.speaker.back() == ':') segment.speaker.pop_back();
    pugi::xml_node time_node;
    segment.start = item_time(item, time_node);
    pugi::xml_node text_node;
    for (pugi::xml_node child : item.children())
      if (child != speaker_node && child.type() == pugi::node_element &&
          std::strstr(child.attribute("class").value(), "text"))
        text_node = child;
    if (text_node) {
      segment.text = node_text(text_node);
    } else {  // the item's text without the speaker and time elements
      std::string text;
      for (pugi::xml_node child : item.children())
        if (child != speaker_node && child != time_node) text += ' ' + node_text(child);
      segment.text = collapse_whitespace(text);
    }
    if (!segment.speaker.empty() && !segment.text.empty()) segments.push_back(std::move(segment));
  }
  return segments;
}

/// The speaker label opening a paragraph: "Name:" (1 to 4 words, starting upper case, at most
/// 40 bytes), as text or as a <strong>/<b> element.
std::optional<std::size_t> label_length(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return std::nullopt;
  if (colon + 1 < text.size() && text[colon + 1] != ' ') return std::nullopt;  // "05:56"
  const std::string_view label = text.substr(0, colon);
  if (static_cast<unsigned char>(label[0]) < 0x80 && !(label[0] >= 'A' && label[0] <= 'Z'))
    return std::nullopt;
  if (std::count(label.begin(), label.end(), ' ') > 3) return std::nullopt;
  for (char c : label)
    if (std::strchr("[]()<>\"!?", c)) return std::nullopt;
  return colon;
}

/// Paragraphs opening with "Name:", where the same name opens at least two paragraphs (a
/// one-off "Note:" is text); unlabelled paragraphs that follow in the same parent continue the
/// turn.
std::vector<Segment> labelled_paragraph_transcript(const PageView& page) {
  static const pugi::xpath_query kParagraphs(
      "//p[not(ancestor::footer or ancestor::nav or ancestor::aside or ancestor::form)]");
  struct Paragraph {
    pugi::xml_node node;
    std::string text;
    std::string label;
  };
  std::vector<Paragraph> paragraphs;
  std::map<std::string, int> label_count;
  for (const pugi::xpath_node& found : kParagraphs.evaluate_node_set(page.document)) {
    Paragraph p{found.node(), node_text(found.node()), {}};
    if (const auto colon = label_length(p.text)) {
      p.label = p.text.substr(0, *colon);
      ++label_count[p.label];
    }
    paragraphs.push_back(std::move(p));
  }
  std::vector<Segment> segments;
  std::string speaker;
  pugi::xml_node turn_parent;
  std::size_t turns = 0;
  for (Paragraph& p : paragraphs) {
    if (!p.label.empty() && label_count[p.label] >= 2) {
      speaker = p.label;
      p.text = collapse_whitespace(p.text.substr(p.label.size() + 1));
      turn_parent = p.node.parent();
      ++turns;
    } else if (speaker.empty() || p.node.parent() != turn_parent) {
      continue;
    }
    Segment segment;
    segment.speaker = speaker;
    if (const auto lead = leading_time(p.text)) {
      segment.start = lead->time;
      p.text.erase(0, lead->length);
    }
    segment.text = std::move(p.text);
    if (!segment.text.empty()) segments.push_back(std::move(segment));
  }
  if (turns < 3) return {};
  return segments;
}

/// Drops times that go backwards (a stray timestamp is not an anchor).
void keep_non_decreasing(std::vector<Segment>& segments) {
  std::optional<Millis> last;
  for (Segment& segment : segments) {
    if (!segment.start) continue;
    if (last && *segment.start < *last) {
      segment.start.reset();
      continue;
    }
    last = segment.start;
  }
}

void read_transcript(const PageView& page, EpisodeFill& fill) {
  std::vector<Segment> segments = speaker_element_transcript(page);
  std::string signal = "paragraphs with a speaker element";
  if (segments.size() < 3) {
    segments = labelled_paragraph_transcript(page);
    signal = "\"Name:\" paragraphs";
  }
  if (segments.size() < 3) return;
  keep_non_decreasing(segments);
  fill.transcript(std::move(segments), signal);
}

}  // namespace

void read_heuristics(const PageView& page, EpisodeFill& fill) {
  read_title(page, fill);
  read_audio(page, fill);
  read_chapters(page, fill);
  read_transcript(page, fill);
}

}  // namespace castkit::html
