// Decimal seconds <-> milliseconds.
#include "castkit/feed/seconds.hpp"

#include <charconv>
#include <cmath>

namespace castkit::feed {

namespace {
/// The longest append_seconds text: sign, 19 digits, point and 3 digits.
constexpr std::size_t most_seconds_chars = 1 + 20 + 4;
}  // namespace

void append_seconds(AppendBuffer& out, Millis ms) {
  char* at = out.room(most_seconds_chars);
  if (ms < 0) {
    *at++ = '-';
    ms = -ms;
  }
  at = std::to_chars(at, at + 20, ms / 1000).ptr;
  if (Millis fraction = ms % 1000) {
    char digits[3] = {static_cast<char>('0' + fraction / 100),
                      static_cast<char>('0' + fraction / 10 % 10),
                      static_cast<char>('0' + fraction % 10)};
    std::size_t length = 3;
    while (digits[length - 1] == '0') --length;
    *at++ = '.';
    for (std::size_t i = 0; i < length; ++i) *at++ = digits[i];
  }
  out.advance(at);
}

void append_seconds(std::string& out, Millis ms) {
  AppendBuffer buffer(out, most_seconds_chars);
  append_seconds(buffer, ms);
}

std::optional<Millis> parse_seconds(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
    text.remove_suffix(1);
  if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return seconds_to_millis(value);
}

std::optional<Millis> seconds_to_millis(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 100.0 * 366 * 86400) return std::nullopt;
  return static_cast<Millis>(std::llround(seconds * 1000.0));
}

}  // namespace castkit::feed
