// Line splitting for text pages.
#include "page_lines.hpp"

#include "castkit/diagnostics.hpp"

namespace castkit::text_page {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view from_first_alnum(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char c = lower(text[pos]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) break;
    ++pos;
  }
  return text.substr(pos);
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[i]) != lower(prefix[i])) return false;
  return true;
}

std::vector<Line> split_lines(std::string_view text, std::size_t max_line_bytes,
                              const std::string& input_name) {
  std::vector<Line> lines;
  std::uint32_t number = 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    if (end - pos > max_line_bytes)
      fail_input(
          input_name, number, 1,
          "line longer than " + std::to_string(max_line_bytes) +
              " bytes (limits.max_line_bytes); expected a text rendering of an episode page");
    std::string_view line = trim(text.substr(pos, end - pos));
    if (!line.empty()) lines.push_back({line, number});
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n')
      ++end;
    pos = end + 1;
    ++number;
  }
  return lines;
}

}  // namespace castkit::text_page
