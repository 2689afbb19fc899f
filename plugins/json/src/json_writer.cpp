// The streaming JSON writer and its string escaping.
#include "json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace castkit::json {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at s[i] (lead byte >= 0x80), or 0 when invalid
// (bad lead byte, truncated, bad continuation, overlong, surrogate or past U+10FFFF).
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char lead = byte(0);
  std::size_t len;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlongs
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4;
    if (lead == 0xF0) low = 0x90;   // no overlongs
    if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  return len;
}

/// True for the bytes a string literal holds as they are, without a look at their neighbours.
bool is_plain(unsigned char c) {
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/// The first position at or after `i` whose byte is not plain (text.size() when none): 16 bytes
/// at a time with SSE2, where a signed compare below 0x20 also catches every byte >= 0x80.
std::size_t skip_plain(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i special =
        _mm_or_si128(_mm_cmplt_epi8(block, space),
                     _mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
    if (const int mask = _mm_movemask_epi8(special))
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < text.size() && is_plain(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

std::size_t append_string_literal(std::string& out, std::string_view text) {
  std::size_t replaced = 0;
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  const auto flush = [&](std::size_t upto) { out.append(text.data() + run, upto - run); };
  while ((i = skip_plain(text, i)) < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t len = valid_sequence_length(text, i);
      if (len) {
        i += len;
        continue;
      }
      flush(i);
      out += kReplacement;
      ++replaced;
      run = ++i;
      continue;
    }
    flush(i);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    run = ++i;
  }
  flush(i);
  out += '"';
  return replaced;
}

void append_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  const std::string_view written(buffer, static_cast<std::size_t>(result.ptr - buffer));
  out += written;
  if (written.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void Writer::newline_and_indent(std::size_t depth) {
  if (indent_ <= 0) return;
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

char* Writer::separate(char* p) {
  if (after_key_) {
    after_key_ = false;
    return p;
  }
  if (container_empty_.empty()) return p;  // the document's top-level value
  if (!container_empty_.back()) *p++ = ',';
  container_empty_.back() = false;
  if (indent_ > 0) {
    *p++ = '\n';
    const std::size_t spaces = container_empty_.size() * static_cast<std::size_t>(indent_);
    // Eight at a time (single stores; the buffer has room for the overshoot).
    for (std::size_t i = 0; i < spaces; i += 8) std::memcpy(p + i, "        ", 8);
    p += spaces;
  }
  return p;
}

bool Writer::separation_fits(std::size_t extra) const {
  return 2 + container_empty_.size() * static_cast<std::size_t>(indent_) + 8 + extra <=
         kSeparationCapacity;
}

void Writer::before_value() {
  if (!separation_fits(0)) {  // deeper than the buffer: piece by piece
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!container_empty_.back()) out_ += ',';
    container_empty_.back() = false;
    newline_and_indent(container_empty_.size());
    return;
  }
  char buffer[kSeparationCapacity];
  out_.append(buffer, static_cast<std::size_t>(separate(buffer) - buffer));
}

void Writer::open(char bracket) {
  before_value();
  out_ += bracket;
  container_empty_.push_back(true);
}

void Writer::close(char bracket) {
  const bool empty = container_empty_.back();
  container_empty_.pop_back();
  if (!empty) newline_and_indent(container_empty_.size());
  out_ += bracket;
  if (container_empty_.empty()) out_ += '\n';  // the document ends with a newline
}

void Writer::key(std::string_view name) {
  before_value();
  replaced_ += append_string_literal(out_, name);
  out_ += indent_ > 0 ? ": " : ":";
  after_key_ = true;
}

void Writer::fixed_key(std::string_view name) {
  if (!separation_fits(name.size() + 4)) {
    before_value();
    out_ += '"';
    out_.append(name).append(indent_ > 0 ? "\": " : "\":");
    after_key_ = true;
    return;
  }
  // The separation, the quoted name and the colon in one append.
  char buffer[kSeparationCapacity];
  char* p = separate(buffer);
  *p++ = '"';
  std::memcpy(p, name.data(), name.size());
  p += name.size();
  *p++ = '"';
  *p++ = ':';
  if (indent_ > 0) *p++ = ' ';
  out_.append(buffer, static_cast<std::size_t>(p - buffer));
  after_key_ = true;
}

void Writer::plain_string(std::string_view text) {
  before_value();
  out_ += '"';
  out_.append(text) += '"';
}

void Writer::string(std::string_view text) {
  if (separation_fits(text.size() + 2) && skip_plain(text, 0) == text.size()) {
    // Nothing to escape and short: the separation and the quoted text in one append.
    char buffer[kSeparationCapacity];
    char* p = separate(buffer);
    *p++ = '"';
    std::memcpy(p, text.data(), text.size());
    p += text.size();
    *p++ = '"';
    out_.append(buffer, static_cast<std::size_t>(p - buffer));
    return;
  }
  before_value();
  replaced_ += append_string_literal(out_, text);
}

void Writer::integer(std::int64_t value) {
  before_value();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

void Writer::unsigned_integer(std::uint64_t value) {
  before_value();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

void Writer::number(double value) {
  before_value();
  append_double(out_, value);
}

void Writer::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void Writer::null() {
  before_value();
  out_ += "null";
}

}  // namespace castkit::json
