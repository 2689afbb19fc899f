// A streaming writer: one pass over the model, appending to one string. (pugixml's DOM would
// allocate a node per tag and copy every text twice; the benchmark goal asks for less.)
#include "rss_writer.hpp"

#include <charconv>
#include <cmath>
#include <initializer_list>

#include "castkit/feed/append_buffer.hpp"
#include "castkit/feed/npt_time.hpp"
#include "castkit/feed/seconds.hpp"
#include "castkit/feed/xml_escape.hpp"
#include "extension_keys.hpp"
#include "feed_values.hpp"
#include "namespaces.hpp"
#include "podcast_guid.hpp"

namespace castkit::rss {
namespace {

using feed::append_cdata;
using feed::append_xml_attribute;
using feed::append_xml_text;

constexpr std::size_t apple_description_limit = 4000;

/// A new line and the indentation of nesting levels 0 to 4.
constexpr std::string_view line_starts[] = {"\n", "\n  ", "\n    ", "\n      ", "\n        "};

/// A tag or attribute name fixed at compile time, usable as a template argument.
template <std::size_t N>
struct Name {
  char chars[N - 1]{};
  constexpr Name(const char (&text)[N]) {  // NOLINT: implicit, so that "title" is a Name
    for (std::size_t i = 0; i + 1 < N; ++i) chars[i] = text[i];
  }
  constexpr std::string_view view() const { return {chars, N - 1}; }
};

/// Characters joined at compile time.
template <std::size_t Size>
struct Joined {
  char chars[Size]{};
  constexpr std::string_view view() const { return {chars, Size}; }
};

template <std::size_t Size>
constexpr Joined<Size> join(std::initializer_list<std::string_view> parts) {
  Joined<Size> joined;
  std::size_t at = 0;
  for (std::string_view part : parts)
    for (char c : part) joined.chars[at++] = c;
  return joined;
}

/// The markup around element `name` at nesting `level`, built at compile time, so that writing a
/// tag is one append.
template <int level, Name name>
struct Tag {
  static constexpr std::string_view line = line_starts[level];
  static constexpr std::string_view text = name.view();
  static constexpr auto open_chars = join<line.size() + 1 + text.size()>({line, "<", text});
  static constexpr auto start_chars = join<line.size() + 2 + text.size()>({line, "<", text, ">"});
  static constexpr auto end_chars = join<3 + text.size()>({"</", text, ">"});
  static constexpr auto close_chars = join<line.size() + 3 + text.size()>({line, "</", text, ">"});
  static constexpr std::string_view open = open_chars.view();    ///< "\n  <name"
  static constexpr std::string_view start = start_chars.view();  ///< "\n  <name>"
  static constexpr std::string_view end = end_chars.view();      ///< "</name>"
  static constexpr std::string_view close = close_chars.view();  ///< "\n  </name>"
};

/// ` name="`, built at compile time.
template <Name name>
struct AttributeStart {
  static constexpr auto chars = join<3 + name.view().size()>({" ", name.view(), "=\""});
  static constexpr std::string_view text = chars.view();
};

/// Appends tags at a fixed indentation (levels 0 to 4); the only place that writes markup.
class TagWriter {
 public:
  explicit TagWriter(feed::AppendBuffer& out) : out_(out) {}

  /// A new line indented for nesting `level`.
  void indent(int level) { out_.put(line_starts[level]); }

