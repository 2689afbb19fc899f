// Feed -> model. One walk over channel and items; every element is either read into a model
// field or kept whole as XML in the "rss.unknown" extension.
#include "rss_reader.hpp"

#include <cstring>
#include <initializer_list>

#include "castkit/diagnostics.hpp"
#include "castkit/feed/npt_time.hpp"
#include "castkit/feed/seconds.hpp"
#include "extension_keys.hpp"
#include "feed_values.hpp"
#include "xml_names.hpp"

namespace castkit::rss {
namespace {

using Names = std::initializer_list<std::string_view>;

/// `text == word`, with the word's length known at compile time (the dispatch on element names
/// runs for every element of every item).
template <std::size_t N>
bool is(std::string_view text, const char (&word)[N]) {
  return text.size() == N - 1 && std::memcmp(text.data(), word, N - 1) == 0;
}

std::string trimmed_text(pugi::xml_node element) {
  return std::string(trim(ElementText(element).view()));
}

/// Adds `attribute` (unless it declares a namespace) to the object of attributes the model does
/// not name.
void add_extra_attribute(Value& extra, pugi::xml_attribute attribute, const NamespaceScope& scope) {
  std::string_view name = attribute.name();
  if (name == "xmlns" || name.substr(0, 6) == "xmlns:") return;
  std::string output;
  scope.append_output_name(output, name);
  extra.set(std::move(output), Value(std::string(attribute.value())));
}

/// The attributes of `element` whose names are not in `known` (namespace declarations aside), as
/// an object of strings; null when there are none.
Value extra_attributes(pugi::xml_node element, Names known, const NamespaceScope& scope) {
  Value extra;
  for (pugi::xml_attribute attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    std::string_view name = attribute.name();
    bool is_known = false;
    for (std::string_view k : known) is_known |= name == k;
    if (!is_known) add_extra_attribute(extra, attribute, scope);
  }
  return extra;
}

/// True when `element` has no attributes other than `known`.
bool only_attributes(pugi::xml_node element, Names known) {
  for (pugi::xml_attribute attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    std::string_view name = attribute.name();
    bool ok = name == "xmlns" || name.substr(0, 6) == "xmlns:";
    for (std::string_view k : known) ok |= name == k;
    if (!ok) return false;
  }
  return true;
}

/// True when `element` has element children.
bool has_child_elements(pugi::xml_node element) {
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling())
    if (child.type() == pugi::node_element) return true;
  return false;
}

void keep_extra(Extensions& ext, std::string_view tag, Value extra) {
  if (!extra.is_null())
    ext[std::string(attributes_key_prefix) + std::string(tag)] = std::move(extra);
}

void keep_unknown(pugi::xml_node element, Extensions& ext, NamespaceScope& scope) {
  std::string markup;
  append_element_xml(markup, element, scope);
  ext[std::string(unknown_key)].push(Value(std::move(markup)));
}

/// Sets a text field when it is still empty; false when it was already set.
bool fill_text(std::string& field, pugi::xml_node element) {
  if (!field.empty() || has_child_elements(element) || !only_attributes(element, {})) return false;
  field.assign(trim(ElementText(element).view()));  // into the field's own memory when reused
  return true;
}

std::vector<std::string> split_keywords(std::string_view text) {
  std::vector<std::string> words;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view word = trim(text.substr(0, comma));
    if (!word.empty()) words.emplace_back(word);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return words;
}

bool read_person(pugi::xml_node element, std::vector<Person>& persons,
                 const NamespaceScope& scope) {
  if (has_child_elements(element)) return false;
  Person& person = persons.emplace_back();
  person.name = trimmed_text(element);
  Value extra;
  for (pugi::xml_attribute attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    std::string_view name = attribute.name();
    if (name == "role")
      person.role = attribute.value();
    else if (name == "group")
      person.group = attribute.value();
    else if (name == "img")
      person.img = attribute.value();
    else if (name == "href")
      person.href = attribute.value();
    else
      add_extra_attribute(extra, attribute, scope);
  }
  if (!extra.is_null()) person.ext[std::string(attributes_key)] = std::move(extra);
  return true;
}

FileLink read_file_link(pugi::xml_node element, const NamespaceScope& scope) {
  FileLink link;
  Value extra;
  for (pugi::xml_attribute attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    std::string_view name = attribute.name();
    if (name == "url")
      link.url = trim(attribute.value());
    else if (name == "type")
      link.type = attribute.value();
    else if (name == "language")
      link.language = attribute.value();
    else if (name == "rel")
      link.rel = attribute.value();
    else
      add_extra_attribute(extra, attribute, scope);
  }
  if (!extra.is_null()) link.ext[std::string(attributes_key)] = std::move(extra);
  return link;
}

bool read_image(pugi::xml_node element, std::string& image, Extensions& ext,
                const NamespaceScope& scope) {
  if (!image.empty() || has_child_elements(element)) return false;
  std::string href(trim(element.attribute("href").value()));
  if (href.empty()) href = trimmed_text(element);  // some feeds write the URL as text
  if (href.empty()) return false;
  image = std::move(href);
  keep_extra(ext, "itunes:image", extra_attributes(element, {"href"}, scope));
  return true;
}

bool read_explicit(pugi::xml_node element, std::optional<bool>& field) {
  if (field) return false;
  field = parse_explicit(ElementText(element).view());
  return field.has_value();
}

bool read_license(pugi::xml_node element, std::string& license, std::string& url, Extensions& ext,
                  const NamespaceScope& scope) {
  if (!license.empty() || !url.empty() || has_child_elements(element)) return false;
  license = trimmed_text(element);
  url = element.attribute("url").value();
  keep_extra(ext, "podcast:license", extra_attributes(element, {"url"}, scope));
  return true;
}

/// Reads the channel's and items' shared description pair: <description> and content:encoded,
/// as views into the document until they are applied.
struct DescriptionPair {
  std::optional<ElementText> plain;    ///< <description>
  std::optional<ElementText> encoded;  ///< content:encoded
  void apply(std::string& description, Extensions& ext) const {
    if (encoded) {
      description.assign(trim(encoded->view()));
      if (plain) ext[std::string(description_key)] = Value(std::string(trim(plain->view())));
    } else if (plain) {
      description.assign(trim(plain->view()));
    }
  }
};

bool read_description(pugi::xml_node element, std::optional<ElementText>& slot) {
  if (slot || has_child_elements(element)) return false;
  slot.emplace(element);
  return true;
}

bool read_psc(pugi::xml_node element, std::vector<Chapter>& chapters, const NamespaceScope& scope) {
  if (!chapters.empty()) return false;
  std::vector<Chapter> read;
  for (pugi::xml_node child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    ResolvedName name = scope.resolve(child.name());
    if (name.ns != Namespace::psc || name.local != "chapter" ||
        !only_attributes(child, {"start", "title", "href", "image"}))
      return false;
    auto start = feed::parse_npt(child.attribute("start").value());
    if (!start) return false;
    Chapter chapter;
    chapter.start = *start;
    chapter.title = child.attribute("title").value();
    chapter.url = child.attribute("href").value();
    chapter.img = child.attribute("image").value();
    read.push_back(std::move(chapter));
  }
  if (read.empty()) return false;
  chapters = std::move(read);
  return true;
}

bool read_item_element(pugi::xml_node element, ResolvedName name, Episode& episode,
                       DescriptionPair& description, const NamespaceScope& scope) {
  std::string_view local = name.local;
  switch (name.ns) {
    case Namespace::rss:
      if (is(local, "title")) return fill_text(episode.title, element);
      if (is(local, "link")) return fill_text(episode.link, element);
      if (is(local, "description")) return read_description(element, description.plain);
      if (is(local, "guid")) {
        if (!episode.guid.empty() || !only_attributes(element, {"isPermaLink"})) return false;
        if (pugi::xml_attribute permalink = element.attribute("isPermaLink")) {
          episode.guid_is_permalink = parse_flag(permalink.value());
          if (!episode.guid_is_permalink) return false;
        }
        if (has_child_elements(element)) return false;
        episode.guid.assign(trim(ElementText(element).view()));
        return true;
      }
      if (is(local, "pubDate")) {
        if (episode.published) return false;
        episode.published = parse_feed_date(ElementText(element).view());
        return episode.published.has_value();
      }
      if (is(local, "enclosure")) {
        if (episode.enclosure) return false;
        Enclosure enclosure;
        enclosure.url = std::string(trim(element.attribute("url").value()));
        enclosure.type = element.attribute("type").value();
        if (pugi::xml_attribute length = element.attribute("length"))
          enclosure.length = parse_unsigned(length.value());
        // A length that is not a number is kept as written, with the other unknown attributes.
        bool odd_length = element.attribute("length") && !enclosure.length;
        keep_extra(episode.ext, "enclosure",
                   odd_length ? extra_attributes(element, {"url", "type"}, scope)
                              : extra_attributes(element, {"url", "type", "length"}, scope));
        episode.enclosure = std::move(enclosure);
        return true;
      }
      return false;
    case Namespace::content:
      return is(local, "encoded") && read_description(element, description.encoded);
    case Namespace::itunes:
      if (is(local, "duration")) {
        if (episode.duration) return false;
        episode.duration = parse_duration(ElementText(element).view());
        return episode.duration.has_value();
      }
      if (is(local, "image")) return read_image(element, episode.image, episode.ext, scope);
      if (is(local, "explicit")) return read_explicit(element, episode.explicit_content);
      if (is(local, "episodeType")) return fill_text(episode.episode_type, element);
      if (is(local, "subtitle")) return fill_text(episode.subtitle, element);
      if (is(local, "summary")) return fill_text(episode.summary, element);
      if (is(local, "keywords")) {
        if (!episode.keywords.empty()) return false;
        episode.keywords = split_keywords(ElementText(element).view());
        return true;
      }
      if (is(local, "season") || is(local, "episode")) {
        auto value = parse_unsigned(ElementText(element).view());
        if (!value || !element.attributes().empty()) return false;
        if (is(local, "season")) {
          if (episode.season && *episode.season != static_cast<std::int64_t>(*value)) return false;
          episode.season = static_cast<std::int64_t>(*value);
        } else {
          if (episode.number && *episode.number != static_cast<double>(*value)) return false;
          episode.number = static_cast<double>(*value);
        }
        return true;
      }
      return false;
    case Namespace::podcast:
      if (is(local, "season")) {
        auto value = parse_unsigned(ElementText(element).view());
        if (!value || (episode.season && *episode.season != static_cast<std::int64_t>(*value)))
          return false;
        episode.season = static_cast<std::int64_t>(*value);
        keep_extra(episode.ext, "podcast:season", extra_attributes(element, {}, scope));
        return true;
      }
      if (is(local, "episode")) {
        auto value = parse_decimal(ElementText(element).view());
        if (!value || (episode.number && *episode.number != *value)) return false;
        episode.number = *value;
        keep_extra(episode.ext, "podcast:episode", extra_attributes(element, {}, scope));
        return true;
      }
      if (is(local, "chapters")) {
        if (episode.chapters_link || has_child_elements(element)) return false;
        episode.chapters_link = read_file_link(element, scope);
        return true;
      }
      if (is(local, "transcript")) {
        if (has_child_elements(element)) return false;
        episode.transcript_links.push_back(read_file_link(element, scope));
        return true;
      }
      if (is(local, "person")) return read_person(element, episode.persons, scope);
      if (is(local, "soundbite")) {
        if (!only_attributes(element, {"startTime", "duration"}) || has_child_elements(element))
          return false;
        auto start = feed::parse_seconds(element.attribute("startTime").value());
        auto duration = feed::parse_seconds(element.attribute("duration").value());
        if (!start || !duration) return false;
        episode.soundbites.push_back(Soundbite{*start, *duration, trimmed_text(element)});
        return true;
      }
      if (is(local, "location")) {
        if (episode.location || has_child_elements(element)) return false;
        episode.location = Location{trimmed_text(element), element.attribute("geo").value(),
                                    element.attribute("osm").value()};
        keep_extra(episode.ext, "podcast:location",
                   extra_attributes(element, {"geo", "osm"}, scope));
        return true;
      }
      if (is(local, "license"))
        return read_license(element, episode.license, episode.license_url, episode.ext, scope);
      return false;
    case Namespace::psc:
      return is(local, "chapters") && read_psc(element, episode.chapters, scope);
    default:
      return false;
  }
}

bool read_category(pugi::xml_node element, Show& show, const NamespaceScope& scope) {
  if (!only_attributes(element, {"text"})) return false;
  Category category;
  category.text = element.attribute("text").value();
  if (category.text.empty()) return false;
  for (pugi::xml_node child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    ResolvedName name = scope.resolve(child.name());
    if (name.ns != Namespace::itunes || name.local != "category" ||
        !only_attributes(child, {"text"}) || has_child_elements(child))
      return false;
    category.subcategories.emplace_back(child.attribute("text").value());
  }
  show.categories.push_back(std::move(category));
  return true;
}

bool read_owner(pugi::xml_node element, Show& show, const NamespaceScope& scope) {
  if (!show.owner_name.empty() || !show.owner_email.empty() || !only_attributes(element, {}))
    return false;
  std::string owner_name, owner_email;
  for (pugi::xml_node child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    ResolvedName name = scope.resolve(child.name());
    if (name.ns != Namespace::itunes || has_child_elements(child)) return false;
    if (is(name.local, "name") && owner_name.empty())
      owner_name = trimmed_text(child);
    else if (is(name.local, "email") && owner_email.empty())
      owner_email = trimmed_text(child);
    else
      return false;
  }
  show.owner_name = std::move(owner_name);
  show.owner_email = std::move(owner_email);
  return true;
}

bool read_channel_element(pugi::xml_node element, ResolvedName name, Show& show,
                          DescriptionPair& description, const NamespaceScope& scope) {
  std::string_view local = name.local;
  switch (name.ns) {
    case Namespace::rss:
      if (is(local, "title")) return fill_text(show.title, element);
      if (is(local, "link")) return fill_text(show.link, element);
      if (is(local, "description")) return read_description(element, description.plain);
      if (is(local, "language")) return fill_text(show.language, element);
      if (is(local, "copyright")) return fill_text(show.copyright, element);
      return false;
    case Namespace::content:
      return is(local, "encoded") && read_description(element, description.encoded);
    case Namespace::atom:
      if (is(local, "link") && std::string_view(element.attribute("rel").value()) == "self" &&
          show.feed_url.empty() && only_attributes(element, {"href", "rel", "type"}) &&
          !has_child_elements(element)) {
        show.feed_url = std::string(trim(element.attribute("href").value()));
        return !show.feed_url.empty();
      }
      return false;
    case Namespace::itunes:
      if (is(local, "author")) return fill_text(show.author, element);
      if (is(local, "owner")) return read_owner(element, show, scope);
      if (is(local, "image")) return read_image(element, show.image, show.ext, scope);
      if (is(local, "category")) return read_category(element, show, scope);
      if (is(local, "explicit")) return read_explicit(element, show.explicit_content);
      if (is(local, "type")) return fill_text(show.type, element);
      if (is(local, "keywords")) {
        if (!show.keywords.empty()) return false;
        show.keywords = split_keywords(ElementText(element).view());
        return true;
      }
      return false;
    case Namespace::podcast:
      if (is(local, "guid"))
        return only_attributes(element, {}) && fill_text(show.podcast_guid, element);
      if (is(local, "locked")) {
        if (show.locked || !only_attributes(element, {"owner"})) return false;
        show.locked = parse_flag(ElementText(element).view());
        if (!show.locked) return false;
        show.locked_owner = element.attribute("owner").value();
        return true;
      }
      if (is(local, "funding")) {
        if (!only_attributes(element, {"url"}) || has_child_elements(element)) return false;
        show.funding.push_back(
            Funding{std::string(trim(element.attribute("url").value())), trimmed_text(element)});
        return true;
      }
      if (is(local, "person")) return read_person(element, show.persons, scope);
      if (is(local, "medium")) return fill_text(show.medium, element);
      if (is(local, "license"))
        return read_license(element, show.license, show.license_url, show.ext, scope);
      return false;
    default:
      return false;
  }
}

/// The first child element of `parent` named `name` (no prefix).
pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node child : parent.children())
    if (child.type() == pugi::node_element && name == child.name()) return child;
  return {};
}

}  // namespace

