// Parsing and formatting of clock times ("05:56", "1:01:39", "[00:15:51.20]").
#include "castkit_common/clock_time.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace castkit::clock {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads a run of digits at `pos` (at most `max_digits`); returns its value, advancing `pos`.
std::optional<Millis> read_number(std::string_view text, std::size_t& pos, std::size_t max_digits) {
  std::size_t start = pos;
  Millis value = 0;
  while (pos < text.size() && is_digit(text[pos])) {
    if (pos - start == max_digits) return std::nullopt;
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Millis> parse(std::string_view text) {
  std::array<Millis, 3> fields{};
  std::size_t count = 0;
  std::size_t pos = 0;
  while (true) {
    std::size_t field_start = pos;
    // The first field may have up to 6 digits (hours or minutes); later ones exactly two.
    auto value = read_number(text, pos, count == 0 ? 6 : 2);
    if (!value || count == fields.size()) return std::nullopt;
    if (count > 0 && (pos - field_start != 2 || *value >= 60)) return std::nullopt;
    fields[count++] = *value;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      continue;
    }
    break;
  }
  if (count < 2) return std::nullopt;
  Millis fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t digits_start = pos;
    Millis scale = 100;
    while (pos < text.size() && is_digit(text[pos])) {
      fraction += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == digits_start || pos - digits_start > 9) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  Millis seconds =
      count == 3 ? fields[0] * 3600 + fields[1] * 60 + fields[2] : fields[0] * 60 + fields[1];
  return seconds * 1000 + fraction;
}

std::optional<LeadingAnchor> leading_anchor(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size() || text[pos] != '[') return std::nullopt;
  std::size_t close = text.find(']', pos + 1);
  if (close == std::string_view::npos || close - pos > 20) return std::nullopt;
  auto time = parse(text.substr(pos + 1, close - pos - 1));
  if (!time) return std::nullopt;
  std::size_t end = close + 1;
  if (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n')
    return std::nullopt;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return LeadingAnchor{*time, end};
}

std::string format(Millis time) {
  if (time < 0) time = 0;
  Millis ms = time % 1000;
  Millis total = time / 1000;
  Millis hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
  auto append_two = [](std::string& out, Millis v) {
    if (v < 10) out += '0';
    out += std::to_string(v);
  };
  std::string out;
  if (hours > 0) {
    append_two(out, hours);
    out += ':';
  }
  append_two(out, minutes);
  out += ':';
  append_two(out, seconds);
  if (ms % 10 == 0 && ms != 0) {
    out += '.';
    append_two(out, ms / 10);
  } else if (ms != 0) {
    std::string digits = std::to_string(ms);
    out += '.';
    out.append(3 - digits.size(), '0');
    out += digits;
  }
  return out;
}

namespace detail {

char* write_long_hours(char* at, std::uint64_t hours) {
  return std::to_chars(at, at + 20, hours).ptr;
}

}  // namespace detail

void append_timestamp(std::string& out, Millis time, char separator) {
  char digits[kMaxTimestampChars];
  out.append(digits, static_cast<std::size_t>(write_timestamp(digits, time, separator) - digits));
}

}  // namespace castkit::clock
