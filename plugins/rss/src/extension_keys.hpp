// The extension keys the rss plugin stores in the model (see docs/feeds.md).
#pragma once

#include <string_view>

namespace castkit::rss {

/// Show/Episode ext: array of strings, each an element the model has no field for, as XML.
inline constexpr std::string_view unknown_key = "rss.unknown";
/// Show ext: object prefix -> URI of the namespaces (other than castkit's own) the raw XML uses.
inline constexpr std::string_view namespaces_key = "rss.namespaces";
/// Show/Episode ext: the <description> text, kept when the feed had content:encoded as well.
inline constexpr std::string_view description_key = "rss.description";
/// Show/Episode ext prefix: "rss.attributes.<tag>" = object of attributes of <tag> the model
/// does not name (e.g. podcast:location rel/country, podcast:season name).
inline constexpr std::string_view attributes_key_prefix = "rss.attributes.";
/// Person/FileLink ext: object of attributes the model does not name.
inline constexpr std::string_view attributes_key = "rss.attributes";

}  // namespace castkit::rss
