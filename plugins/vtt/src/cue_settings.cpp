// Cue and region settings, step by step as in w3c/webvtt index.bs.
#include "cue_settings.hpp"

#include <cmath>
#include <cstdlib>

namespace castkit::vtt {
namespace {

bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "Split a string on spaces" (ASCII whitespace).
std::vector<std::string_view> split_on_spaces(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_ascii_whitespace(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && !is_ascii_whitespace(text[i])) ++i;
    if (i > start) tokens.push_back(text.substr(start, i - start));
  }
  return tokens;
}

// HTML's "rules for parsing floating-point number values" for text already checked to be
// [-]digits[.digits]; values that round past the double range are an error; -0 becomes 0.
std::optional<double> parse_number(std::string_view text) {
  std::string copy(text);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || std::isinf(value)) return std::nullopt;
  return value + 0.0;
}

// "Parse a percentage string": digits[.digits]% within 0..100.
std::optional<double> parse_percentage(std::string_view text) {
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  std::string_view number = text.substr(0, text.size() - 1);
  std::size_t i = 0;
  while (i < number.size() && is_digit(number[i])) ++i;
  if (i == 0) return std::nullopt;
  if (i < number.size()) {
    if (number[i] != '.') return std::nullopt;
    std::size_t fraction = ++i;
    while (i < number.size() && is_digit(number[i])) ++i;
    if (i == fraction || i != number.size()) return std::nullopt;
  }
  auto value = parse_number(number);
  if (!value || *value < 0 || *value > 100) return std::nullopt;
  return value;
}

// The `line` setting's number when it is not a percentage.
std::optional<double> parse_line_number(std::string_view text) {
  std::size_t dots = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '-') {
      if (i != 0) return std::nullopt;
    } else if (c == '.') {
      ++dots;
      if (i == 0 || i + 1 == text.size() || !is_digit(text[i - 1]) || !is_digit(text[i + 1]))
        return std::nullopt;
    } else if (!is_digit(c)) {
      return std::nullopt;
    }
  }
  if (dots > 1) return std::nullopt;
  return parse_number(text);
}

// Splits "a,b" at the first comma.
void split_comma(std::string_view value, std::string_view& first,
                 std::optional<std::string_view>& second) {
  std::size_t comma = value.find(',');
  if (comma == std::string_view::npos) {
    first = value;
    second.reset();
  } else {
    first = value.substr(0, comma);
    second = value.substr(comma + 1);
  }
}

}  // namespace

Region parse_region(std::string_view body) {
  Region region;
  for (std::string_view setting : split_on_spaces(body)) {
    std::size_t colon = setting.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == setting.size()) continue;
    std::string_view name = setting.substr(0, colon);
    std::string_view value = setting.substr(colon + 1);
    if (name == "id") {
      if (value.find("-->") == std::string_view::npos) region.id = std::string(value);
    } else if (name == "width") {
      if (auto p = parse_percentage(value)) region.width = *p;
    } else if (name == "lines") {
      bool digits = true;
      std::int64_t number = 0;
      for (char c : value) {
        if (!is_digit(c))
          digits = false;
        else if (number < (INT64_MAX - 9) / 10)
          number = number * 10 + (c - '0');
        else
          number = INT64_MAX;  // saturate: the spec has no upper bound
      }
      if (digits) region.lines = number;
    } else if (name == "regionanchor" || name == "viewportanchor") {
      std::size_t comma = value.find(',');
      if (comma == std::string_view::npos) continue;
      auto x = parse_percentage(value.substr(0, comma));
      auto y = parse_percentage(value.substr(comma + 1));
      if (!x || !y) continue;
      if (name == "regionanchor")
        region.anchor_x = *x, region.anchor_y = *y;
      else
        region.viewport_x = *x, region.viewport_y = *y;
    } else if (name == "scroll") {
      if (value == "up") region.scroll_up = true;
    }
  }
  return region;
}

CueSettings parse_cue_settings(std::string_view text, const std::vector<Region>& regions) {
  CueSettings cue;
  // The last token of each name that took effect, for the normalised form.
  std::string_view vertical_token, line_pos, position_pos, size_token, align_token, region_token;
  for (std::string_view setting : split_on_spaces(text)) {
    std::size_t colon = setting.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == setting.size()) continue;
    std::string_view name = setting.substr(0, colon);
    std::string_view value = setting.substr(colon + 1);
    if (name == "region") {
      cue.region = -1;
      for (std::size_t i = regions.size(); i-- > 0;)
        if (regions[i].id == value) {
          cue.region = static_cast<int>(i);
          break;
        }
      region_token = cue.region >= 0 ? setting : std::string_view();
    } else if (name == "vertical") {
      if (value == "rl" || value == "lr") {
        cue.vertical = std::string(value);
        vertical_token = setting;
      }
      if (!cue.vertical.empty()) cue.region = -1;
    } else if (name == "line") {
      std::string_view linepos;
      std::optional<std::string_view> linealign;
      split_comma(value, linepos, linealign);
      bool has_digit = false;
      for (char c : linepos) has_digit |= is_digit(c);
      if (!has_digit) continue;
      const bool percent = linepos.back() == '%';
      auto number = percent ? parse_percentage(linepos) : parse_line_number(linepos);
      if (!number) continue;
      // index.bs says an unknown alignment drops the whole setting; the WPT cases (and browsers)
      // keep the line and ignore only the alignment. We follow WPT (docs/subtitles.md).
      if (linealign && (*linealign == "start" || *linealign == "center" || *linealign == "end"))
        cue.line_align = std::string(*linealign);
      cue.line = *number;
      cue.snap_to_lines = !percent;
      cue.region = -1;
      line_pos = linepos;
    } else if (name == "position") {
      std::string_view colpos;
      std::optional<std::string_view> colalign;
      split_comma(value, colpos, colalign);
      auto number = parse_percentage(colpos);
      if (!number) continue;
      if (colalign &&
          (*colalign == "line-left" || *colalign == "center" || *colalign == "line-right"))
        cue.position_align = std::string(*colalign);  // unknown alignment: ignored, as for line
      cue.position = *number;
      position_pos = colpos;
    } else if (name == "size") {
      auto number = parse_percentage(value);
      if (!number) continue;
      cue.size = *number;
      if (cue.size != 100) cue.region = -1;
      size_token = setting;
    } else if (name == "align") {
      if (value == "start" || value == "center" || value == "end" || value == "left" ||
          value == "right") {
        cue.align = std::string(value);
        align_token = setting;
      }
    }
  }
  if (cue.region < 0) region_token = {};
  // Alignments persist across tokens of the same name, so they are written out when not default.
  std::string line_token, position_token;
  if (!line_pos.empty())
    line_token = "line:" + std::string(line_pos) +
                 (cue.line_align != "start" ? "," + cue.line_align : std::string());
  if (!position_pos.empty())
    position_token = "position:" + std::string(position_pos) +
                     (cue.position_align != "auto" ? "," + cue.position_align : std::string());
  for (std::string_view token :
       {vertical_token, std::string_view(line_token), std::string_view(position_token), size_token,
        align_token, region_token}) {
    if (token.empty()) continue;
    if (!cue.normalized.empty()) cue.normalized += ' ';
    cue.normalized += token;
  }
  return cue;
}

}  // namespace castkit::vtt
