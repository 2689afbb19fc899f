#include "time_text.hpp"

#include <charconv>
#include <string>

namespace castkit::html {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// Reads an unsigned integer at the start of `s`, advancing it.
std::optional<std::int64_t> take_number(std::string_view& s, std::size_t max_digits = 12) {
  std::size_t n = 0;
  while (n < s.size() && n < max_digits && is_digit(s[n])) ++n;
  if (n == 0) return std::nullopt;
  std::int64_t value = 0;
  std::from_chars(s.data(), s.data() + n, value);
  s.remove_prefix(n);
  return value;
}

/// Reads ".26" style fractions as milliseconds (digits after the third are ignored).
Millis take_fraction(std::string_view& s) {
  if (s.empty() || (s.front() != '.' && s.front() != ',')) return 0;
  s.remove_prefix(1);
  Millis ms = 0, scale = 100;
  while (!s.empty() && is_digit(s.front())) {
    ms += (s.front() - '0') * scale;
    scale /= 10;
    s.remove_prefix(1);
  }
  return ms;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  // Howard Hinnant's algorithm: days since 1970-01-01 in the proleptic Gregorian calendar.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> epoch_ms(std::int64_t y, int mo, int d, int h, int mi, int s,
                                     Millis frac, int offset_minutes) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 24 + h) * 60 + mi - offset_minutes) * 60000 + s * 1000 + frac;
}

}  // namespace

std::optional<Millis> parse_clock(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
    text = trim(text.substr(1, text.size() - 2));
  std::int64_t fields[3];
  int count = 0;
  while (true) {
    auto value = take_number(text, 6);
    if (!value || count == 3) return std::nullopt;
    fields[count++] = *value;
    if (text.empty() || text.front() != ':') break;
    text.remove_prefix(1);
  }
  const Millis fraction = take_fraction(text);
  if (!text.empty()) return std::nullopt;
  for (int i = 1; i < count; ++i)
    if (fields[i] > 59) return std::nullopt;
  std::int64_t seconds = 0;
  for (int i = 0; i < count; ++i) seconds = seconds * 60 + fields[i];
  return seconds * 1000 + fraction;
}

std::optional<Millis> parse_offset(std::string_view text) {
  text = trim(text);
  std::string_view rest = text;
  auto whole = take_number(rest);
  if (!whole) return std::nullopt;
  const Millis fraction = take_fraction(rest);
  if (rest.empty()) return *whole * 1000 + fraction;
  return parse_clock(text);
}

std::optional<Millis> parse_iso_duration(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.front() != 'P') return parse_clock(text);
  text.remove_prefix(1);
  Millis total = 0;
  bool in_time = false, any = false;
  while (!text.empty()) {
    if (text.front() == 'T') {
      in_time = true;
      text.remove_prefix(1);
      continue;
    }
    auto number = take_number(text);
    if (!number) return std::nullopt;
    const Millis fraction = take_fraction(text);
    if (text.empty()) return std::nullopt;
    const char unit = text.front();
    text.remove_prefix(1);
    Millis scale = 0;
    if (!in_time && unit == 'D')
      scale = 86400000;
    else if (!in_time && unit == 'W')
      scale = 7 * 86400000LL;
    else if (in_time && unit == 'H')
      scale = 3600000;
    else if (in_time && unit == 'M')
      scale = 60000;
    else if (in_time && unit == 'S')
      scale = 1000;
    else
      return std::nullopt;
    total += *number * scale + fraction * scale / 1000;
    any = true;
  }
  if (!any) return std::nullopt;
  return total;
}

std::optional<Millis> parse_minutes(std::string_view text) {
  text = trim(text);
  auto minutes = take_number(text, 5);
  if (!minutes) return std::nullopt;
  text = trim(text);
  if (text == "minutes" || text == "minute" || text == "min" || text == "mins" || text == "min.")
    return *minutes * 60000;
  return std::nullopt;
}

