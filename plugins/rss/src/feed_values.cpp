// Lenient readers and strict writers for feed values.
#include "feed_values.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "castkit/feed/npt_time.hpp"

namespace castkit::rss {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// A small cursor over the date text.
struct Cursor {
  std::string_view text;
  std::size_t pos = 0;
  bool done() const { return pos >= text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  void skip_space() {
    while (!done() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == ',' ||
                       text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t start = pos;
    int value = 0;
    while (!done() && is_digit(text[pos]) && pos - start < max_digits)
      value = value * 10 + (text[pos++] - '0');
    if (pos - start < min_digits) return std::nullopt;
    return value;
  }
  std::string_view word() {
    std::size_t start = pos;
    while (!done() && is_alpha(text[pos])) ++pos;
    return text.substr(start, pos - start);
  }
};

std::optional<unsigned> month_of(std::string_view name) {
  static constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return std::nullopt;
  for (unsigned i = 0; i < 12; ++i)
    if (iequals(name.substr(0, 3), months[i])) return i + 1;
  return std::nullopt;
}

/// Minutes east of UTC for a zone name, or nothing when unknown.
std::optional<int> zone_offset(std::string_view zone) {
  struct Named {
    std::string_view name;
    int minutes;
  };
  static constexpr Named zones[] = {{"GMT", 0},    {"UT", 0},     {"UTC", 0},    {"Z", 0},
                                    {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
                                    {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
                                    {"BST", 60},   {"CET", 60},   {"CEST", 120}, {"MEZ", 60},
                                    {"MESZ", 120}, {"IST", 330},  {"JST", 540},  {"AEST", 600}};
  for (const auto& named : zones)
    if (iequals(zone, named.name)) return named.minutes;
  if (zone.size() == 1) {  // military zones, RFC 822 section 5
    char c = static_cast<char>(zone[0] & ~0x20);
    if (c >= 'A' && c <= 'I') return -60 * (c - 'A' + 1);
    if (c >= 'K' && c <= 'M') return -60 * (c - 'K' + 10);
    if (c >= 'N' && c <= 'Y') return 60 * (c - 'N' + 1);
  }
  return std::nullopt;
}

std::optional<std::int64_t> to_epoch(std::int64_t year, unsigned month, unsigned day, int hour,
                                     int minute, int second, int millis, int offset_minutes) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
    return std::nullopt;
  std::int64_t seconds =
      days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return (seconds - offset_minutes * 60) * 1000 + millis;
}

/// Reads "+HHMM", "+HH:MM", "+HH" or a zone name; nothing on failure.
std::optional<int> read_zone(Cursor& c) {
  c.skip_space();
  if (c.done()) return 0;
  char sign = c.peek();
  if (sign == '+' || sign == '-') {
    ++c.pos;
    auto hours = c.number(2, 2);
    if (!hours) return std::nullopt;
    if (c.peek() == ':') ++c.pos;
    int minutes = c.number(2, 2).value_or(0);
    int offset = *hours * 60 + minutes;
    return sign == '-' ? -offset : offset;
  }
  std::string_view name = c.word();
  auto offset = zone_offset(name);
  if (!offset) return std::nullopt;
  // "GMT+0100" and "UTC-5" forms.
  if (c.peek() == '+' || c.peek() == '-') {
    auto extra = read_zone(c);
    if (!extra) return std::nullopt;
    return *offset + *extra;
  }
  return offset;
}

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  Cursor c{text};
  auto year = c.number(4, 4);
  if (!year || c.peek() != '-') return std::nullopt;
  ++c.pos;
  auto month = c.number(2, 2);
  if (!month || c.peek() != '-') return std::nullopt;
  ++c.pos;
  auto day = c.number(2, 2);
  if (!day) return std::nullopt;
  int hour = 0, minute = 0, second = 0, millis = 0, offset = 0;
  if (c.peek() == 'T' || c.peek() == ' ') {
    ++c.pos;
    auto h = c.number(2, 2);
    if (!h || c.peek() != ':') return std::nullopt;
    ++c.pos;
    auto m = c.number(2, 2);
    if (!m) return std::nullopt;
    hour = *h, minute = *m;
    if (c.peek() == ':') {
      ++c.pos;
      auto s = c.number(2, 2);
      if (!s) return std::nullopt;
      second = *s;
      if (c.peek() == '.') {
        ++c.pos;
        std::size_t start = c.pos;
        int scale = 100;
        while (!c.done() && is_digit(c.peek())) {
          if (c.pos - start < 3) millis += (c.peek() - '0') * scale, scale /= 10;
          ++c.pos;
        }
      }
    }
    auto zone = read_zone(c);
    if (!zone) return std::nullopt;
    offset = *zone;
  }
  c.skip_space();
  if (!c.done()) return std::nullopt;
  return to_epoch(*year, *month, *day, hour, minute, second, millis, offset);
}

}  // namespace

std::string_view trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::optional<std::int64_t> parse_feed_date(std::string_view text) {
  text = trim(text);
  if (text.size() >= 10 && is_digit(text[0]) && text[4] == '-') return parse_iso8601(text);
  Cursor c{text};
  c.skip_space();
  if (is_alpha(c.peek())) {  // weekday, checked loosely: some feeds write it wrong
    c.word();
    if (c.peek() == '.') ++c.pos;
    c.skip_space();
  }
  auto day = c.number(1, 2);
  if (!day) return std::nullopt;
  c.skip_space();
  if (c.peek() == '-') ++c.pos;
  auto month = month_of(c.word());
  if (!month) return std::nullopt;
  if (c.peek() == '.') ++c.pos;
  c.skip_space();
  if (c.peek() == '-') ++c.pos;
  std::size_t year_start = c.pos;
  auto year = c.number(2, 4);
  if (!year) return std::nullopt;
  if (c.pos - year_start == 2) *year += *year < 50 ? 2000 : 1900;
  c.skip_space();
  int hour = 0, minute = 0, second = 0;
  if (!c.done() && is_digit(c.peek())) {
    auto h = c.number(1, 2);
    if (!h || c.peek() != ':') return std::nullopt;
    ++c.pos;
    auto m = c.number(2, 2);
    if (!m) return std::nullopt;
    hour = *h, minute = *m;
    if (c.peek() == ':') {
      ++c.pos;
      auto s = c.number(2, 2);
      if (!s) return std::nullopt;
      second = *s;
    }
  }
  auto zone = read_zone(c);
  if (!zone) return std::nullopt;
  c.skip_space();
  if (!c.done()) return std::nullopt;
  return to_epoch(*year, *month, *day, hour, minute, second, 0, *zone);
}

namespace {
/// "00" to "99", two characters each.
constexpr auto two_digits = [] {
  std::array<char, 200> digits{};
  for (int i = 0; i < 100; ++i) {
    digits[2 * i] = static_cast<char>('0' + i / 10);
    digits[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return digits;
}();
}  // namespace

void append_rfc2822(feed::AppendBuffer& out, std::int64_t epoch_ms) {
  static constexpr char weekdays[][4] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::int64_t seconds = epoch_ms >= 0 ? epoch_ms / 1000 : (epoch_ms - 999) / 1000;
  std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  std::int64_t of_day = seconds - days * 86400;
  // civil_from_days (Howard Hinnant).
  std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  year += month <= 2;
  // "Www, DD Mmm " + a year of up to 20 characters + " HH:MM:SS +0000"
  constexpr std::size_t most_chars = 12 + 20 + 15;
  char* at = out.room(most_chars);
  auto three = [&](const char* name) {
    std::memcpy(at, name, 3);
    at += 3;
  };
  auto two = [&](std::int64_t v) {
    std::memcpy(at, &two_digits[2 * v], 2);
    at += 2;
  };
  three(weekdays[((days % 7) + 7) % 7]);
  *at++ = ',', *at++ = ' ';
  two(day);
  *at++ = ' ';
  three(months[month - 1]);
  *at++ = ' ';
  if (year >= 1000 && year <= 9999) {  // the usual case, without to_chars' digit count
    two(year / 100);
    two(year % 100);
  } else {
    at = std::to_chars(at, at + 20, year).ptr;
  }
  *at++ = ' ';
  two(of_day / 3600);
  *at++ = ':';
  two(of_day / 60 % 60);
  *at++ = ':';
  two(of_day % 60);
  constexpr std::string_view zone = " +0000";
  std::memcpy(at, zone.data(), zone.size());
  out.advance(at + zone.size());
}

std::optional<Millis> parse_duration(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  // HH:MM:SS, MM:SS and plain seconds are NPT forms; minutes may exceed 59 in MM:SS.
  if (auto ms = feed::parse_npt(text)) return ms;
  std::size_t colon = text.find(':');
  if (colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos) {
    auto minutes = parse_unsigned(text.substr(0, colon));
    auto seconds = parse_unsigned(text.substr(colon + 1));
    if (minutes && seconds && *seconds < 60 && *minutes < 100000)
      return static_cast<Millis>((*minutes * 60 + *seconds) * 1000);
  }
  return std::nullopt;
}

std::optional<bool> parse_explicit(std::string_view text) {
  text = trim(text);
  if (iequals(text, "yes") || iequals(text, "true") || iequals(text, "explicit")) return true;
  if (iequals(text, "no") || iequals(text, "false") || iequals(text, "clean")) return false;
  return std::nullopt;
}

std::optional<bool> parse_flag(std::string_view text) {
  text = trim(text);
  if (iequals(text, "yes") || iequals(text, "true")) return true;
  if (iequals(text, "no") || iequals(text, "false")) return false;
  return std::nullopt;
}

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  text = trim(text);
  std::uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_decimal(std::string_view text) {
  text = trim(text);
  double value = 0;
  if (text.empty() || text.front() == '+') return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

void append_decimal(feed::AppendBuffer& out, double value) {
  constexpr std::size_t most_chars = 32;
  char* at = out.room(most_chars);
  // Whole numbers below 10^5 as integers: the same digits as the shortest form, without its
  // search (from 10^5 on the shortest form can be "1e+05").
  if (!std::signbit(value) && value < 1e5 && value == static_cast<double>(static_cast<int>(value)))
    out.advance(std::to_chars(at, at + most_chars, static_cast<int>(value)).ptr);
  else
    out.advance(std::to_chars(at, at + most_chars, value).ptr);
}

}  // namespace castkit::rss
