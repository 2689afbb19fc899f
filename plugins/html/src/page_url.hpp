// URLs found in a page, made absolute against the page's own URL.
#pragma once

#include <string>
#include <string_view>

namespace castkit::html {

/// `href` resolved against `base` (RFC 3986, with libxml2's xmlBuildURI); `href` unchanged when
/// `base` is empty or resolution fails. Whitespace around `href` is dropped.
std::string resolve_url(std::string_view base, std::string_view href);

/// `url` without its fragment and trailing slash, lower-case scheme and host: for comparing a
/// page's URL with a feed item's link.
std::string comparable_url(std::string_view url);

}  // namespace castkit::html
