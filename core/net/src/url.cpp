#include "url.hpp"

#include <algorithm>
#include <memory>

#include <curl/curl.h>

#include "castkit/diagnostics.hpp"

namespace castkit::net {
namespace {

[[noreturn]] void fail_url(const std::string& url, const std::string& why) {
  throw Error(ErrorKind::io, Diagnostic{Severity::error, url, 0, 0, why});
}

std::string url_part(CURLU* handle, CURLUPart part) {
  char* text = nullptr;
  if (curl_url_get(handle, part, &text, 0) != CURLUE_OK || !text) return {};
  std::string out(text);
  curl_free(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return out;
}

}  // namespace

HttpUrl parse_http_url(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
  if (!handle) fail_url(url, "out of memory parsing the URL");
  if (const CURLUcode code = curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0);
      code != CURLUE_OK)
    fail_url(url, std::string("not a valid URL: ") + curl_url_strerror(code));
  HttpUrl out{url_part(handle.get(), CURLUPART_SCHEME), url_part(handle.get(), CURLUPART_HOST)};
  if (out.scheme != "http" && out.scheme != "https")
    fail_url(url, "only http and https URLs can be fetched, not " + out.scheme + ":");
  if (out.host.empty()) fail_url(url, "the URL names no host");
  return out;
}

}  // namespace castkit::net
