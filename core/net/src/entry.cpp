// The one symbol castkit-net.so exports: the fetcher factory the host's loader looks up.
#include "curl_fetcher.hpp"

extern "C" __attribute__((visibility("default"))) castkit::net::Fetcher* castkit_net_create_fetcher(
    const castkit::net::FetchOptions* options) {
  try {
    return new castkit::net::CurlFetcher(options ? *options : castkit::net::FetchOptions{});
  } catch (...) {
    return nullptr;  // the loader reports that no fetcher could be created
  }
}
