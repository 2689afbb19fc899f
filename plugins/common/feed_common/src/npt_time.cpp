// NPT times for Podlove Simple Chapters.
#include "castkit/feed/npt_time.hpp"

#include <charconv>
#include <cstdio>

namespace castkit::feed {

std::optional<Millis> parse_npt(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  Millis fraction_ms = 0;
  if (auto dot = text.find('.'); dot != std::string_view::npos) {
    std::string_view fraction = text.substr(dot + 1);
    if (fraction.empty() || fraction.size() > 9) return std::nullopt;
    Millis scale = 100;
    for (std::size_t i = 0; i < fraction.size(); ++i) {
      if (fraction[i] < '0' || fraction[i] > '9') return std::nullopt;
      if (i < 3) fraction_ms += (fraction[i] - '0') * scale, scale /= 10;
    }
    text = text.substr(0, dot);
  }
  Millis fields[3] = {0, 0, 0};
  int count = 0;
  while (true) {
    if (count == 3) return std::nullopt;
    std::size_t colon = text.find(':');
    std::string_view part = text.substr(0, colon);
    if (part.empty() || part.size() > 10) return std::nullopt;
    Millis value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size()) return std::nullopt;
    fields[count++] = value;
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
  }
  Millis hours = 0, minutes = 0, seconds = 0;
  if (count == 3)
    hours = fields[0], minutes = fields[1], seconds = fields[2];
  else if (count == 2)
    minutes = fields[0], seconds = fields[1];
  else
    seconds = fields[0];
  if (count >= 2 && seconds >= 60) return std::nullopt;
  if (count == 3 && minutes >= 60) return std::nullopt;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction_ms;
}

std::string format_npt(Millis ms) {
  if (ms < 0) ms = 0;
  char buffer[40];
  int n =
      std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld.%03lld",
                    static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                    static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
  return std::string(buffer, n);
}

}  // namespace castkit::feed
