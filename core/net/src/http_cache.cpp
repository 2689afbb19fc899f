#include "http_cache.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <system_error>

#include <unistd.h>

#include <openssl/sha.h>

namespace castkit::net {
namespace {

constexpr std::string_view kMagic = "castkit-http-cache 1\n";

std::string sha256_hex(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

/// A header value without line breaks, so one entry line stays one line.
std::string one_line(const std::string& value) {
  std::string out = value;
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

std::filesystem::path HttpCache::default_directory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "castkit" / "http";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "castkit" / "http";
  return {};
}

std::filesystem::path HttpCache::entry_path(const std::string& url) const {
  return directory_ / (sha256_hex(url) + ".entry");
}

std::optional<CachedResponse> HttpCache::load(const std::string& url) const {
  if (directory_.empty()) return std::nullopt;
  std::ifstream file(entry_path(url), std::ios::binary);
  if (!file) return std::nullopt;
  const std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::string_view rest(data);
  if (!rest.starts_with(kMagic)) return std::nullopt;
  rest.remove_prefix(kMagic.size());
  CachedResponse out;
  std::string stored_url;
  // Header lines "name: value" up to an empty line, then the body.
  while (true) {
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    if (line.empty()) break;
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view name = line.substr(0, colon);
    const std::string value(line.substr(colon + 2));
    if (name == "url")
      stored_url = value;
    else if (name == "final_url")
      out.final_url = value;
    else if (name == "status")
      out.status = std::strtol(value.c_str(), nullptr, 10);
    else if (name == "content_type")
      out.content_type = value;
    else if (name == "etag")
      out.etag = value;
    else if (name == "last_modified")
      out.last_modified = value;
  }
  if (stored_url != url) return std::nullopt;  // a hash collision or a foreign file
  out.body.assign(rest);
  return out;
}

bool HttpCache::store(const std::string& url, const CachedResponse& response) const {
  if (directory_.empty()) return false;
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) return false;
  const std::filesystem::path target = entry_path(url);
  std::filesystem::path temporary = target;
  temporary += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return false;
    file << kMagic << "url: " << one_line(url) << "\nfinal_url: " << one_line(response.final_url)
         << "\nstatus: " << response.status << "\ncontent_type: " << one_line(response.content_type)
         << "\netag: " << one_line(response.etag)
         << "\nlast_modified: " << one_line(response.last_modified) << "\n\n";
    file.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
    if (!file.flush()) {
      file.close();
      std::filesystem::remove(temporary, error);
      return false;
    }
  }
  std::filesystem::rename(temporary, target, error);
  if (error) std::filesystem::remove(temporary, error);
  return !error;
}

}  // namespace castkit::net
