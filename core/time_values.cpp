// Small, strict parsers for the time values of castkit.yaml.
#include "time_values.hpp"

#include <charconv>
#include <vector>

namespace castkit::host {
namespace {

/// Reads exactly `digits` decimal digits.
bool fixed(std::string_view& s, int digits, int& out) {
  if (s.size() < static_cast<std::size_t>(digits)) return false;
  out = 0;
  for (int i = 0; i < digits; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  s.remove_prefix(digits);
  return true;
}

bool take(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

/// Milliseconds from a fraction ".d[d[d...]]" (more than 3 digits are truncated).
std::int64_t fraction_ms(std::string_view& s) {
  if (!take(s, '.') && !take(s, ',')) return 0;
  std::int64_t ms = 0;
  int digits = 0;
  while (!s.empty() && s.front() >= '0' && s.front() <= '9') {
    if (digits < 3) ms = ms * 10 + (s.front() - '0');
    ++digits;
    s.remove_prefix(1);
  }
  for (int d = digits; d < 3; ++d) ms *= 10;
  return digits ? ms : -1;
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

}  // namespace

std::optional<std::int64_t> parse_iso8601(std::string_view s) {
  int year, month, day;
  if (!fixed(s, 4, year) || !take(s, '-') || !fixed(s, 2, month) || !take(s, '-') ||
      !fixed(s, 2, day))
    return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0))
    return std::nullopt;
  std::int64_t ms =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400000;
  if (s.empty()) return ms;
  if (!take(s, 'T') && !take(s, 't') && !take(s, ' ')) return std::nullopt;
  int hour, minute, second = 0;
  if (!fixed(s, 2, hour) || !take(s, ':') || !fixed(s, 2, minute)) return std::nullopt;
  std::int64_t fraction = 0;
  if (take(s, ':')) {
    if (!fixed(s, 2, second)) return std::nullopt;
    fraction = fraction_ms(s);
    if (fraction < 0) return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  ms += ((hour * 60 + minute) * 60 + second) * 1000LL + fraction;
  if (s.empty() || take(s, 'Z') || take(s, 'z'))
    return s.empty() ? std::optional(ms) : std::nullopt;
  const bool minus = s.front() == '-';
  if (!take(s, '+') && !take(s, '-')) return std::nullopt;
  int zone_hours, zone_minutes = 0;
  if (!fixed(s, 2, zone_hours)) return std::nullopt;
  take(s, ':');
  if (!s.empty() && !fixed(s, 2, zone_minutes)) return std::nullopt;
  if (!s.empty() || zone_hours > 23 || zone_minutes > 59) return std::nullopt;
  const std::int64_t zone = (zone_hours * 60 + zone_minutes) * 60000LL;
  return minus ? ms + zone : ms - zone;
}

std::optional<std::int64_t> parse_clock(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::vector<std::int64_t> parts;
  while (true) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || value < 0) return std::nullopt;
    s.remove_prefix(static_cast<std::size_t>(end - s.data()));
    parts.push_back(value);
    if (!take(s, ':')) break;
  }
  if (parts.size() > 3) return std::nullopt;
  if (parts.size() > 1)
    for (std::size_t i = 1; i < parts.size(); ++i)
      if (parts[i] > 59) return std::nullopt;
  const std::int64_t fraction = fraction_ms(s);
  if (fraction < 0 || !s.empty()) return std::nullopt;
  std::int64_t seconds = 0;
  for (std::int64_t part : parts) seconds = seconds * 60 + part;
  return seconds * 1000 + fraction;
}

}  // namespace castkit::host
