// The page's rel=alternate RSS link: the feed's item for this page. Plugins never call each
// other, so the few RSS fields needed are read here with pugixml (namespaces matched by URI),
// and podcast:chapters (JSON chapters) and JSON podcast:transcript files are fetched and read
// with nlohmann::json.
#include <algorithm>
#include <cstring>
#include <map>

#include <nlohmann/json.hpp>

#include "node_text.hpp"
#include "page_signals.hpp"
#include "page_url.hpp"
#include "time_text.hpp"

namespace castkit::html {
namespace {

using nlohmann::json;

constexpr const char* kItunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
constexpr const char* kContent = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kPodcastUris[] = {
    "https://podcastindex.org/namespace/1.0",
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"};

/// Prefixes the feed binds to namespace URIs (declared on <rss> or <channel>).
class Namespaces {
 public:
  explicit Namespaces(pugi::xml_node rss) {
    for (pugi::xml_node node : {rss, rss.child("channel")})
      for (pugi::xml_attribute a : node.attributes())
        if (std::strncmp(a.name(), "xmlns:", 6) == 0) prefixes_[a.value()].push_back(a.name() + 6);
  }
  /// The first child of `node` named `local` in the namespace `uri`.
  pugi::xml_node child(pugi::xml_node node, const char* uri, const char* local) const {
    auto it = prefixes_.find(uri);
    if (it == prefixes_.end()) return {};
    for (const std::string& prefix : it->second)
      if (pugi::xml_node found = node.child((prefix + ":" + local).c_str())) return found;
    return {};
  }
  /// All children of `node` named `local` in the namespace `uri`.
  std::vector<pugi::xml_node> children(pugi::xml_node node, const char* uri,
                                       const char* local) const {
    std::vector<pugi::xml_node> out;
    auto it = prefixes_.find(uri);
    if (it == prefixes_.end()) return out;
    for (const std::string& prefix : it->second) {
      const std::string name = prefix + ":" + local;  // the iterator keeps a pointer to it
      for (pugi::xml_node found : node.children(name.c_str())) out.push_back(found);
    }
    return out;
  }
  /// The first child in either Podcasting 2.0 namespace URI.
  pugi::xml_node podcast(pugi::xml_node node, const char* local) const {
    for (const char* uri : kPodcastUris)
      if (pugi::xml_node found = child(node, uri, local)) return found;
    return {};
  }
  /// All children in either Podcasting 2.0 namespace URI.
  std::vector<pugi::xml_node> podcast_all(pugi::xml_node node, const char* local) const {
    std::vector<pugi::xml_node> out;
    for (const char* uri : kPodcastUris)
      for (pugi::xml_node found : children(node, uri, local)) out.push_back(found);
    return out;
  }

 private:
  std::map<std::string, std::vector<std::string>> prefixes_;
};

bool is_comment_feed(const std::string& href, const std::string& title,
                     const std::string& page_url) {
  if (contains_ignoring_case(title, "comment") || title.find("коммент") != std::string::npos ||
      contains_ignoring_case(href, "comments"))
    return true;
  // WordPress serves a post's comment feed at <post URL>/feed/.
  return !page_url.empty() && comparable_url(href) == comparable_url(page_url) + "/feed";
}

std::string text_of(pugi::xml_node node) {
  return collapse_whitespace(node.text().get());
}

/// The URLs that identify this page: its own, the canonical and the og:url.
std::vector<std::string> page_identities(const PageView& page) {
  std::vector<std::string> out;
  if (!page.url.empty()) out.push_back(comparable_url(page.url));
  static const pugi::xpath_query kCanonical(
      "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href | "
      "//meta[@property='og:url' or @name='og:url']/@content");
  for (const pugi::xpath_node& found : kCanonical.evaluate_node_set(page.document))
    if (std::string url = collapse_whitespace(found.attribute().value()); !url.empty())
      out.push_back(comparable_url(resolve_url(page.url, url)));
  return out;
}

pugi::xml_node find_item(pugi::xml_node channel, const std::vector<std::string>& identities,
                         const std::vector<std::string>& audio, std::string& matched_by) {
  for (pugi::xml_node item : channel.children("item")) {
    const std::string link = comparable_url(text_of(item.child("link")));
    const std::string guid = comparable_url(text_of(item.child("guid")));
    for (const std::string& id : identities) {
      if (!link.empty() && link == id) return matched_by = "link", item;
      if (!guid.empty() && guid == id) return matched_by = "guid", item;
    }
    const std::string enclosure =
        collapse_whitespace(item.child("enclosure").attribute("url").value());
    if (!enclosure.empty() && std::find(audio.begin(), audio.end(), enclosure) != audio.end())
      return matched_by = "enclosure", item;
  }
  return {};
}

std::optional<Millis> seconds_field(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (it->is_number()) return static_cast<Millis>(it->get<double>() * 1000 + 0.5);
  if (it->is_string()) return parse_offset(it->get_ref<const std::string&>());
  return std::nullopt;
}

std::string string_field(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Fetches a JSON file through the host; nothing when it cannot be had.
std::optional<json> fetch_json(Context& context, const std::string& url) {
  try {
    const FetchResponse response = context.host.fetch({url, "application/json"});
    if (response.status != 200) {
      context.host.log(LogLevel::warning, url + ": HTTP " + std::to_string(response.status));
      return std::nullopt;
    }
    json parsed = json::parse(response.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      context.host.log(LogLevel::warning, url + ": not a JSON object");
      return std::nullopt;
    }
    return parsed;
  } catch (const Error& e) {
    context.host.log(LogLevel::warning, e.diagnostic().file + ": " + e.what());
    return std::nullopt;
  }
}

void read_chapters_file(Context& context, const std::string& url, const std::string& signal,
                        EpisodeFill& fill) {
  const auto file = fetch_json(context, url);
  if (!file) return;
  auto list = file->find("chapters");
  if (list == file->end() || !list->is_array()) return;
  std::vector<Chapter> chapters;
  for (const json& entry : *list) {
    if (!entry.is_object()) continue;
    auto start = seconds_field(entry, "startTime");
    if (!start) continue;
    Chapter chapter;
    chapter.start = *start;
    chapter.end = seconds_field(entry, "endTime");
    chapter.title = string_field(entry, "title");
    chapter.url = string_field(entry, "url");
    chapter.img = string_field(entry, "img");
    if (auto toc = entry.find("toc"); toc != entry.end() && toc->is_boolean())
      chapter.toc = toc->get<bool>();
    chapters.push_back(std::move(chapter));
  }
  fill.list(&Episode::chapters, "chapters", std::move(chapters), signal);
}

void read_transcript_file(Context& context, const std::string& url, const std::string& signal,
                          EpisodeFill& fill) {
  const auto file = fetch_json(context, url);
  if (!file) return;
  auto list = file->find("segments");
  if (list == file->end() || !list->is_array()) return;
  std::vector<Segment> segments;
  for (const json& entry : *list) {
    if (!entry.is_object()) continue;
    Segment segment;
    segment.start = seconds_field(entry, "startTime");
    segment.end = seconds_field(entry, "endTime");
    segment.speaker = string_field(entry, "speaker");
    segment.text = string_field(entry, "body");
    segments.push_back(std::move(segment));
  }
  fill.transcript(std::move(segments), signal);
}

void fill_from_item(pugi::xml_node channel, pugi::xml_node item, const Namespaces& ns,
                    const std::string& feed_url, const std::string& signal, Context& context,
                    EpisodeFill& fill) {
  auto field_signal = [&](const char* tag) { return signal + " <" + tag + ">"; };
  fill.text(&Episode::title, "title", text_of(item.child("title")), field_signal("title"));
  fill.text(&Episode::guid, "guid", text_of(item.child("guid")), field_signal("guid"));
  fill.text(&Episode::link, "link", text_of(item.child("link")), field_signal("link"));
  if (pugi::xml_node encoded = ns.child(item, kContent, "encoded"))
    fill.text(&Episode::description, "description", encoded.text().get(),
              field_signal("content:encoded"));
  fill.text(&Episode::description, "description", item.child("description").text().get(),
            field_signal("description"));
  fill.text(&Episode::summary, "summary", text_of(ns.child(item, kItunes, "summary")),
            field_signal("itunes:summary"));
  fill.optional(&Episode::published, "published",
                parse_rfc822_datetime(text_of(item.child("pubDate"))), field_signal("pubDate"));
  fill.optional(&Episode::duration, "duration",
                parse_offset(text_of(ns.child(item, kItunes, "duration"))),
                field_signal("itunes:duration"));
  fill.text(&Episode::image, "image", ns.child(item, kItunes, "image").attribute("href").value(),
            field_signal("itunes:image"));
  fill.text(&Episode::episode_type, "episode_type", text_of(ns.child(item, kItunes, "episodeType")),
            field_signal("itunes:episodeType"));
  if (const pugi::xml_node number = ns.child(item, kItunes, "episode"))
    fill.optional(&Episode::number, "number", std::optional<double>(number.text().as_double()),
                  field_signal("itunes:episode"));
  if (const pugi::xml_node season = ns.child(item, kItunes, "season"))
    fill.optional(&Episode::season, "season", std::optional<std::int64_t>(season.text().as_llong()),
                  field_signal("itunes:season"));
  if (const pugi::xml_node enclosure = item.child("enclosure")) {
    if (fill.audio(resolve_url(feed_url, enclosure.attribute("url").value()),
                   enclosure.attribute("type").value(), field_signal("enclosure")))
      if (const auto length = enclosure.attribute("length").as_ullong(); length > 0)
        fill.episode().enclosure->length = length;
  }
  fill.show_title(text_of(channel.child("title")), field_signal("channel title"));

  std::vector<Person> persons;
  for (pugi::xml_node person : ns.podcast_all(item, "person"))
    persons.push_back(Person{text_of(person), person.attribute("role").value(),
                             person.attribute("group").value(), person.attribute("img").value(),
                             person.attribute("href").value()});
  fill.list(&Episode::persons, "persons", std::move(persons), field_signal("podcast:person"));

  if (const pugi::xml_node chapters = ns.podcast(item, "chapters")) {
    const std::string url = resolve_url(feed_url, chapters.attribute("url").value());
    if (!fill.episode().chapters_link && !url.empty()) {
      fill.episode().chapters_link = FileLink{url, chapters.attribute("type").value(), {}, {}, {}};
      fill.note("chapters_link", field_signal("podcast:chapters"));
    }
    if (!url.empty())
      read_chapters_file(context, url, field_signal("podcast:chapters") + " " + url, fill);
  }
  std::vector<FileLink> links;
  for (pugi::xml_node transcript : ns.podcast_all(item, "transcript"))
    links.push_back(FileLink{resolve_url(feed_url, transcript.attribute("url").value()),
                             transcript.attribute("type").value(),
                             transcript.attribute("language").value(),
                             transcript.attribute("rel").value(),
                             {}});
  for (const FileLink& link : links)
    if (link.type == "application/json")
      read_transcript_file(context, link.url, field_signal("podcast:transcript") + " " + link.url,
                           fill);
  fill.list(&Episode::transcript_links, "transcript_links", std::move(links),
            field_signal("podcast:transcript"));
}

}  // namespace

std::vector<std::string> feed_links(const PageView& page) {
  static const pugi::xpath_query kFeeds(
      "//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
      "[contains(@type, 'rss') or contains(@type, 'atom')][@href]");
  std::vector<std::string> out;
  for (const pugi::xpath_node& found : kFeeds.evaluate_node_set(page.document)) {
    const std::string href = resolve_url(page.url, found.node().attribute("href").value());
    if (!is_comment_feed(href, found.node().attribute("title").value(), page.url) &&
        std::find(out.begin(), out.end(), href) == out.end())
      out.push_back(href);
  }
  return out;
}

bool read_rss_link(const PageView& page, Context& context, int max_feeds, EpisodeFill& fill) {
  const std::vector<std::string> identities = page_identities(page);
  const std::vector<std::string> audio = page_audio_urls(page);
  int tried = 0;
  for (const std::string& feed_url : feed_links(page)) {
    if (tried++ >= max_feeds) break;
    FetchResponse response;
    try {
      response = context.host.fetch(
          {feed_url, "application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"});
    } catch (const Error& e) {
      context.host.log(LogLevel::warning, page.name + ": RSS link " + feed_url + ": " + e.what());
      continue;
    }
    if (response.status != 200) {
      context.host.log(LogLevel::warning, page.name + ": RSS link " + feed_url + ": HTTP " +
                                              std::to_string(response.status));
      continue;
    }
    pugi::xml_document feed;
    if (!feed.load_buffer(response.body.data(), response.body.size())) {
      context.host.log(LogLevel::warning, page.name + ": RSS link " + feed_url + " is not XML");
      continue;
    }
    const pugi::xml_node rss = feed.child("rss");
    const pugi::xml_node channel = rss.child("channel");
    std::string matched_by;
    const pugi::xml_node item = find_item(channel, identities, audio, matched_by);
    if (!item) continue;
    fill_from_item(channel, item, Namespaces(rss), feed_url,
                   "RSS link " + feed_url + " (item by " + matched_by + ")", context, fill);
    return true;
  }
  return false;
}

}  // namespace castkit::html
