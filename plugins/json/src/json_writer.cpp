// The streaming JSON writer and its string escaping.
#include "json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

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

// True when one of the 8 bytes in `x` is a control character, '"', '\\' or not ASCII: the bytes
// the escaping loop must look at one by one (the classic SWAR zero-byte test).
bool needs_attention(std::uint64_t x) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const auto has_zero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
  const std::uint64_t below_space = (x - ones * 0x20) & ~x & highs;
  return (below_space | has_zero(x ^ (ones * '"')) | has_zero(x ^ (ones * '\\')) | (x & highs)) !=
         0;
}

}  // namespace

std::size_t append_string_literal(std::string& out, std::string_view text) {
  std::size_t replaced = 0;
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  const auto flush = [&](std::size_t upto) { out.append(text.data() + run, upto - run); };
  while (i < text.size()) {
    // Skip plain ASCII 8 bytes at a time.
    std::uint64_t block;
    while (i + 8 <= text.size() &&
           (std::memcpy(&block, text.data() + i, 8), !needs_attention(block)))
      i += 8;
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
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

void Writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (container_empty_.empty()) return;  // the document's top-level value
  if (!container_empty_.back()) out_ += ',';
  container_empty_.back() = false;
  newline_and_indent(container_empty_.size());
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

void Writer::string(std::string_view text) {
  before_value();
  replaced_ += append_string_literal(out_, text);
}

void Writer::integer(std::int64_t value) {
  before_value();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
}

void Writer::unsigned_integer(std::uint64_t value) {
  before_value();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
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
