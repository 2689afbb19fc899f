// The XML namespaces a podcast feed uses, matched on URI (never on prefix).
#pragma once

#include <string_view>

namespace castkit::rss {

/// Namespaces the rss plugin understands, with the prefix it writes for each.
enum class Namespace { rss, itunes, podcast, content, atom, psc, other };

inline constexpr std::string_view itunes_uri = "http://www.itunes.com/dtds/podcast-1.0.dtd";
inline constexpr std::string_view podcast_uri = "https://podcastindex.org/namespace/1.0";
/// The namespace's first URI, still used by many feeds; read as the same namespace.
inline constexpr std::string_view podcast_legacy_uri =
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md";
inline constexpr std::string_view content_uri = "http://purl.org/rss/1.0/modules/content/";
inline constexpr std::string_view atom_uri = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view psc_uri = "http://podlove.org/simple-chapters";

/// Which known namespace `uri` names (`other` when none).
Namespace namespace_of_uri(std::string_view uri);

/// The prefix castkit writes for a known namespace ("" for rss and other).
std::string_view canonical_prefix(Namespace ns);

}  // namespace castkit::rss
