// The on-disk HTTP cache: one file per URL holding the response and its validators (ETag,
// Last-Modified), so later runs revalidate with a conditional request and --offline runs answer
// from it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace castkit::net {

/// A response as kept in the cache.
struct CachedResponse {
  std::string final_url;      ///< URL after redirects
  long status = 200;          ///< always a 2xx status
  std::string content_type;   ///< Content-Type header
  std::string etag;           ///< ETag header, sent back as If-None-Match
  std::string last_modified;  ///< Last-Modified header, sent back as If-Modified-Since
  std::string body;           ///< decoded body
};

/// A cache directory. An empty directory disables the cache (nothing found, nothing stored).
class HttpCache {
 public:
  /// Uses `directory`, created on the first store.
  explicit HttpCache(std::filesystem::path directory) : directory_(std::move(directory)) {}

  /// The default directory: $XDG_CACHE_HOME/castkit/http, else ~/.cache/castkit/http, else none.
  static std::filesystem::path default_directory();

  /// The cached response for `url`, if there is a readable entry.
  std::optional<CachedResponse> load(const std::string& url) const;
  /// Stores `response` for `url` (written to a temporary file, then renamed). Returns false
  /// when the cache cannot be written; fetching carries on without it.
  bool store(const std::string& url, const CachedResponse& response) const;
  /// The file that holds `url`'s entry.
  std::filesystem::path entry_path(const std::string& url) const;
  /// The cache directory (empty when disabled).
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
};

}  // namespace castkit::net
