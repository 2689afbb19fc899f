// JSON-LD (schema.org PodcastEpisode / Episode) in <script type="application/ld+json">.
#include <charconv>

#include <nlohmann/json.hpp>

#include "node_text.hpp"
#include "page_signals.hpp"
#include "page_url.hpp"
#include "time_text.hpp"

namespace castkit::html {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxJsonLdBytes = 4 << 20;  // a larger block is not metadata

bool has_type(const json& node, std::initializer_list<const char*> types) {
  if (!node.is_object()) return false;
  auto it = node.find("@type");
  if (it == node.end()) return false;
  auto matches = [&](const json& t) {
    if (!t.is_string()) return false;
    std::string_view name = t.get_ref<const std::string&>();
    if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos)
      name.remove_prefix(slash + 1);  // "http://schema.org/PodcastEpisode"
    for (const char* type : types)
      if (name == type) return true;
    return false;
  };
  if (it->is_array()) {
    for (const json& t : *it)
      if (matches(t)) return true;
    return false;
  }
  return matches(*it);
}

/// The episode object in a JSON-LD block: the block itself, an array element, or an @graph
/// member (one level of nesting each, as sites write them).
const json* find_episode(const json& block) {
  static const auto kEpisode = {"PodcastEpisode", "Episode", "RadioEpisode"};
  if (has_type(block, kEpisode)) return &block;
  const json* list = block.is_array() ? &block : nullptr;
  if (block.is_object())
    if (auto graph = block.find("@graph"); graph != block.end() && graph->is_array())
      list = &*graph;
  if (!list) return nullptr;
  for (const json& item : *list) {
    if (has_type(item, kEpisode)) return &item;
    if (item.is_object())
      if (auto graph = item.find("@graph"); graph != item.end() && graph->is_array())
        for (const json& inner : *graph)
          if (has_type(inner, kEpisode)) return &inner;
  }
  return nullptr;
}

std::string string_of(const json& node, const char* key) {
  if (!node.is_object()) return {};
  auto it = node.find(key);
  if (it == node.end()) return {};
  if (it->is_string()) return collapse_whitespace(it->get_ref<const std::string&>());
  if (it->is_number()) return it->dump();
  if (it->is_object()) {  // {"@type": "ImageObject", "url": ...}, {"@id": ...}
    for (const char* inner : {"url", "contentUrl", "name", "@id"})
      if (std::string value = string_of(*it, inner); !value.empty()) return value;
  }
  if (it->is_array() && !it->empty()) {
    const json wrapper = {{"v", it->front()}};
    return string_of(wrapper, "v");
  }
  return {};
}

std::optional<Millis> seconds_of(const json& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end()) return std::nullopt;
  if (it->is_number()) return static_cast<Millis>(it->get<double>() * 1000 + 0.5);
  if (it->is_string()) return parse_offset(it->get_ref<const std::string&>());
  return std::nullopt;
}