std::optional<std::int64_t> parse_iso_datetime(std::string_view text) {
  text = trim(text);
  auto y = take_number(text, 4);
  if (!y || text.empty() || text.front() != '-') return std::nullopt;
  text.remove_prefix(1);
  auto mo = take_number(text, 2);
  if (!mo || text.empty() || text.front() != '-') return std::nullopt;
  text.remove_prefix(1);
  auto d = take_number(text, 2);
  if (!d) return std::nullopt;
  std::int64_t h = 0, mi = 0, s = 0;
  Millis frac = 0;
  int offset = 0;
  if (!text.empty() && (text.front() == 'T' || text.front() == ' ')) {
    text.remove_prefix(1);
    auto hh = take_number(text, 2);
    if (!hh || text.empty() || text.front() != ':') return std::nullopt;
    text.remove_prefix(1);
    auto mm = take_number(text, 2);
    if (!mm) return std::nullopt;
    h = *hh;
    mi = *mm;
    if (!text.empty() && text.front() == ':') {
      text.remove_prefix(1);
      auto ss = take_number(text, 2);
      if (!ss) return std::nullopt;
      s = *ss;
      frac = take_fraction(text);
    }
    if (!text.empty() && text.front() == 'Z') {
      text.remove_prefix(1);
    } else if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
      const int sign = text.front() == '-' ? -1 : 1;
      text.remove_prefix(1);
      auto oh = take_number(text, 2);
      if (!oh) return std::nullopt;
      if (!text.empty() && text.front() == ':') text.remove_prefix(1);
      auto om = take_number(text, 2);
      offset = sign * static_cast<int>(*oh * 60 + (om ? *om : 0));
    }
  }
  if (!text.empty()) return std::nullopt;
  return epoch_ms(*y, static_cast<int>(*mo), static_cast<int>(*d), static_cast<int>(h),
                  static_cast<int>(mi), static_cast<int>(s), frac, offset);
}

std::optional<std::int64_t> parse_rfc822_datetime(std::string_view text) {
  text = trim(text);
  if (const std::size_t comma = text.find(','); comma != std::string_view::npos)
    text = trim(text.substr(comma + 1));  // the weekday says nothing new
  auto d = take_number(text, 2);
  if (!d) return std::nullopt;
  text = trim(text);
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (text.substr(0, 3) == kMonths[i]) month = i + 1;
  if (!month) return std::nullopt;
  text = trim(text.substr(std::min(text.find(' '), text.size())));
  auto y = take_number(text, 4);
  if (!y) return std::nullopt;
  if (*y < 100) *y += *y < 50 ? 2000 : 1900;
  text = trim(text);
  std::int64_t h = 0, mi = 0, s = 0;
  if (auto hh = take_number(text, 2)) {
    if (text.empty() || text.front() != ':') return std::nullopt;
    text.remove_prefix(1);
    auto mm = take_number(text, 2);
    if (!mm) return std::nullopt;
    h = *hh;
    mi = *mm;
    if (!text.empty() && text.front() == ':') {
      text.remove_prefix(1);
      auto ss = take_number(text, 2);
      if (!ss) return std::nullopt;
      s = *ss;
    }
  }
  text = trim(text);
  int offset = 0;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    const int sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
    auto hhmm = take_number(text, 4);
    if (!hhmm) return std::nullopt;
    offset = sign * static_cast<int>(*hhmm / 100 * 60 + *hhmm % 100);
  } else {
    static constexpr std::pair<std::string_view, int> kZones[] = {
        {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
        {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}};
    for (const auto& [name, minutes] : kZones)
      if (text == name) offset = minutes;
  }
  return epoch_ms(*y, month, static_cast<int>(*d), static_cast<int>(h), static_cast<int>(mi),
                  static_cast<int>(s), 0, offset);
}

std::optional<LeadingTime> leading_time(std::string_view text) {
  std::size_t i = 0;
  const bool bracket = !text.empty() && text[0] == '[';
  if (bracket) i = 1;
  std::size_t end = i;
  while (end < text.size() && (is_digit(text[end]) || text[end] == ':' || text[end] == '.')) ++end;
  if (end == i || text.substr(i, end - i).find(':') == std::string_view::npos) return std::nullopt;
  auto time = parse_clock(text.substr(i, end - i));
  if (!time) return std::nullopt;
  if (bracket) {
    if (end >= text.size() || text[end] != ']') return std::nullopt;
    ++end;
  }
  if (end < text.size() && text[end] != ' ') return std::nullopt;
  while (end < text.size() && text[end] == ' ') ++end;
  return LeadingTime{*time, end};
}

}  // namespace castkit::html
