// URL checks done before a request: only http and https, and which host a URL names.
#pragma once

#include <string>

namespace castkit::net {

/// The parts of an http(s) URL the fetcher needs.
struct HttpUrl {
  std::string scheme;  ///< "http" or "https", lower case
  std::string host;    ///< host name (lower case), used for per-host limits
};

/// Parses `url` with libcurl's URL parser. Throws castkit::Error(ErrorKind::io) naming the URL
/// when it is malformed or its scheme is not http or https.
HttpUrl parse_http_url(const std::string& url);

}  // namespace castkit::net
