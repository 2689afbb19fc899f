// ISO 8601 formatting and parsing over std::chrono's civil calendar.
#include "iso_time.hpp"

#include <chrono>

namespace castkit::json {

namespace {

using namespace std::chrono;

constexpr std::int64_t kMsPerDay = 86'400'000;

sys_days first_day_of(int year) {
  return sys_days{std::chrono::year{year} / January / 1};
}

// Reads exactly `count` decimal digits at text[pos]; advances pos.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

bool fits_iso8601(std::int64_t ms) {
  static const std::int64_t lowest = first_day_of(0).time_since_epoch().count() * kMsPerDay;
  static const std::int64_t highest = first_day_of(10000).time_since_epoch().count() * kMsPerDay;
  return ms >= lowest && ms < highest;
}

std::size_t format_iso8601(std::int64_t ms, char* out) {
  const sys_time<milliseconds> time{milliseconds{ms}};
  const sys_days day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss<milliseconds> clock{time - day};
  char* p = out;
  const auto put = [&](unsigned value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) p[i] = static_cast<char>('0' + value % 10);
    p += width;
  };
  put(static_cast<unsigned>(static_cast<int>(date.year())), 4);
  *p++ = '-';
  put(static_cast<unsigned>(date.month()), 2);
  *p++ = '-';
  put(static_cast<unsigned>(date.day()), 2);
  *p++ = 'T';
  put(static_cast<unsigned>(clock.hours().count()), 2);
  *p++ = ':';
  put(static_cast<unsigned>(clock.minutes().count()), 2);
  *p++ = ':';
  put(static_cast<unsigned>(clock.seconds().count()), 2);
  if (const auto fraction = clock.subseconds().count()) {
    *p++ = '.';
    put(static_cast<unsigned>(fraction), 3);
  }
  *p++ = 'Z';
  return static_cast<std::size_t>(p - out);
}

std::string format_iso8601(std::int64_t ms) {
  char buffer[kIso8601Capacity];
  return std::string(buffer, format_iso8601(ms, buffer));
}

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  std::size_t pos = 0;
  const auto y = digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return std::nullopt;
  const auto mo = digits(text, pos, 2);
  if (!mo || !expect(text, pos, '-')) return std::nullopt;
  const auto d = digits(text, pos, 2);
  if (!d || !expect(text, pos, 'T')) return std::nullopt;
  const auto h = digits(text, pos, 2);
  if (!h || !expect(text, pos, ':')) return std::nullopt;
  const auto mi = digits(text, pos, 2);
  if (!mi || !expect(text, pos, ':')) return std::nullopt;
  const auto s = digits(text, pos, 2);
  if (!s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;

  std::int64_t fraction_ms = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int scale = 100, count = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (++count > 3) return std::nullopt;
      fraction_ms += (text[pos++] - '0') * scale;
      scale /= 10;
    }
    if (count == 0) return std::nullopt;
  }

  std::int64_t offset_minutes = 0;
  if (expect(text, pos, 'Z')) {
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos++] == '-' ? -1 : 1;
    const auto oh = digits(text, pos, 2);
    if (!oh || !expect(text, pos, ':')) return std::nullopt;
    const auto om = digits(text, pos, 2);
    if (!om || *oh > 23 || *om > 59) return std::nullopt;
    offset_minutes = sign * (*oh * 60 + *om);
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;

  const year_month_day date{std::chrono::year{*y}, month{static_cast<unsigned>(*mo)},
                            day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  const std::int64_t day_ms = sys_days{date}.time_since_epoch().count() * kMsPerDay;
  return day_ms + ((*h * 60 + *mi) * 60 + *s) * 1000LL + fraction_ms - offset_minutes * 60'000;
}

}  // namespace castkit::json