std::optional<double> number_of(const json& node, const char* key) {
  const std::string text = string_of(node, key);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void fill_from(const json& episode, const std::string& base, EpisodeFill& fill) {
  auto signal = [](const char* key) { return std::string("json-ld ") + key; };
  fill.text(&Episode::title, "title", string_of(episode, "name"), signal("name"));
  fill.text(&Episode::title, "title", string_of(episode, "headline"), signal("headline"));
  fill.text(&Episode::description, "description", string_of(episode, "description"),
            signal("description"));
  fill.text(&Episode::summary, "summary", string_of(episode, "abstract"), signal("abstract"));
  if (std::string url = string_of(episode, "url"); !url.empty())
    fill.text(&Episode::link, "link", resolve_url(base, url), signal("url"));
  if (std::string image = string_of(episode, "image"); !image.empty())
    fill.text(&Episode::image, "image", resolve_url(base, image), signal("image"));
  fill.optional(&Episode::published, "published",
                parse_iso_datetime(string_of(episode, "datePublished")), signal("datePublished"));
  std::optional<Millis> duration = parse_iso_duration(string_of(episode, "duration"));
  if (!duration) duration = parse_iso_duration(string_of(episode, "timeRequired"));
  fill.optional(&Episode::duration, "duration", duration, signal("duration"));
  fill.optional(&Episode::number, "number", number_of(episode, "episodeNumber"),
                signal("episodeNumber"));
  if (auto season = episode.find("partOfSeason"); season != episode.end() && season->is_object())
    if (auto n = number_of(*season, "seasonNumber"))
      fill.optional(&Episode::season, "season",
                    std::optional<std::int64_t>(static_cast<std::int64_t>(*n)),
                    signal("partOfSeason.seasonNumber"));
  if (auto series = episode.find("partOfSeries"); series != episode.end())
    fill.show_title(series->is_object() ? string_of(*series, "name") : std::string(),
                    signal("partOfSeries.name"));

  for (const char* key : {"associatedMedia", "audio", "encoding"}) {
    auto media = episode.find(key);
    if (media == episode.end()) continue;
    const json& first = media->is_array() && !media->empty() ? media->front() : *media;
    std::string url = first.is_string() ? first.get<std::string>() : string_of(first, "contentUrl");
    if (url.empty()) url = string_of(first, "url");
    if (!url.empty())
      fill.audio(resolve_url(base, url), string_of(first, "encodingFormat"),
                 signal(key) + ".contentUrl");
  }

  if (auto keywords = episode.find("keywords"); keywords != episode.end()) {
    std::vector<std::string> words;
    if (keywords->is_array()) {
      for (const json& k : *keywords)
        if (k.is_string()) words.push_back(collapse_whitespace(k.get<std::string>()));
    } else if (keywords->is_string()) {
      std::string_view rest = keywords->get_ref<const std::string&>();
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        if (std::string word = collapse_whitespace(rest.substr(0, comma)); !word.empty())
          words.push_back(std::move(word));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
    fill.list(&Episode::keywords, "keywords", std::move(words), signal("keywords"));
  }

  if (auto parts = episode.find("hasPart"); parts != episode.end()) {
    std::vector<Chapter> chapters;
    const json list = parts->is_array() ? *parts : json::array({*parts});
    for (const json& part : list) {
      if (!has_type(part, {"Clip"})) continue;
      auto start = seconds_of(part, "startOffset");
      if (!start) continue;
      Chapter chapter;
      chapter.start = *start;
      chapter.end = seconds_of(part, "endOffset");
      chapter.title = string_of(part, "name");
      if (std::string url = string_of(part, "url"); !url.empty())
        chapter.url = resolve_url(base, url);
      chapters.push_back(std::move(chapter));
    }
    std::stable_sort(chapters.begin(), chapters.end(),
                     [](const Chapter& a, const Chapter& b) { return a.start < b.start; });
    fill.list(&Episode::chapters, "chapters", std::move(chapters), signal("hasPart Clip"));
  }

  for (const char* key : {"actor", "author", "creator"}) {
    auto people = episode.find(key);
    if (people == episode.end()) continue;
    std::vector<Person> persons;
    const json list = people->is_array() ? *people : json::array({*people});
    for (const json& p : list) {
      Person person;
      person.name =
          p.is_string() ? collapse_whitespace(p.get<std::string>()) : string_of(p, "name");
      person.href = string_of(p, "url");
      person.role = std::string(key) == "actor" ? "guest" : "host";
      if (!person.name.empty()) persons.push_back(std::move(person));
    }
    fill.list(&Episode::persons, "persons", std::move(persons), signal(key));
  }
}

}  // namespace

bool read_json_ld(const PageView& page, EpisodeFill& fill) {
  static const pugi::xpath_query kScripts(
      "//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'application/ld+json')]");
  for (const pugi::xpath_node& script : kScripts.evaluate_node_set(page.document)) {
    std::string text;
    for (pugi::xml_node part : script.node().children())
      if (text.size() <= kMaxJsonLdBytes) text += part.value();
    if (text.size() > kMaxJsonLdBytes) continue;
    const json block = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (block.is_discarded()) continue;
    if (const json* episode = find_episode(block)) {
      fill_from(*episode, page.url, fill);
      return true;
    }
  }
  return false;
}

}  // namespace castkit::html
