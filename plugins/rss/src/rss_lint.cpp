// Lint rules, one function per element kind. Errors: what Apple rejects or the podcast namespace
// requires; warnings: what works but is discouraged; notes: hints.
#include "rss_lint.hpp"

#include <algorithm>
#include <set>

#include "apple_categories.hpp"
#include "castkit/feed/seconds.hpp"
#include "castkit/text.hpp"
#include "feed_input.hpp"
#include "feed_values.hpp"
#include "person_taxonomy.hpp"
#include "podcast_guid.hpp"
#include "xml_names.hpp"

namespace castkit::rss {
namespace {

constexpr std::size_t short_limit = 128;  // podcast namespace: most texts and attributes
constexpr std::size_t long_limit = 4000;  // Apple and podcast:txt

/// Line starts of the text, for offset -> line:column in O(log n).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  TextPosition at(std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - starts_.begin());
    return TextPosition{static_cast<std::uint32_t>(line),
                        static_cast<std::uint32_t>(offset - starts_[line - 1] + 1)};
  }

 private:
  std::vector<std::size_t> starts_;
};

/// Everything a rule needs: where to report and how to name things.
class Linter {
 public:
  Linter(Host& host, std::string file, std::string_view text)
      : host_(host), file_(std::move(file)), lines_(text) {}

  void report(Severity severity, pugi::xml_node node, const std::string& message) {
    // pugixml gives an element's offset at its name; point at its '<'.
    std::ptrdiff_t offset = node ? node.offset_debug() : 0;
    if (node.type() == pugi::node_element && offset > 0) --offset;
    TextPosition at = lines_.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)));
    host_.report(Diagnostic{severity, file_, at.line, at.column, message});
    if (severity == Severity::error) ++errors_;
  }
  void error(pugi::xml_node node, const std::string& message) {
    report(Severity::error, node, message);
  }
  void warning(pugi::xml_node node, const std::string& message) {
    report(Severity::warning, node, message);
  }
  void note(pugi::xml_node node, const std::string& message) {
    report(Severity::note, node, message);
  }
  int errors() const { return errors_; }

  NamespaceScope scope;

 private:
  Host& host_;
  std::string file_;
  LineIndex lines_;
  int errors_ = 0;
};

std::string tag(pugi::xml_node node) {
  return std::string("<") + node.name() + ">";
}

/// The children of `parent` in namespace `ns` named `local`.
std::vector<pugi::xml_node> children(pugi::xml_node parent, Namespace ns, std::string_view local,
                                     Linter& lint) {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node child : parent.children()) {
    if (child.type() != pugi::node_element) continue;
    ResolvedName name = lint.scope.resolve(child.name());
    if (name.ns == ns && name.local == local) found.push_back(child);
  }
  return found;
}

