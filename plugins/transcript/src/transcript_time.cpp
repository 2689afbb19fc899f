// Conversions between the model's milliseconds and a transcript's seconds and clock texts.
#include "transcript_time.hpp"

#include <cmath>
#include <cstdio>

#include "castkit_common/clock_time.hpp"

namespace castkit::transcript {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

// "PT[nH][nM][n[.fff]S]" (the HTML valid duration string, time part only) in milliseconds.
std::optional<Millis> parse_iso_duration(std::string_view text) {
  if (!text.starts_with("PT") || text.size() < 4) return std::nullopt;
  text.remove_prefix(2);
  Millis total = 0;
  char last_unit = 0;
  while (!text.empty()) {
    Millis whole = 0;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
      if (digits == 9) return std::nullopt;
      whole = whole * 10 + (text[digits] - '0');
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    text.remove_prefix(digits);
    Millis fraction = 0;
    if (!text.empty() && text.front() == '.') {
      text.remove_prefix(1);
      Millis scale = 100;
      std::size_t fraction_digits = 0;
      while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
        fraction += (text.front() - '0') * scale;
        scale /= 10;
        text.remove_prefix(1);
        ++fraction_digits;
      }
      if (fraction_digits == 0 || fraction_digits > 3 || text.empty() || text.front() != 'S')
        return std::nullopt;
    }
    if (text.empty()) return std::nullopt;
    const char unit = text.front();
    text.remove_prefix(1);
    const Millis scale = unit == 'H' ? 3'600'000 : unit == 'M' ? 60'000 : unit == 'S' ? 1000 : 0;
    // Units in order H, M, S, each at most once.
    if (scale == 0 ||
        (last_unit && (last_unit == 'S' || (last_unit == 'M' && unit == 'H') || last_unit == unit)))
      return std::nullopt;
    last_unit = unit;
    total += whole * scale + fraction;
  }
  if (total > max_time) return std::nullopt;
  return total;
}

}  // namespace

std::optional<Millis> millis_from_seconds(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return std::nullopt;
  const double ms = std::round(seconds * 1000.0);
  if (ms > static_cast<double>(max_time)) return std::nullopt;
  return static_cast<Millis>(ms);
}

double seconds_from_millis(Millis ms) {
  return static_cast<double>(ms) / 1000.0;
}

std::string clock_text(Millis ms) {
  const long long total = ms / 1000;
  char buffer[48];
  if (total >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                  total % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  return buffer;
}

std::string duration_attribute(Millis ms) {
  std::string out = "PT";
  const Millis hours = ms / 3'600'000, minutes = ms / 60'000 % 60, seconds = ms / 1000 % 60;
  const Millis fraction = ms % 1000;
  if (hours) out += std::to_string(hours) + 'H';
  if (minutes) out += std::to_string(minutes) + 'M';
  if (seconds || fraction || out == "PT") {
    out += std::to_string(seconds);
    if (fraction) {
      char digits[8];
      std::snprintf(digits, sizeof digits, ".%03lld", static_cast<long long>(fraction));
      std::string_view text = digits;
      while (text.back() == '0') text.remove_suffix(1);
      out += text;
    }
    out += 'S';
  }
  return out;
}

std::optional<Millis> parse_time(std::string_view text) {
  text = trim(text);
  if (text.starts_with("PT")) return parse_iso_duration(text);
  auto time = clock::parse(text);
  if (time && *time > max_time) return std::nullopt;
  return time;
}

}  // namespace castkit::transcript