FeedReader::FeedReader(const ParsedFeed& feed, const std::string& input_name) {
  pugi::xml_node root = feed.document.document_element();
  if (!root || std::string_view(root.name()) != "rss") {
    std::string found = root ? std::string("<") + root.name() + ">" : std::string("no element");
    fail_input(input_name, 1, 1,
               "expected an RSS 2.0 feed (<rss> with a <channel>), found " + found +
                   (found == "<feed>" ? " (Atom feeds are not read)" : ""));
  }
  channel_ = child_named(root, "channel");
  if (!channel_) fail_input(input_name, 1, 1, "the <rss> element has no <channel>");
  scope_.declare(root);
  scope_.declare(channel_);
  std::size_t declarations = add_declared_namespaces(namespaces_, root);
  declarations += add_declared_namespaces(namespaces_, channel_);
  // The common case: every "xmlns:" in the text is on the root or the channel, so no element
  // below declares a namespace and none needs looking at for one.
  if (feed.xmlns_mentions > declarations)
    namespaces_ = declared_namespaces(root);
  else
    scope_.ignore_further_declarations();
}

void FeedReader::read_channel(Show& show) {
  DescriptionPair description;
  for (pugi::xml_node element = channel_.first_child(); element; element = element.next_sibling()) {
    if (element.type() != pugi::node_element || std::string_view(element.name()) == "item")
      continue;
    std::size_t mark = scope_.declare(element);
    ResolvedName name = scope_.resolve(element.name());
    bool used = read_channel_element(element, name, show, description, scope_);
    scope_.restore(mark);
    if (!used) keep_unknown(element, show.ext, scope_);
  }
  description.apply(show.description, show.ext);
  // No itunes:image: the RSS 2.0 <image><url> is the show's artwork (the element itself is kept).
  if (show.image.empty())
    if (pugi::xml_node url = child_named(child_named(channel_, "image"), "url"))
      show.image = trimmed_text(url);
  if (!namespaces_.members.empty()) {
    Value& namespaces = show.ext[std::string(namespaces_key)];
    for (const auto& [prefix, uri] : namespaces_.members) namespaces.set(prefix, uri);
  }
}