  /// `<name>` on its own line, content to follow.
  template <int level, Name name>
  void start() {
    out_.put(Tag<level, name>::start);
  }
  /// `<name attrs...>` (attributes follow with attribute(); close with end_open()).
  template <int level, Name name>
  void open() {
    out_.put(Tag<level, name>::open);
  }
  /// ` name="value"`, the value escaped.
  template <Name name>
  void attribute(std::string_view value) {
    out_.put(AttributeStart<name>::text);
    append_xml_attribute(out_, value);
    out_.put('"');
  }
  /// ` name="value"` for a value known to need no escaping (a number, a fixed word).
  template <Name name>
  void plain_attribute(std::string_view value) {
    out_.put(AttributeStart<name>::text);
    out_.put_run(value);
    out_.put('"');
  }
  /// ` name="number"`.
  template <Name name>
  void number_attribute(std::uint64_t number) {
    out_.put(AttributeStart<name>::text);
    constexpr std::size_t most_digits = 20;
    char* at = out_.room(most_digits);
    out_.advance(std::to_chars(at, at + most_digits, number).ptr);
    out_.put('"');
  }
  /// ` name="value"` with a name known only when writing (kept from an imported feed).
  void named_attribute(std::string_view name, std::string_view value) {
    out_.put(' ');
    out_.put(name);
    out_.put("=\"");
    append_xml_attribute(out_, value);
    out_.put('"');
  }
  /// Attributes kept from an imported feed (an object of strings).
  void extra_attributes(const Value* extra) {
    if (!extra || extra->kind != Value::Kind::object) return;
    for (const auto& [name, value] : extra->members)
      if (value.kind == Value::Kind::string) named_attribute(name, value.string);
  }
  void end_open() { out_.put('>'); }
  void end_empty() { out_.put("/>"); }
  /// `</name>` on a new line.
  template <int level, Name name>
  void close() {
    out_.put(Tag<level, name>::close);
  }
  /// `</name>` right after the content.
  template <Name name>
  void end() {
    out_.put(Tag<0, name>::end);
  }
  /// `<name>text</name>` on its own line.
  template <int level, Name name>
  void text_element(std::string_view text) {
    out_.put(Tag<level, name>::start);
    append_xml_text(out_, text);
    out_.put(Tag<level, name>::end);
  }
  /// `<name>text</name>` on its own line for text known to need no escaping (a fixed word).
  template <int level, Name name>
  void plain_element(std::string_view text) {
    out_.put(Tag<level, name>::start);
    out_.put_run(text);
    out_.put(Tag<level, name>::end);
  }
  /// `<name>number</name>` on its own line.
  template <int level, Name name>
  void number_element(std::int64_t number) {
    out_.put(Tag<level, name>::start);
    append_number(number);
    out_.put(Tag<level, name>::end);
  }
  /// A number as text content.
  void append_number(std::int64_t number) {
    constexpr std::size_t most_digits = 20;
    char* at = out_.room(most_digits);
    out_.advance(std::to_chars(at, at + most_digits, number).ptr);
  }
  /// `<name>text</name>` only when text is not empty.
  template <int level, Name name>
  void optional_element(std::string_view text) {
    if (!text.empty()) text_element<level, name>(text);
  }
  /// `<name><![CDATA[text]]></name>` on its own line.
  template <int level, Name name>
  void cdata_element(std::string_view text) {
    out_.put(Tag<level, name>::start);
    append_cdata(out_, text);
    out_.put(Tag<level, name>::end);
  }
  /// Text content after end_open().
  void text(std::string_view text) { append_xml_text(out_, text); }
  void raw(std::string_view markup) { out_.put(markup); }
  feed::AppendBuffer& out() { return out_; }

