#include "profile_extract.hpp"

#include <charconv>
#include <cstring>

#include "node_text.hpp"
#include "page_url.hpp"
#include "time_text.hpp"

namespace castkit::html {
namespace {

/// Evaluates rules against one context node and converts their results.
class RuleReader {
 public:
  RuleReader(const std::string& page_url) : page_url_(page_url) {}

  /// The rule's value as text (inner HTML for type html), post-processed; empty when the XPath
  /// finds nothing.
  std::string text(const FieldRule& rule, pugi::xml_node context) const {
    std::string value;
    if (rule.xpath->return_type() == pugi::xpath_type_node_set) {
      const pugi::xpath_node found = rule.xpath->evaluate_node(context);
      if (!found) return {};
      value = rule.type == ValueType::html && found.node() ? inner_html(found.node())
                                                           : node_text(found);
    } else {
      value = collapse_whitespace(rule.xpath->evaluate_string(context));
    }
    if (!rule.after.empty()) {
      const std::size_t at = value.find(rule.after);
      value = at == std::string::npos ? std::string() : value.substr(at + rule.after.size());
    }
    if (!rule.before.empty()) value = value.substr(0, value.find(rule.before));
    const std::string strip = " \t\n\r" + rule.trim;
    const std::size_t first = value.find_first_not_of(strip);
    if (first == std::string::npos) return {};
    value = value.substr(first, value.find_last_not_of(strip) - first + 1);
    if (rule.type == ValueType::url) value = resolve_url(page_url_, value);
    return value;
  }

  /// The rule's value as a time or date in milliseconds, per its type.
  std::optional<std::int64_t> time(const FieldRule& rule, pugi::xml_node context) const {
    const std::string value = text(rule, context);
    switch (rule.type) {
      case ValueType::offset:
        return parse_offset(value);
      case ValueType::clock:
        return parse_clock(value);
      case ValueType::minutes:
        return parse_minutes(value);
      case ValueType::duration:
        return parse_iso_duration(value);
      case ValueType::datetime:
        return parse_iso_datetime(value);
      default:
        return parse_offset(value);
    }
  }

  /// The rule's value as a number.
  std::optional<double> number(const FieldRule& rule, pugi::xml_node context) const {
    const std::string value = text(rule, context);
    double number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return number;
  }

 private:
  const std::string& page_url_;
};

/// The items a list rule selects, without the skipped ones at either end.
std::vector<pugi::xml_node> items(const ListRule& rule, const pugi::xml_document& page) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xpath_node& found : rule.each->evaluate_node_set(page))
    if (found.node()) out.push_back(found.node());
  const std::size_t skip = static_cast<std::size_t>(rule.skip_first + rule.skip_last);
  if (out.size() <= skip) return {};
  return {out.begin() + rule.skip_first, out.end() - rule.skip_last};
}

const FieldRule* field(const ListRule& rule, const char* name) {
  auto it = rule.fields.find(name);
  return it == rule.fields.end() ? nullptr : &it->second;
}

/// Whether `anchor` comes first in `paragraph`: only whitespace and opening brackets before it.
bool at_paragraph_start(pugi::xml_node paragraph, pugi::xml_node anchor) {
  for (pugi::xml_node node = paragraph.first_child(); node;) {
    if (node == anchor) return true;
    if (node.type() == pugi::node_pcdata) {
      for (const char* c = node.value(); *c; ++c)
        if (!std::strchr(" \t\r\n[(", *c)) return false;
    }
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != paragraph && !node.next_sibling()) node = node.parent();
    if (node == paragraph) break;
    node = node.next_sibling();
  }
  return false;
}

std::vector<Segment> read_transcript(const ListRule& rule, const pugi::xml_document& page,
                                     const RuleReader& read) {
  std::vector<Segment> segments;
  const FieldRule* speaker_rule = field(rule, "speaker");
  const FieldRule* paragraphs_rule = field(rule, "paragraphs");
  const FieldRule* anchor_rule = field(rule, "anchor");
  for (pugi::xml_node turn : items(rule, page)) {
    const std::string speaker = speaker_rule ? read.text(*speaker_rule, turn) : std::string();
    std::vector<pugi::xml_node> paragraphs;
    if (paragraphs_rule)
      for (const pugi::xpath_node& p : paragraphs_rule->xpath->evaluate_node_set(turn))
        paragraphs.push_back(p.node());
    else
      paragraphs.push_back(turn);
    for (pugi::xml_node paragraph : paragraphs) {
      Segment segment;
      segment.speaker = speaker;
      segment.text = node_text(paragraph);
      if (anchor_rule) {
        const pugi::xml_node anchor = anchor_rule->xpath->evaluate_node(paragraph).node();
        if (anchor && at_paragraph_start(paragraph, anchor)) {
          std::optional<Millis> time = parse_clock(node_text(anchor));
          if (!time) {
            const std::string_view href = anchor.attribute("href").value();
            if (const std::size_t t = href.find("#t="); t != std::string_view::npos)
              time = parse_offset(href.substr(t + 3));
          }
          if (time) {
            segment.start = time;
            if (auto lead = leading_time(segment.text)) segment.text.erase(0, lead->length);
          }
        }
      }
      if (segment.text.empty() && !segment.start) continue;
      segments.push_back(std::move(segment));
    }
  }
  return segments;
}

}  // namespace

