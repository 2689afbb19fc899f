// The streaming JSON writer.
#include "json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace castkit::json {

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