pugi::xml_node first(pugi::xml_node parent, Namespace ns, std::string_view local, Linter& lint) {
  auto found = children(parent, ns, local, lint);
  return found.empty() ? pugi::xml_node() : found.front();
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

void check_url(Linter& lint, pugi::xml_node node, std::string_view what, std::string_view url) {
  url = trim(url);
  if (url.empty()) return;
  if (starts_with(url, "https://")) return;
  if (starts_with(url, "http://"))
    lint.warning(node, std::string(what) + " is not an https URL: " + std::string(url));
  else if (!starts_with(url, "ipfs://") && !starts_with(url, "geo:"))
    lint.error(node, std::string(what) + " is not an http(s) URL: \"" + std::string(url) + "\"");
}

void require_attribute(Linter& lint, pugi::xml_node node, const char* attribute) {
  if (trim(node.attribute(attribute).value()).empty())
    lint.error(node, tag(node) + " needs a " + attribute + " attribute");
}

void check_length(Linter& lint, pugi::xml_node node, std::string_view what, std::string_view text,
                  std::size_t limit) {
  if (text.size() > limit)
    lint.error(node, std::string(what) + " has " + std::to_string(text.size()) +
                         " characters; the limit is " + std::to_string(limit));
}

void check_text_limit(Linter& lint, pugi::xml_node node, std::size_t limit) {
  check_length(lint, node, tag(node) + " text", trim(element_text(node)), limit);
}

void check_explicit(Linter& lint, pugi::xml_node node) {
  std::string value(trim(element_text(node)));
  if (value == "true" || value == "false") return;
  if (parse_explicit(value))
    lint.warning(node, "itunes:explicit \"" + value + "\": Apple expects \"true\" or \"false\"");
  else
    lint.error(node, "itunes:explicit \"" + value + "\" is neither \"true\" nor \"false\"");
}

void check_positive_integer(Linter& lint, pugi::xml_node node) {
  auto value = parse_unsigned(element_text(node));
  if (!value || *value == 0)
    lint.error(node, tag(node) + " must be a positive integer, found \"" +
                         std::string(trim(element_text(node))) + "\"");
}

void check_person(Linter& lint, pugi::xml_node person) {
  check_text_limit(lint, person, short_limit);
  if (trim(element_text(person)).empty())
    lint.error(person, "podcast:person needs the person's name as text");
  std::string_view role = person.attribute("role").value();
  std::string_view group = person.attribute("group").value();
  if (!role.empty() && !is_taxonomy_role(role))
    lint.warning(person, "podcast:person role \"" + std::string(role) +
                             "\" is not in the Podcasting 2.0 taxonomy");
  if (!group.empty() && !is_taxonomy_group(group))
    lint.warning(person, "podcast:person group \"" + std::string(group) +
                             "\" is not in the Podcasting 2.0 taxonomy");
  check_url(lint, person, "podcast:person img", person.attribute("img").value());
  check_url(lint, person, "podcast:person href", person.attribute("href").value());
}

void check_common_podcast(Linter& lint, pugi::xml_node parent) {
  for (pugi::xml_node person : children(parent, Namespace::podcast, "person", lint))
    check_person(lint, person);
  for (pugi::xml_node location : children(parent, Namespace::podcast, "location", lint)) {
    check_text_limit(lint, location, short_limit);
    std::string_view geo = location.attribute("geo").value();
    if (!geo.empty() && !starts_with(geo, "geo:"))
      lint.error(location, "podcast:location geo must be a geo: URI");
  }
  for (pugi::xml_node license : children(parent, Namespace::podcast, "license", lint)) {
    check_text_limit(lint, license, short_limit);
    check_url(lint, license, "podcast:license url", license.attribute("url").value());
  }
  for (pugi::xml_node txt : children(parent, Namespace::podcast, "txt", lint)) {
    check_text_limit(lint, txt, long_limit);
    check_length(lint, txt, "podcast:txt purpose", txt.attribute("purpose").value(), short_limit);
  }
  for (pugi::xml_node value : children(parent, Namespace::podcast, "value", lint)) {
    require_attribute(lint, value, "type");
    require_attribute(lint, value, "method");
    for (pugi::xml_node recipient : children(value, Namespace::podcast, "valueRecipient", lint)) {
      require_attribute(lint, recipient, "type");
      require_attribute(lint, recipient, "address");
      require_attribute(lint, recipient, "split");
    }
  }
  for (pugi::xml_node social : children(parent, Namespace::podcast, "socialInteract", lint)) {
    require_attribute(lint, social, "protocol");
    if (std::string_view(social.attribute("protocol").value()) != "disabled")
      require_attribute(lint, social, "uri");
  }
}

void check_file_link(Linter& lint, pugi::xml_node link, bool chapters) {
  require_attribute(lint, link, "url");
  require_attribute(lint, link, "type");
  check_url(lint, link, tag(link) + " url", link.attribute("url").value());
  std::string_view type = link.attribute("type").value();
  if (type.empty()) return;
  if (chapters) {
    if (type == "application/json" || type == "application/audio-chapters+json")
      lint.warning(link, "podcast:chapters type \"" + std::string(type) +
                             "\": the spec's type is application/json+chapters");
    else if (type != "application/json+chapters")
      lint.error(link, "podcast:chapters type \"" + std::string(type) +
                           "\" is not application/json+chapters");
    return;
  }
  static constexpr std::string_view known[] = {
      "text/plain",           "text/html",      "text/vtt", "application/json",
      "application/x-subrip", "application/srt"};
  if (std::find(std::begin(known), std::end(known), type) != std::end(known)) return;
  if (type == "text/srt")
    lint.warning(link, "podcast:transcript type \"text/srt\": write application/x-subrip");
  else
    lint.warning(link,
                 "podcast:transcript type \"" + std::string(type) + "\" is not one the spec lists");
}

void check_item(Linter& lint, pugi::xml_node item, std::set<std::string>& guids) {
  std::size_t mark = lint.scope.declare(item);
  pugi::xml_node title = first(item, Namespace::rss, "title", lint);
  if (!title || trim(element_text(title)).empty())
    lint.error(item, "an item needs a <title> (Apple)");
  pugi::xml_node enclosure = first(item, Namespace::rss, "enclosure", lint);
  if (!enclosure) {
    lint.error(item, "an item needs an <enclosure> with url, length and type (Apple)");
  } else {
    for (const char* attribute : {"url", "length", "type"})
      require_attribute(lint, enclosure, attribute);
    check_url(lint, enclosure, "enclosure url", enclosure.attribute("url").value());
    std::string_view length = enclosure.attribute("length").value();
    if (!length.empty() && !parse_unsigned(length))
      lint.error(enclosure, "enclosure length must be a number of bytes");
    std::string_view type = enclosure.attribute("type").value();
    if (!type.empty() && !starts_with(type, "audio/") && !starts_with(type, "video/") &&
        type != "application/pdf")
      lint.warning(enclosure,
                   "enclosure type \"" + std::string(type) + "\" is not an audio or video type");
  }
  pugi::xml_node guid = first(item, Namespace::rss, "guid", lint);
  if (!guid || trim(element_text(guid)).empty()) {
    lint.error(item, "an item needs a <guid> (Apple)");
  } else if (!guids.insert(std::string(trim(element_text(guid)))).second) {
    lint.error(guid,
               "guid \"" + std::string(trim(element_text(guid))) + "\" is used by an earlier item");
  }
  if (pugi::xml_node date = first(item, Namespace::rss, "pubDate", lint)) {
    if (!parse_feed_date(element_text(date)))
      lint.error(date, "pubDate \"" + std::string(trim(element_text(date))) +
                           "\" is not an RFC 2822 date");
    else if (std::string_view(element_text(date)).find(',') == std::string_view::npos)
      lint.note(date,
                "pubDate without a weekday: RFC 2822 writes \"Fri, 09 Oct 2020 04:30:38 +0000\"");
  } else {
    lint.warning(item, "an item should have a <pubDate>");
  }
  if (pugi::xml_node description = first(item, Namespace::rss, "description", lint))
    if (element_text(description).size() > long_limit)
      lint.warning(description, "the item description is longer than Apple's 4000 characters");
  if (pugi::xml_node duration = first(item, Namespace::itunes, "duration", lint)) {
    if (!parse_duration(element_text(duration)))
      lint.error(duration, "itunes:duration must be seconds, MM:SS or HH:MM:SS");
    else if (std::string_view(element_text(duration)).find(':') != std::string_view::npos)
      lint.note(duration, "itunes:duration: Apple recommends a number of seconds");
  }
  for (const char* number : {"episode", "season"})
    if (pugi::xml_node node = first(item, Namespace::itunes, number, lint))
      check_positive_integer(lint, node);
  if (pugi::xml_node type = first(item, Namespace::itunes, "episodeType", lint)) {
    std::string value(trim(element_text(type)));
    if (value != "full" && value != "trailer" && value != "bonus")
      lint.error(type, "itunes:episodeType \"" + value + "\" is not full, trailer or bonus");
  }
  if (pugi::xml_node node = first(item, Namespace::itunes, "explicit", lint))
    check_explicit(lint, node);
  if (pugi::xml_node image = first(item, Namespace::itunes, "image", lint))
    check_url(lint, image, "itunes:image", image.attribute("href").value());
  if (pugi::xml_node season = first(item, Namespace::podcast, "season", lint)) {
    if (!parse_unsigned(element_text(season)))
      lint.error(season, "podcast:season must be an integer");
    check_length(lint, season, "podcast:season name", season.attribute("name").value(),
                 short_limit);
  }
  if (pugi::xml_node episode = first(item, Namespace::podcast, "episode", lint)) {
    if (!parse_decimal(element_text(episode)))
      lint.error(episode, "podcast:episode must be a decimal number");
    check_length(lint, episode, "podcast:episode display", episode.attribute("display").value(),
                 32);
  }
  for (pugi::xml_node link : children(item, Namespace::podcast, "chapters", lint))
    check_file_link(lint, link, true);
  for (pugi::xml_node link : children(item, Namespace::podcast, "transcript", lint))
    check_file_link(lint, link, false);
  for (pugi::xml_node soundbite : children(item, Namespace::podcast, "soundbite", lint)) {
    for (const char* attribute : {"startTime", "duration"})
      if (!feed::parse_seconds(soundbite.attribute(attribute).value()))
        lint.error(soundbite,
                   std::string("podcast:soundbite ") + attribute + " must be a number of seconds");
    check_text_limit(lint, soundbite, short_limit);
  }
  check_common_podcast(lint, item);
  lint.scope.restore(mark);
}

void check_namespaces(Linter& lint, pugi::xml_node root) {
  for (pugi::xml_attribute attribute : root.attributes()) {
    std::string_view name = attribute.name();
    std::string_view uri = attribute.value();
    if (!starts_with(name, "xmlns:")) continue;
    if (uri == podcast_legacy_uri)
      lint.warning(root, "the podcast namespace is declared with its old URI; use " +
                             std::string(podcast_uri));
    std::string lower(uri);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (uri != itunes_uri && lower == itunes_uri)
      lint.error(root, "the iTunes namespace URI must be exactly " + std::string(itunes_uri) +
                           " (found " + std::string(uri) + ")");
  }
}

void check_channel(Linter& lint, pugi::xml_node channel) {
  pugi::xml_node title = first(channel, Namespace::rss, "title", lint);
  if (!title || trim(element_text(title)).empty())
    lint.error(channel, "the channel needs a <title>");
  pugi::xml_node description = first(channel, Namespace::rss, "description", lint);
  if (!description)
    lint.error(channel, "the channel needs a <description>");
  else
    check_length(lint, description, "the channel description", element_text(description),
                 long_limit);
  if (!first(channel, Namespace::rss, "language", lint))
    lint.error(channel, "the channel needs a <language> (Apple)");
  pugi::xml_node image = first(channel, Namespace::itunes, "image", lint);
  if (!image)
    lint.error(channel, "the channel needs an <itunes:image href=...> (Apple)");
  else if (trim(image.attribute("href").value()).empty())
    lint.error(image, "itunes:image needs an href attribute (Apple)");
  else
    check_url(lint, image, "itunes:image", image.attribute("href").value());
  if (children(channel, Namespace::itunes, "category", lint).empty())
    lint.error(channel, "the channel needs an <itunes:category> (Apple)");
  for (pugi::xml_node category : children(channel, Namespace::itunes, "category", lint)) {
    require_attribute(lint, category, "text");
    std::string_view text = category.attribute("text").value();
    if (!text.empty() && !is_apple_category(text))
      lint.warning(category, "itunes:category \"" + std::string(text) +
                                 "\" is not one of Apple's categories");
    for (pugi::xml_node sub : children(category, Namespace::itunes, "category", lint)) {
      std::string_view sub_text = sub.attribute("text").value();
      if (is_apple_category(text) && !is_apple_subcategory(text, sub_text))
        lint.warning(sub, "itunes:category \"" + std::string(sub_text) +
                              "\" is not one of Apple's subcategories of \"" + std::string(text) +
                              "\"");
    }
  }
  pugi::xml_node explicit_tag = first(channel, Namespace::itunes, "explicit", lint);
  if (!explicit_tag)
    lint.error(channel, "the channel needs <itunes:explicit> (Apple)");
  else
    check_explicit(lint, explicit_tag);
  if (pugi::xml_node type = first(channel, Namespace::itunes, "type", lint)) {
    std::string value(trim(element_text(type)));
    if (value != "episodic" && value != "serial")
      lint.error(type, "itunes:type \"" + value + "\" is not episodic or serial");
  }
  if (!first(channel, Namespace::itunes, "owner", lint))
    lint.warning(channel, "the channel has no <itunes:owner> with an email");

  std::string feed_url;
  for (pugi::xml_node link : children(channel, Namespace::atom, "link", lint))
    if (std::string_view(link.attribute("rel").value()) == "self")
      feed_url = trim(link.attribute("href").value());
  if (feed_url.empty())
    lint.warning(channel, "the channel has no <atom:link rel=\"self\"> giving the feed's URL");

  auto guids = children(channel, Namespace::podcast, "guid", lint);
  if (guids.empty()) {
    lint.warning(channel,
                 "the channel has no <podcast:guid>" +
                     (feed_url.empty() ? std::string()
                                       : " (for this URL: " + podcast_guid_for(feed_url) + ")"));
  }
  for (pugi::xml_node guid : guids) {
    std::string value(trim(element_text(guid)));
    if (!is_uuid(value))
      lint.error(guid, "podcast:guid \"" + value + "\" is not a UUID");
    else if (uuid_version(value) != 5)
      lint.warning(guid, "podcast:guid \"" + value + "\" is not a version 5 UUID");
    else if (!feed_url.empty() && value != podcast_guid_for(feed_url))
      lint.note(guid,
                "podcast:guid differs from the UUIDv5 of the feed URL (fine if the feed moved)");
  }
  if (pugi::xml_node locked = first(channel, Namespace::podcast, "locked", lint)) {
    if (!parse_flag(element_text(locked))) lint.error(locked, "podcast:locked must be yes or no");
    if (!locked.attribute("owner"))
      lint.warning(locked, "podcast:locked should name its owner (an email)");
  }
  for (pugi::xml_node funding : children(channel, Namespace::podcast, "funding", lint)) {
    require_attribute(lint, funding, "url");
    check_url(lint, funding, "podcast:funding url", funding.attribute("url").value());
    check_text_limit(lint, funding, short_limit);
  }
  if (pugi::xml_node medium = first(channel, Namespace::podcast, "medium", lint)) {
    static constexpr std::string_view media[] = {"podcast",   "music",      "video", "film",
                                                 "audiobook", "newsletter", "blog",  "publisher",
                                                 "course",    "mixed"};
    std::string value(trim(element_text(medium)));
    std::string_view base = value;
    if (base.size() > 1 && base.back() == 'L') base.remove_suffix(1);
    if (std::find(std::begin(media), std::end(media), base) == std::end(media))
      lint.error(medium, "podcast:medium \"" + value + "\" is not a medium the spec lists");
  }
  for (pugi::xml_node trailer : children(channel, Namespace::podcast, "trailer", lint)) {
    require_attribute(lint, trailer, "url");
    require_attribute(lint, trailer, "pubdate");
    check_text_limit(lint, trailer, short_limit);
  }
  check_common_podcast(lint, channel);
  std::set<std::string> item_guids;
  for (pugi::xml_node item : children(channel, Namespace::rss, "item", lint))
    check_item(lint, item, item_guids);
}

}  // namespace

int lint_feed(const Input& input, Host& host) {
  std::string text;
  try {
    text = feed_to_utf8(input.bytes, input.encoding, input.name);
  } catch (const Error& error) {
    host.report(error.diagnostic());
    return 1;
  }
  Linter lint(host, input.name, text);
  pugi::xml_document document;
  pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    TextPosition at = position_at(text, static_cast<std::size_t>(parsed.offset));
    host.report(Diagnostic{Severity::error, input.name, at.line, at.column,
                           std::string("not well-formed XML: ") + parsed.description()});
    return 1;
  }
  pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "rss") {
    lint.error(root, "the root element is " + tag(root) + ", not <rss>");
    return lint.errors();
  }
  lint.scope.declare(root);
  check_namespaces(lint, root);
  pugi::xml_node channel = root.child("channel");
  if (!channel) {
    lint.error(root, "<rss> has no <channel>");
    return lint.errors();
  }
  lint.scope.declare(channel);
  check_channel(lint, channel);
  return lint.errors();
}

}  // namespace castkit::rss
