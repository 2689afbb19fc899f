// Namespace URIs and the prefixes castkit writes for them.
#include "namespaces.hpp"

namespace castkit::rss {

Namespace namespace_of_uri(std::string_view uri) {
  if (uri == itunes_uri) return Namespace::itunes;
  if (uri == podcast_uri || uri == podcast_legacy_uri) return Namespace::podcast;
  // Feeds in the wild also write the namespace URIs with a trailing slash or over http.
  if (uri == "https://podcastindex.org/namespace/1.0/" ||
      uri == "http://podcastindex.org/namespace/1.0")
    return Namespace::podcast;
  if (uri == content_uri) return Namespace::content;
  if (uri == atom_uri) return Namespace::atom;
  if (uri == psc_uri) return Namespace::psc;
  return Namespace::other;
}

std::string_view canonical_prefix(Namespace ns) {
  switch (ns) {
    case Namespace::itunes:
      return "itunes";
    case Namespace::podcast:
      return "podcast";
    case Namespace::content:
      return "content";
    case Namespace::atom:
      return "atom";
    case Namespace::psc:
      return "psc";
    default:
      return "";
  }
}

}  // namespace castkit::rss
