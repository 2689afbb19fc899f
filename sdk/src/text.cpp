// Decoding to UTF-8 and byte-offset positions for the SDK's text helpers.
#include "castkit/text.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstring>

#include "castkit/diagnostics.hpp"

namespace castkit {

TextPosition position_at(std::string_view text, std::size_t offset) {
  TextPosition pos;
  if (offset > text.size()) offset = text.size();
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++pos.line;
      line_start = i + 1;
    }
  }
  pos.column = static_cast<std::uint32_t>(offset - line_start + 1);
  return pos;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path: eight bytes at a time while none has its high bit set.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, sizeof word);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    char32_t min;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Converts with iconv; throws an input error at the first byte it cannot convert.
std::string convert_with_iconv(std::string_view bytes, const std::string& from,
                               const std::string& input_name) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1))
    fail_usage("unknown input encoding \"" + from +
               "\" (try names such as cp1252, cp1251, GB2312, UTF-16LE)");
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t out_used = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + out_used;
    std::size_t out_left = out.size() - out_used;
    std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out_used = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    iconv_close(cd);
    std::size_t offset = bytes.size() - in_left;
    fail_input(input_name, 0, 0,
               "byte offset " + std::to_string(offset) + " is not valid " + from +
                   (errno == EINVAL ? " (the input ends inside a character)" : ""));
  }
  iconv_close(cd);
  out.resize(out_used);
  return out;
}

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes, const std::string& encoding,
                           const std::string& input_name) {
  DecodedText result;
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (encoding.empty()) {
    if (starts("\xEF\xBB\xBF"))
      bytes.remove_prefix(3);
    else if (starts("\xFF\xFE")) {
      result.storage = convert_with_iconv(bytes.substr(2), "UTF-16LE", input_name);
      result.converted = true;
      result.encoding = "UTF-16LE";
      return result;
    } else if (starts("\xFE\xFF")) {
      result.storage = convert_with_iconv(bytes.substr(2), "UTF-16BE", input_name);
      result.converted = true;
      result.encoding = "UTF-16BE";
      return result;
    }
    if (auto bad = find_invalid_utf8(bytes)) {
      TextPosition pos = position_at(bytes, *bad);
      fail_input(input_name, pos.line, pos.column,
                 "invalid UTF-8 at byte offset " + std::to_string(*bad) +
                     "; if the file uses another encoding, name it with --input-encoding "
                     "(for example --input-encoding cp1252)");
    }
    result.unchanged = bytes;
    result.encoding = "UTF-8";
    return result;
  }
  std::string upper;
  for (char c : encoding) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  if (upper == "UTF-8" || upper == "UTF8") return decode_to_utf8(bytes, {}, input_name);
  result.storage = convert_with_iconv(bytes, encoding, input_name);
  // A converted BOM (U+FEFF) is not text.
  if (result.storage.compare(0, 3, "\xEF\xBB\xBF") == 0) result.storage.erase(0, 3);
  result.converted = true;
  result.encoding = encoding;
  return result;
}

}  // namespace castkit
