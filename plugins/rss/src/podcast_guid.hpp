// podcast:guid: a UUIDv5 over the feed URL, as the Podcasting 2.0 namespace defines it.
#pragma once

#include <string>
#include <string_view>

namespace castkit::rss {

/// The Podcasting 2.0 guid of the feed at `feed_url`: UUIDv5 (SHA-1, libcrypto) in namespace
/// ead4c236-bf58-58c6-a2c6-a6b28d128cb6 over the URL without its scheme ("https://") and
/// without trailing slashes. Lower-case hex with dashes.
std::string podcast_guid_for(std::string_view feed_url);

/// True when `text` is a UUID in the 8-4-4-4-12 hex form.
bool is_uuid(std::string_view text);

/// The UUID version digit of a well-formed UUID (e.g. 5), or 0.
int uuid_version(std::string_view uuid);

}  // namespace castkit::rss
