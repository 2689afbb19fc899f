// Parsing of the per-line items in a text page's sections.
#include "page_items.hpp"

#include <array>

#include "castkit_common/clock_time.hpp"

namespace castkit::text_page {
namespace {

// A person's name is short: longer text on a Featuring line is a sentence, not a name.
constexpr std::size_t kMaxNameBytes = 60;
constexpr std::size_t kMaxNameWords = 6;

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string_view strip_trailing_punctuation(std::string_view token) {
  while (!token.empty() &&
         std::string_view(".,;:!?)\"'").find(token.back()) != std::string_view::npos)
    token.remove_suffix(1);
  return token;
}

// Splits on ASCII spaces and tabs.
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    std::size_t end = pos;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// True for "host.tld" or "host.tld/path" with a common top-level domain.
bool looks_like_address(std::string_view token) {
  static constexpr std::array<std::string_view, 24> kTopLevel{
      "com", "org", "net", "io", "dev", "fm", "co", "app", "ai",   "sh", "me", "tv",
      "us",  "uk",  "de",  "nz", "au",  "ca", "fr", "eu",  "info", "so", "gg", "xyz"};
  std::string_view host = token.substr(0, token.find('/'));
  std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  for (char c : host)
    if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '.') return false;
  std::string_view tld = host.substr(dot + 1);
  std::string lower;
  for (char c : tld) lower += static_cast<char>(c | 0x20);
  for (std::string_view known : kTopLevel)
    if (lower == known) return true;
  return false;
}

bool is_whole_word_nocase(std::string_view text, std::string_view word) {
  for (std::size_t pos = 0; pos + word.size() <= text.size(); ++pos) {
    if (!starts_with_nocase(text.substr(pos), word)) continue;
    bool left = pos == 0 || !is_alpha(text[pos - 1]);
    bool right = pos + word.size() == text.size() || !is_alpha(text[pos + word.size()]);
    if (left && right) return true;
  }
  return false;
}

// The role a Featuring line states, lower case, or empty.
std::string role_in(std::string_view text) {
  if (is_whole_word_nocase(text, "co-host") || is_whole_word_nocase(text, "cohost"))
    return "co-host";
  if (is_whole_word_nocase(text, "host")) return "host";
  if (is_whole_word_nocase(text, "guest")) return "guest";
  return {};
}

// A list item's text without its bullet or number, or nothing when the line is not an item.
std::optional<std::string_view> list_item(std::string_view line) {
  for (std::string_view bullet : {"- ", "* ", "• ", "– "})
    if (line.starts_with(bullet)) return trim(line.substr(bullet.size()));
  std::size_t digits = 0;
  while (digits < line.size() && is_digit(line[digits])) ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      is_space(line[digits + 1]))
    return trim(line.substr(digits + 2));
  return std::nullopt;
}

NoteLink note_from(std::string_view item) {
  NoteLink note;
  std::string_view url = find_url(item);
  if (url.empty()) {
    note.title = std::string(item);
    return note;
  }
  note.url = std::string(url);
  std::size_t at = item.find(url);
  std::string_view before = trim(item.substr(0, at));
  std::string_view after = trim(item.substr(at + url.size()));
  while (!before.empty() && (before.back() == ':' || before.back() == '-' || before.back() == '(' ||
                             before.back() == '<'))
    before = trim(before.substr(0, before.size() - 1));
  while (!after.empty() && (after.front() == ')' || after.front() == '>'))
    after = trim(after.substr(1));
  note.title = std::string(before);
  if (!after.empty())
    note.title += note.title.empty() ? std::string(after) : " " + std::string(after);
  return note;
}

}  // namespace

DashSplit split_at_dash(std::string_view text) {
  std::size_t best = std::string_view::npos;
  std::size_t length = 0;
  for (std::string_view dash : {" – ", " — ", " - "}) {
    std::size_t at = text.find(dash);
    if (at < best) best = at, length = dash.size();
  }
  if (best == std::string_view::npos) return {trim(text), {}};
  return {trim(text.substr(0, best)), trim(text.substr(best + length))};
}

std::string_view find_url(std::string_view text) {
  for (std::size_t pos = text.find("http"); pos != std::string_view::npos;
       pos = text.find("http", pos + 4)) {
    std::string_view rest = text.substr(pos);
    if (!rest.starts_with("http://") && !rest.starts_with("https://")) continue;
    if (pos > 0 && (is_alpha(text[pos - 1]) || is_digit(text[pos - 1]))) continue;
    std::size_t end = 0;
    while (end < rest.size() && !is_space(rest[end]) && rest[end] != '<' && rest[end] != '>') ++end;
    return strip_trailing_punctuation(rest.substr(0, end));
  }
  return {};
}

