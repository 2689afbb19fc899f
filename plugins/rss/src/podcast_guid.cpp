// UUIDv5 (RFC 4122 section 4.3) with Nettle's SHA-1.
#include "podcast_guid.hpp"

#include <nettle/sha1.h>

#include <array>
#include <cstdint>
#include <string>

namespace castkit::rss {
namespace {

constexpr std::array<std::uint8_t, 16> podcast_namespace = {
    0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6, 0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6};

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::string podcast_guid_for(std::string_view feed_url) {
  if (auto scheme = feed_url.find("://"); scheme != std::string_view::npos)
    feed_url.remove_prefix(scheme + 3);
  while (!feed_url.empty() && feed_url.back() == '/') feed_url.remove_suffix(1);

  // SHA-1 over the namespace's bytes followed by the URL's, fed in turn (no joined copy).
  sha1_ctx sha1;
  sha1_init(&sha1);
  sha1_update(&sha1, podcast_namespace.size(), podcast_namespace.data());
  sha1_update(&sha1, feed_url.size(), reinterpret_cast<const std::uint8_t*>(feed_url.data()));
  std::uint8_t digest[SHA1_DIGEST_SIZE];
  sha1_digest(&sha1, SHA1_DIGEST_SIZE, digest);
  digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant

  static constexpr char hex[] = "0123456789abcdef";
  std::string uuid;
  uuid.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) uuid += '-';
    uuid += hex[digest[i] >> 4];
    uuid += hex[digest[i] & 0x0F];
  }
  return uuid;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < 36; ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !is_hex(text[i])) return false;
  }
  return true;
}

int uuid_version(std::string_view uuid) {
  if (!is_uuid(uuid)) return 0;
  char c = uuid[14];
  return c >= '0' && c <= '9' ? c - '0' : 10 + ((c | 0x20) - 'a');
}

}  // namespace castkit::rss
