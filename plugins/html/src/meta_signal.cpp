// OpenGraph, Twitter card and plain <meta> tags.
#include <algorithm>

#include "node_text.hpp"
#include "page_signals.hpp"
#include "page_url.hpp"
#include "time_text.hpp"

namespace castkit::html {
namespace {

struct MetaTag {
  std::string key;      ///< property or name, lower case
  std::string content;  ///< content, whitespace collapsed
};

std::vector<MetaTag> meta_tags(const pugi::xml_document& document) {
  static const pugi::xpath_query kMeta("//meta[@content]");
  std::vector<MetaTag> out;
  for (const pugi::xpath_node& found : kMeta.evaluate_node_set(document)) {
    const pugi::xml_node meta = found.node();
    for (const char* attribute : {"property", "name", "itemprop"}) {
      std::string key = meta.attribute(attribute).value();
      if (key.empty()) continue;
      std::transform(key.begin(), key.end(), key.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      out.push_back({std::move(key), collapse_whitespace(meta.attribute("content").value())});
    }
  }
  return out;
}

/// The first non-empty content for one of `keys` (in the order of `keys`), and the key.
std::pair<std::string, std::string> first_of(const std::vector<MetaTag>& tags,
                                             std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    for (const MetaTag& tag : tags)
      if (tag.key == key && !tag.content.empty()) return {tag.content, key};
  return {};
}

}  // namespace

std::vector<std::string> page_audio_urls(const PageView& page) {
  std::vector<std::string> out;
  for (const MetaTag& tag : meta_tags(page.document))
    if ((tag.key == "og:audio" || tag.key == "og:audio:url" || tag.key == "og:audio:secure_url" ||
         tag.key == "twitter:player:stream") &&
        !tag.content.empty())
      out.push_back(resolve_url(page.url, tag.content));
  static const pugi::xpath_query kAudio("//audio/@src | //audio/source/@src");
  for (const pugi::xpath_node& src : kAudio.evaluate_node_set(page.document))
    out.push_back(resolve_url(page.url, src.attribute().value()));
  return out;
}

void read_meta_tags(const PageView& page, EpisodeFill& fill) {
  const std::vector<MetaTag> tags = meta_tags(page.document);
  auto set_text = [&](std::string Episode::*field, const char* name,
                      std::initializer_list<const char*> keys, bool is_url) {
    auto [value, key] = first_of(tags, keys);
    if (is_url && !value.empty()) value = resolve_url(page.url, value);
    fill.text(field, name, std::move(value), "meta " + key);
  };
  set_text(&Episode::title, "title", {"og:title", "twitter:title"}, false);
  set_text(&Episode::description, "description",
           {"og:description", "twitter:description", "description"}, false);
  set_text(&Episode::image, "image", {"og:image", "og:image:url", "twitter:image"}, true);
  if (auto [url, key] = first_of(tags, {"og:url"}); !url.empty()) {
    url = resolve_url(page.url, url);
    if (url.starts_with("http")) fill.text(&Episode::link, "link", url, "meta " + key);
  }

  auto [audio, audio_key] =
      first_of(tags, {"og:audio", "og:audio:url", "og:audio:secure_url", "twitter:player:stream"});
  auto [audio_type, type_key] =
      first_of(tags, {"og:audio:type", "twitter:player:stream:content_type"});
  if (!audio.empty()) fill.audio(resolve_url(page.url, audio), audio_type, "meta " + audio_key);

  auto [site, site_key] = first_of(tags, {"og:site_name"});
  fill.show_title(site, "meta " + site_key);
  auto [published, published_key] = first_of(tags, {"article:published_time", "og:published_time"});
  fill.optional(&Episode::published, "published", parse_iso_datetime(published),
                "meta " + published_key);
  auto [duration, duration_key] =
      first_of(tags, {"og:audio:duration", "music:duration", "duration"});
  fill.optional(&Episode::duration, "duration", parse_offset(duration), "meta " + duration_key);

  static const pugi::xpath_query kCanonical(
      "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href");
  if (const pugi::xpath_node canonical = kCanonical.evaluate_node(page.document)) {
    // A relative canonical URL on a saved page (no URL to resolve it against) names nothing.
    const std::string url = resolve_url(page.url, canonical.attribute().value());
    if (url.starts_with("http")) fill.text(&Episode::link, "link", url, "link rel=canonical");
  }
}

}  // namespace castkit::html