void extract_with_profile(const SiteProfile& profile, const pugi::xml_document& page,
                          const std::string& page_url, const std::string& why, EpisodeFill& fill) {
  const RuleReader read(page_url);
  const std::string signal_prefix = "site profile " + profile.name + " (" + why + "): ";
  auto signal = [&](const std::string& xpath) { return signal_prefix + xpath; };
  auto rule = [&](const char* name) -> const FieldRule* {
    auto it = profile.fields.find(name);
    return it == profile.fields.end() ? nullptr : &it->second;
  };
  const pugi::xml_node root = page.document_element();

  static constexpr std::pair<const char*, std::string Episode::*> kTextFields[] = {
      {"title", &Episode::title},
      {"subtitle", &Episode::subtitle},
      {"link", &Episode::link},
      {"guid", &Episode::guid},
      {"description", &Episode::description},
      {"summary", &Episode::summary},
      {"image", &Episode::image},
      {"episode_type", &Episode::episode_type}};
  for (const auto& [name, member] : kTextFields)
    if (const FieldRule* r = rule(name))
      fill.text(member, name, read.text(*r, root), signal(r->xpath_text));
  if (const FieldRule* r = rule("show"))
    fill.show_title(read.text(*r, root), signal(r->xpath_text));
  if (const FieldRule* r = rule("published"))
    fill.optional(&Episode::published, "published", read.time(*r, root), signal(r->xpath_text));
  if (const FieldRule* r = rule("duration"))
    fill.optional(&Episode::duration, "duration", read.time(*r, root), signal(r->xpath_text));
  if (const FieldRule* r = rule("number"))
    fill.optional(&Episode::number, "number", read.number(*r, root), signal(r->xpath_text));
  if (const FieldRule* r = rule("season")) {
    std::optional<std::int64_t> season;
    if (auto n = read.number(*r, root)) season = static_cast<std::int64_t>(*n);
    fill.optional(&Episode::season, "season", season, signal(r->xpath_text));
  }
  if (const FieldRule* r = rule("audio")) {
    const FieldRule* type = rule("audio_type");
    fill.audio(read.text(*r, root), type ? read.text(*type, root) : std::string(),
               signal(r->xpath_text));
  }

  for (const auto& [name, list] : profile.lists) {
    const std::string list_signal = signal(list.each_text);
    if (name == "transcript") {
      fill.transcript(read_transcript(list, page, read), list_signal);
      continue;
    }
    auto value = [&](pugi::xml_node item, const char* key) {
      const FieldRule* r = field(list, key);
      return r ? read.text(*r, item) : std::string();
    };
    if (name == "persons") {
      std::vector<Person> persons;
      for (pugi::xml_node item : items(list, page)) {
        Person person{
            value(item, "name"), value(item, "role"), {}, value(item, "img"), value(item, "href")};
        if (!person.name.empty()) persons.push_back(std::move(person));
      }
      fill.list(&Episode::persons, "persons", std::move(persons), list_signal);
    } else if (name == "sponsors") {
      std::vector<Sponsor> sponsors;
      for (pugi::xml_node item : items(list, page)) {
        Sponsor sponsor{value(item, "name"), value(item, "url"), value(item, "text")};
        if (!sponsor.name.empty()) sponsors.push_back(std::move(sponsor));
      }
      fill.list(&Episode::sponsors, "sponsors", std::move(sponsors), list_signal);
    } else if (name == "notes") {
      std::vector<NoteLink> notes;
      for (pugi::xml_node item : items(list, page)) {
        NoteLink note{value(item, "title"), value(item, "url")};
        if (!note.url.empty()) notes.push_back(std::move(note));
      }
      fill.list(&Episode::notes, "notes", std::move(notes), list_signal);
    } else if (name == "keywords") {
      std::vector<std::string> keywords;
      for (pugi::xml_node item : items(list, page))
        if (std::string word = field(list, "text") ? value(item, "text") : node_text(item);
            !word.empty())
          keywords.push_back(std::move(word));
      fill.list(&Episode::keywords, "keywords", std::move(keywords), list_signal);
    } else if (name == "chapters") {
      std::vector<Chapter> chapters;
      for (pugi::xml_node item : items(list, page)) {
        const FieldRule* start_rule = field(list, "start");
        const std::optional<Millis> start =
            start_rule ? read.time(*start_rule, item) : std::nullopt;
        if (!start) continue;
        Chapter chapter;
        chapter.start = *start;
        chapter.title = value(item, "title");
        chapter.url = value(item, "url");
        if (const FieldRule* end = field(list, "end")) chapter.end = read.time(*end, item);
        if (const FieldRule* length = field(list, "duration"); length && !chapter.end)
          if (auto d = read.time(*length, item)) chapter.end = *start + *d;
        chapters.push_back(std::move(chapter));
      }
      fill.list(&Episode::chapters, "chapters", std::move(chapters), list_signal);
    }
  }
}

}  // namespace castkit::html
