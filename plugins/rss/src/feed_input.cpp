// Feed decoding: SIMD UTF-8 validation (simdjson) on the fast path, iconv for other encodings.
#include "feed_input.hpp"

#include <simdjson.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "castkit/diagnostics.hpp"
#include "castkit/text.hpp"

namespace castkit::rss {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

/// The encoding named in the XML declaration, lower-cased, or "" when none.
std::string declared_encoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return {};
  std::string_view declaration = bytes.substr(0, bytes.find("?>"));
  std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return {};
  at = declaration.find_first_of("\"'", at);
  if (at == std::string_view::npos) return {};
  std::size_t end = declaration.find(declaration[at], at + 1);
  if (end == std::string_view::npos) return {};
  std::string name(declaration.substr(at + 1, end - at - 1));
  for (char& c : name) c = lower(c);
  return name;
}

bool is_utf8_name(const std::string& name) {
  return name.empty() || name == "utf-8" || name == "utf8";
}

}  // namespace

std::string_view feed_as_utf8(std::string_view bytes, const std::string& forced_encoding,
                              const std::string& input_name, std::string& converted) {
  bool has_bom = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF" ||
                 bytes.substr(0, 3) == "\xEF\xBB\xBF";
  std::string encoding = forced_encoding;
  if (encoding.empty() && !has_bom) {
    std::string declared = declared_encoding(bytes);
    if (!is_utf8_name(declared)) encoding = declared;
  }
  if (!encoding.empty() || has_bom) {
    DecodedText decoded = decode_to_utf8(bytes, encoding, input_name);
    if (!decoded.converted) return decoded.text();
    converted = std::move(decoded.storage);
    return converted;
  }
  if (!simdjson::validate_utf8(bytes.data(), bytes.size())) {
    std::size_t offset = find_invalid_utf8(bytes).value_or(0);
    TextPosition at = position_at(bytes, offset);
    fail_input(input_name, at.line, at.column,
               "byte offset " + std::to_string(offset) +
                   " is not valid UTF-8 and the feed declares no other encoding; "
                   "give the right one with --input-encoding (e.g. cp1252)");
  }
  return bytes;
}

std::string feed_to_utf8(std::string_view bytes, const std::string& forced_encoding,
                         const std::string& input_name) {
  std::string converted;
  const std::string_view text = feed_as_utf8(bytes, forced_encoding, input_name, converted);
  return text.data() == converted.data() ? std::move(converted) : std::string(text);
}

// Text that is an element's only content is stored in the element itself: fewer nodes, less
// memory, a faster parse (xml_names.hpp reads both forms).
constexpr unsigned parse_options = pugi::parse_default | pugi::parse_embed_pcdata;

void parse_feed(ParsedFeed& feed, std::string_view bytes, const std::string& forced_encoding,
                const std::string& input_name) {
  decode_feed(feed, bytes, forced_encoding, input_name);
  parse_decoded_feed(feed, bytes, forced_encoding, input_name);
}

void decode_feed(ParsedFeed& feed, std::string_view bytes, const std::string& forced_encoding,
                 const std::string& input_name) {
  std::string converted;
  feed.text = ParseBuffer(feed_as_utf8(bytes, forced_encoding, input_name, converted));
  feed.xmlns_mentions = count_occurrences(feed.text.view(), "xmlns:");
}

void parse_decoded_feed(ParsedFeed& feed, std::string_view bytes,
                        const std::string& forced_encoding, const std::string& input_name) {
  pugi::xml_parse_result result = feed.document.load_buffer_inplace(
      feed.text.data(), feed.text.size(), parse_options, pugi::encoding_utf8);
  if (!result) {
    // In-place parsing rewrote the buffer: count lines in a fresh copy of the text.
    std::string text = feed_to_utf8(bytes, forced_encoding, input_name);
    TextPosition at = position_at(text, static_cast<std::size_t>(result.offset));
    fail_input(input_name, at.line, at.column,
               std::string("not well-formed XML: ") + result.description());
  }
}

std::size_t count_occurrences(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  const char* p = text.data();
  const char* end = p + text.size();
#if defined(__SSE2__)
  // 16 positions per step: candidates are where both the first and the last byte of the needle
  // match; only those are compared whole.
  const std::size_t last = needle.size() - 1;
  const __m128i first_byte = _mm_set1_epi8(needle.front());
  const __m128i last_byte = _mm_set1_epi8(needle.back());
  while (static_cast<std::size_t>(end - p) >= 16 + last) {
    __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + last));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpeq_epi8(head, first_byte), _mm_cmpeq_epi8(tail, last_byte))));
    while (mask != 0) {
      int at = __builtin_ctz(mask);
      count += std::memcmp(p + at, needle.data(), needle.size()) == 0;
      mask &= mask - 1;
    }
    p += 16;
  }
#endif
  std::string_view rest(p, static_cast<std::size_t>(end - p));
  for (std::size_t at = rest.find(needle); at != std::string_view::npos;
       at = rest.find(needle, at + 1))
    ++count;
  return count;
}

}  // namespace castkit::rss