pugi::xml_node FeedReader::next_item(pugi::xml_node previous) const {
  pugi::xml_node node = previous ? previous.next_sibling() : channel_.first_child();
  while (node && (node.type() != pugi::node_element || std::string_view(node.name()) != "item"))
    node = node.next_sibling();
  return node;
}

void FeedReader::read_item(pugi::xml_node item, Episode& episode) {
  std::size_t mark = scope_.declare(item);
  DescriptionPair description;
  for (pugi::xml_node element = item.first_child(); element; element = element.next_sibling()) {
    if (element.type() != pugi::node_element) continue;
    std::size_t inner = scope_.declare(element);
    ResolvedName name = scope_.resolve(element.name());
    bool used = read_item_element(element, name, episode, description, scope_);
    scope_.restore(inner);
    if (!used) keep_unknown(element, episode.ext, scope_);
  }
  description.apply(episode.description, episode.ext);
  scope_.restore(mark);
}

void reset_episode(Episode& episode) {
  for (std::string* text : {&episode.guid, &episode.title, &episode.subtitle, &episode.link,
                            &episode.description, &episode.summary, &episode.image,
                            &episode.episode_type, &episode.license, &episode.license_url})
    text->clear();
  episode.guid_is_permalink.reset();
  episode.published.reset();
  episode.duration.reset();
  episode.enclosure.reset();
  episode.season.reset();
  episode.number.reset();
  episode.explicit_content.reset();
  episode.persons.clear();
  episode.chapters.clear();
  episode.transcript = Transcript();
  episode.chapters_link.reset();
  episode.transcript_links.clear();
  episode.notes.clear();
  episode.sponsors.clear();
  episode.soundbites.clear();
  episode.keywords.clear();
  episode.location.reset();
  episode.provenance.clear();
  episode.ext.clear();
}

void read_rss(const ParsedFeed& feed, const std::string& input_name, Show& show) {
  FeedReader reader(feed, input_name);
  reader.read_channel(show);
  std::size_t items = 0;
  for (pugi::xml_node item = reader.next_item({}); item; item = reader.next_item(item)) ++items;
  show.episodes.reserve(show.episodes.size() + items);
  for (pugi::xml_node item = reader.next_item({}); item; item = reader.next_item(item))
    reader.read_item(item, show.episodes.emplace_back());
}

}  // namespace castkit::rss