std::string find_call_to_action_address(std::string_view text) {
  std::vector<std::string_view> tokens = words(text);
  for (std::size_t i = tokens.size(); i-- > 1;) {
    std::string_view before = tokens[i - 1];
    if (before != "at" && before != "visit" && before != "Visit") continue;
    std::string_view token = strip_trailing_punctuation(tokens[i]);
    if (looks_like_address(token)) return "https://" + std::string(token);
  }
  return {};
}

std::optional<Person> parse_person(std::string_view line) {
  DashSplit split = split_at_dash(line);
  std::string_view name = split.head;
  std::string role = role_in(split.tail);
  if (std::size_t paren = name.find(" ("); paren != std::string_view::npos && name.back() == ')') {
    if (role.empty()) role = role_in(name.substr(paren));
    name = trim(name.substr(0, paren));
  }
  if (name.empty() || name.size() > kMaxNameBytes || words(name).size() > kMaxNameWords)
    return std::nullopt;
  Person person;
  person.name = std::string(name);
  person.role = role;
  person.href = std::string(find_url(split.tail));
  return person;
}

Sponsor parse_sponsor(std::string_view line) {
  Sponsor sponsor;
  DashSplit split = split_at_dash(line);
  if (split.tail.empty()) {
    sponsor.text = std::string(line);
  } else {
    sponsor.name = std::string(split.head);
    sponsor.text = std::string(split.tail);
  }
  sponsor.url = std::string(find_url(line));
  if (sponsor.url.empty()) sponsor.url = find_call_to_action_address(sponsor.text);
  return sponsor;
}

std::vector<NoteLink> parse_notes(const std::vector<Line>& lines) {
  bool has_items = false;
  for (const Line& line : lines)
    if (list_item(line.text)) has_items = true;
  std::vector<NoteLink> notes;
  for (const Line& line : lines) {
    std::optional<std::string_view> item = list_item(line.text);
    if (!item && has_items) continue;  // a group heading such as "Listener favs:"
    std::string_view text = item ? *item : line.text;
    if (!text.empty()) notes.push_back(note_from(text));
  }
  return notes;
}

std::optional<Chapter> parse_chapter_row(std::string_view line) {
  // Cells: split at '|' when the row has them, else at spaces (the title keeps its spacing).
  struct Cell {
    std::string_view text;
    std::size_t begin, end;  // byte range in `line`
  };
  std::vector<Cell> cells;
  bool piped = line.find('|') != std::string_view::npos;
  std::size_t pos = 0;
  while (pos <= line.size()) {
    std::size_t end = piped ? line.find('|', pos) : pos;
    if (!piped) {
      while (pos < line.size() && is_space(line[pos])) ++pos;
      end = pos;
      while (end < line.size() && !is_space(line[end])) ++end;
      if (pos == line.size()) break;
    }
    if (end == std::string_view::npos) end = line.size();
    std::string_view text = trim(line.substr(pos, end - pos));
    if (!text.empty()) cells.push_back({text, pos, end});
    pos = end + 1;
  }
  // The start: the first cell that is a clock time, after at most a chapter number.
  std::size_t start_cell = cells.size();
  for (std::size_t i = 0; i < cells.size() && i < 2; ++i) {
    if (clock::parse(cells[i].text)) {
      start_cell = i;
      break;
    }
    bool number = !cells[i].text.empty();
    for (char c : cells[i].text) number = number && is_digit(c);
    if (!number) break;
  }
  if (start_cell + 1 >= cells.size()) return std::nullopt;
  Chapter chapter;
  chapter.start = *clock::parse(cells[start_cell].text);
  std::size_t title_end = cells.size();
  if (cells.size() - start_cell >= 3) {
    if (auto duration = clock::parse(cells.back().text)) {
      chapter.end = chapter.start + *duration;
      title_end = cells.size() - 1;
    }
  }
  std::size_t begin = cells[start_cell + 1].begin;
  std::size_t end = cells[title_end - 1].end;
  std::string_view title = trim(line.substr(begin, end - begin));
  if (title.empty()) return std::nullopt;
  chapter.title = std::string(title);
  return chapter;
}

}  // namespace castkit::text_page