 private:
  feed::AppendBuffer& out_;
};

/// `key` in a non-empty `ext`, or null.
[[gnu::noinline]] const Value* look_up(const Extensions& ext, const std::string& key) {
  auto it = ext.find(key);
  return it == ext.end() ? nullptr : &it->second;
}

/// `key` in `ext`, or null; the common case, no extensions, checked inline with no key built.
inline const Value* find_ext(const Extensions& ext, std::string_view key) {
  return ext.empty() ? nullptr : look_up(ext, std::string(key));
}

/// The attributes of `tag` the model does not name, kept in `ext`, or null.
inline const Value* attributes_for(const Extensions& ext, std::string_view tag) {
  return ext.empty() ? nullptr
                     : look_up(ext, std::string(attributes_key_prefix) + std::string(tag));
}

void write_unknown(TagWriter& w, int level, const Extensions& ext) {
  if (ext.empty()) return;
  const Value* unknown = find_ext(ext, unknown_key);
  if (!unknown || unknown->kind != Value::Kind::array) return;
  for (const Value& markup : unknown->items) {
    if (markup.kind != Value::Kind::string) continue;
    w.indent(level);
    w.raw(markup.string);
  }
}

template <int level>
void write_persons(TagWriter& w, const std::vector<Person>& persons) {
  for (const Person& person : persons) {
    w.open<level, "podcast:person">();
    if (!person.role.empty()) w.attribute<"role">(person.role);
    if (!person.group.empty()) w.attribute<"group">(person.group);
    if (!person.img.empty()) w.attribute<"img">(person.img);
    if (!person.href.empty()) w.attribute<"href">(person.href);
    w.extra_attributes(find_ext(person.ext, attributes_key));
    w.end_open();
    w.text(person.name);
    w.end<"podcast:person">();
  }
}

template <int level>
void write_location(TagWriter& w, const Location& location, const Extensions& ext) {
  w.open<level, "podcast:location">();
  if (!location.geo.empty()) w.attribute<"geo">(location.geo);
  if (!location.osm.empty()) w.attribute<"osm">(location.osm);
  w.extra_attributes(attributes_for(ext, "podcast:location"));
  w.end_open();
  w.text(location.name);
  w.end<"podcast:location">();
}

template <int level>
void write_license(TagWriter& w, const std::string& license, const std::string& url,
                   const Extensions& ext) {
  if (license.empty() && url.empty()) return;
  w.open<level, "podcast:license">();
  if (!url.empty()) w.attribute<"url">(url);
  w.extra_attributes(attributes_for(ext, "podcast:license"));
  w.end_open();
  w.text(license);
  w.end<"podcast:license">();
}

template <int level>
void write_keywords(TagWriter& w, const std::vector<std::string>& keywords) {
  if (keywords.empty()) return;
  std::string joined;
  for (const auto& keyword : keywords) {
    if (!joined.empty()) joined += ',';
    joined += keyword;
  }
  w.text_element<level, "itunes:keywords">(joined);
}

template <int level>
void write_image(TagWriter& w, const std::string& href, const Extensions& ext) {
  if (href.empty()) return;
  w.open<level, "itunes:image">();
  w.attribute<"href">(href);
  w.extra_attributes(attributes_for(ext, "itunes:image"));
  w.end_empty();
}

template <int level, Name tag>
void write_file_link(TagWriter& w, const FileLink& link) {
  w.open<level, tag>();
  w.attribute<"url">(link.url);
  if (!link.type.empty()) w.attribute<"type">(link.type);
  if (!link.language.empty()) w.attribute<"language">(link.language);
  if (!link.rel.empty()) w.attribute<"rel">(link.rel);
  w.extra_attributes(find_ext(link.ext, attributes_key));
  w.end_empty();
}

/// The description as stored for <description> when the feed also had content:encoded.
const std::string* plain_description(const Extensions& ext) {
  const Value* value = find_ext(ext, description_key);
  return value && value->kind == Value::Kind::string ? &value->string : nullptr;
}

/// Cuts `text` to at most `limit` bytes on a UTF-8 character boundary.
std::string_view cut_utf8(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

void write_channel_head(TagWriter& w, const Show& show, std::vector<std::string>& warnings) {
  w.text_element<2, "title">(show.title);
  w.optional_element<2, "link">(show.link);
  const std::string* plain = plain_description(show.ext);
  std::string_view description =
      plain ? std::string_view(*plain) : std::string_view(show.description);
  if (description.size() > apple_description_limit) {
    warnings.push_back("the channel description has " + std::to_string(description.size()) +
                       " bytes; cut to Apple's limit of 4000");
    description = cut_utf8(description, apple_description_limit);
  }
  w.cdata_element<2, "description">(description);
  if (plain) w.cdata_element<2, "content:encoded">(show.description);
  w.optional_element<2, "language">(show.language);
  w.optional_element<2, "copyright">(show.copyright);
  if (!show.feed_url.empty()) {
    w.open<2, "atom:link">();
    w.attribute<"href">(show.feed_url);
    w.plain_attribute<"rel">("self");
    w.plain_attribute<"type">("application/rss+xml");
    w.end_empty();
  }
  w.optional_element<2, "itunes:author">(show.author);
  if (!show.owner_name.empty() || !show.owner_email.empty()) {
    w.start<2, "itunes:owner">();
    w.optional_element<3, "itunes:name">(show.owner_name);
    w.optional_element<3, "itunes:email">(show.owner_email);
    w.close<2, "itunes:owner">();
  }
  write_image<2>(w, show.image, show.ext);
  for (const Category& category : show.categories) {
    w.open<2, "itunes:category">();
    w.attribute<"text">(category.text);
    if (category.subcategories.empty()) {
      w.end_empty();
      continue;
    }
    w.end_open();
    for (const auto& sub : category.subcategories) {
      w.open<3, "itunes:category">();
      w.attribute<"text">(sub);
      w.end_empty();
    }
    w.close<2, "itunes:category">();
  }
  if (show.explicit_content)
    w.plain_element<2, "itunes:explicit">(*show.explicit_content ? "true" : "false");
  w.optional_element<2, "itunes:type">(show.type);
  write_keywords<2>(w, show.keywords);

  std::string guid = show.podcast_guid;
  if (guid.empty() && !show.feed_url.empty()) guid = podcast_guid_for(show.feed_url);
  w.optional_element<2, "podcast:guid">(guid);
  if (show.locked) {
    w.open<2, "podcast:locked">();
    if (!show.locked_owner.empty()) w.attribute<"owner">(show.locked_owner);
    w.end_open();
    w.text(*show.locked ? "yes" : "no");
    w.end<"podcast:locked">();
  }
  for (const Funding& funding : show.funding) {
    w.open<2, "podcast:funding">();
    w.attribute<"url">(funding.url);
    w.end_open();
    w.text(funding.text);
    w.end<"podcast:funding">();
  }
  write_persons<2>(w, show.persons);
  w.optional_element<2, "podcast:medium">(show.medium);
  write_license<2>(w, show.license, show.license_url, show.ext);
  write_unknown(w, 2, show.ext);
}

void write_item(TagWriter& w, const Episode& episode, const WriteOptions& options) {
  feed::AppendBuffer& out = w.out();
  w.start<2, "item">();
  w.text_element<3, "title">(episode.title);
  w.optional_element<3, "link">(episode.link);
  if (const std::string* plain = plain_description(episode.ext)) {
    w.cdata_element<3, "description">(*plain);
    w.cdata_element<3, "content:encoded">(episode.description);
  } else if (!episode.description.empty()) {
    w.cdata_element<3, "description">(episode.description);
  }
  if (!episode.guid.empty() || episode.guid_is_permalink) {
    w.open<3, "guid">();
    if (episode.guid_is_permalink)
      w.plain_attribute<"isPermaLink">(*episode.guid_is_permalink ? "true" : "false");
    w.end_open();
    w.text(episode.guid);
    w.end<"guid">();
  }
  if (episode.published) {
    w.start<3, "pubDate">();
    append_rfc2822(out, *episode.published);
    w.end<"pubDate">();
  }
  if (episode.enclosure) {
    w.open<3, "enclosure">();
    w.attribute<"url">(episode.enclosure->url);
    if (episode.enclosure->length) w.number_attribute<"length">(*episode.enclosure->length);
    if (!episode.enclosure->type.empty()) w.attribute<"type">(episode.enclosure->type);
    w.extra_attributes(attributes_for(episode.ext, "enclosure"));
    w.end_empty();
  }
  if (episode.duration) {
    w.start<3, "itunes:duration">();
    feed::append_seconds(out, *episode.duration);
    w.end<"itunes:duration">();
  }
  write_image<3>(w, episode.image, episode.ext);
  if (episode.explicit_content)
    w.plain_element<3, "itunes:explicit">(*episode.explicit_content ? "true" : "false");
  w.optional_element<3, "itunes:episodeType">(episode.episode_type);
  if (episode.season && *episode.season > 0) w.number_element<3, "itunes:season">(*episode.season);
  if (episode.number && *episode.number >= 1 && std::floor(*episode.number) == *episode.number &&
      *episode.number < 1e15)
    w.number_element<3, "itunes:episode">(static_cast<std::int64_t>(*episode.number));
  w.optional_element<3, "itunes:subtitle">(episode.subtitle);
  w.optional_element<3, "itunes:summary">(episode.summary);
  write_keywords<3>(w, episode.keywords);

  if (episode.season) {
    w.open<3, "podcast:season">();
    w.extra_attributes(attributes_for(episode.ext, "podcast:season"));
    w.end_open();
    w.append_number(*episode.season);
    w.end<"podcast:season">();
  }
  if (episode.number) {
    w.open<3, "podcast:episode">();
    w.extra_attributes(attributes_for(episode.ext, "podcast:episode"));
    w.end_open();
    append_decimal(out, *episode.number);
    w.end<"podcast:episode">();
  }
  if (episode.chapters_link) write_file_link<3, "podcast:chapters">(w, *episode.chapters_link);
  for (const FileLink& link : episode.transcript_links)
    write_file_link<3, "podcast:transcript">(w, link);
  write_persons<3>(w, episode.persons);
  for (const Soundbite& soundbite : episode.soundbites) {
    w.open<3, "podcast:soundbite">();
    std::string seconds;
    feed::append_seconds(seconds, soundbite.start);
    w.plain_attribute<"startTime">(seconds);
    seconds.clear();
    feed::append_seconds(seconds, soundbite.duration);
    w.plain_attribute<"duration">(seconds);
    if (soundbite.title.empty()) {
      w.end_empty();
      continue;
    }
    w.end_open();
    w.text(soundbite.title);
    w.end<"podcast:soundbite">();
  }
  if (episode.location) write_location<3>(w, *episode.location, episode.ext);
  write_license<3>(w, episode.license, episode.license_url, episode.ext);
  if (!episode.chapters.empty() && (!episode.chapters_link || options.always_inline_chapters)) {
    w.open<3, "psc:chapters">();
    w.plain_attribute<"version">("1.2");
    w.end_open();
    for (const Chapter& chapter : episode.chapters) {
      w.open<4, "psc:chapter">();
      w.plain_attribute<"start">(feed::format_npt(chapter.start));
      w.attribute<"title">(chapter.title);
      if (!chapter.url.empty()) w.attribute<"href">(chapter.url);
      if (!chapter.img.empty()) w.attribute<"image">(chapter.img);
      w.end_empty();
    }
    w.close<3, "psc:chapters">();
  }
  write_unknown(w, 3, episode.ext);
  w.close<2, "item">();
}

/// A rough size of the output, so the string grows once.
std::size_t estimated_size(const Show& show) {
  std::size_t size = 4096 + show.description.size();
  for (const Episode& episode : show.episodes)
    size += 1200 + episode.description.size() + episode.title.size() + episode.summary.size() +
            episode.persons.size() * 200 + episode.transcript_links.size() * 150;
  return size;
}

}  // namespace

std::vector<std::string> write_feed_head(const Show& show, std::string& out) {
  std::vector<std::string> warnings;
  feed::AppendBuffer buffer(out, 4096 + show.description.size());
  TagWriter w(buffer);
  buffer.put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"");
  w.attribute<"xmlns:itunes">(itunes_uri);
  w.attribute<"xmlns:podcast">(podcast_uri);
  w.attribute<"xmlns:content">(content_uri);
  w.attribute<"xmlns:atom">(atom_uri);
  w.attribute<"xmlns:psc">(psc_uri);
  if (const Value* namespaces = find_ext(show.ext, namespaces_key);
      namespaces && namespaces->kind == Value::Kind::object)
    for (const auto& [prefix, uri] : namespaces->members)
      if (uri.kind == Value::Kind::string) w.named_attribute("xmlns:" + prefix, uri.string);
  buffer.put('>');
  w.start<1, "channel">();
  write_channel_head(w, show, warnings);
  return warnings;
}

void write_feed_item(const Episode& episode, std::string& out, const WriteOptions& options) {
  feed::AppendBuffer buffer(out);
  TagWriter w(buffer);
  write_item(w, episode, options);
}

void write_feed_tail(std::string& out) {
  feed::AppendBuffer buffer(out);
  TagWriter w(buffer);
  w.close<1, "channel">();
  buffer.put("\n</rss>\n");
}

std::vector<std::string> write_rss(const Show& show, std::string& out,
                                   const WriteOptions& options) {
  out.reserve(out.size() + estimated_size(show));
  std::vector<std::string> warnings = write_feed_head(show, out);
  for (const Episode& episode : show.episodes) write_feed_item(episode, out, options);
  write_feed_tail(out);
  return warnings;
}

}  // namespace castkit::rss
