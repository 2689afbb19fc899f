// HTML character references: the HTML5 named table (generated, see html_entities_table.inc) and
// the numeric reference rules of the HTML Standard, "numeric character reference end state".
#include "castkit/html_entities.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>

#include "castkit/text.hpp"

namespace castkit {
namespace {

struct NamedReference {
  std::string_view name;         // as written after '&', with its ';' when it needs one
  std::string_view replacement;  // UTF-8
};

/// The table as written, for building the packed one at compile time only (its string_views
/// would cost the plugin linking this file two relocations per entry at every load).
constexpr NamedReference kTableSource[] = {
#include "html_entities_table.inc"
};
constexpr std::size_t kEntries = std::size(kTableSource);

/// The total length of every name and replacement.
constexpr std::size_t text_length() {
  std::size_t length = 0;
  for (const NamedReference& ref : kTableSource) length += ref.name.size() + ref.replacement.size();
  return length;
}

/// The table without pointers: names and replacements back to back in one array, entries as
/// offsets into it. It lives in read-only data that needs no relocation.
struct PackedTable {
  struct Entry {
    std::uint16_t at;                 // where the name starts in text; the replacement follows it
    std::uint8_t name_length;         // bytes of the name
    std::uint8_t replacement_length;  // bytes of the replacement
  };
  char text[text_length()];
  Entry entries[kEntries];

  std::string_view name(const Entry& e) const { return {text + e.at, e.name_length}; }
  std::string_view replacement(const Entry& e) const {
    return {text + e.at + e.name_length, e.replacement_length};
  }
};

constexpr PackedTable pack() {
  static_assert(text_length() <= 0xFFFF, "offsets are 16 bits");
  PackedTable table{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < kEntries; ++i) {
    const NamedReference& ref = kTableSource[i];
    table.entries[i] = {static_cast<std::uint16_t>(at), static_cast<std::uint8_t>(ref.name.size()),
                        static_cast<std::uint8_t>(ref.replacement.size())};
    for (char c : ref.name) table.text[at++] = c;
    for (char c : ref.replacement) table.text[at++] = c;
  }
  return table;
}

constexpr PackedTable kNamedReferences = pack();

constexpr std::size_t kLongestName = 32;

// What numeric references 0x80-0x9F stand for (windows-1252), 0 where the HTML Standard keeps
// the code point.
constexpr char16_t kC1Replacements[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The replacement of the reference named `name`, or nothing.
std::optional<std::string_view> find_named(std::string_view name) {
  const auto* end = std::end(kNamedReferences.entries);
  const auto* it = std::lower_bound(std::begin(kNamedReferences.entries), end, name,
                                    [](const PackedTable::Entry& e, std::string_view key) {
                                      return kNamedReferences.name(e) < key;
                                    });
  if (it == end || kNamedReferences.name(*it) != name) return std::nullopt;
  return kNamedReferences.replacement(*it);
}

// `text` starts after "&#". Returns bytes consumed after the '&' (0: not a reference).
std::size_t decode_numeric(std::string_view text, std::string& out) {
  std::size_t i = 2;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  const std::size_t digits_start = i;
  char32_t value = 0;
  bool too_big = false;
  for (; i < text.size(); ++i) {
    int digit = hex ? hex_value(text[i]) : (text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1);
    if (digit < 0) break;
    if (!too_big) {
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      if (value > 0x10FFFF) too_big = true;
    }
  }
  if (i == digits_start) return 0;  // "&#" or "&#x" without digits is text
  if (i < text.size() && text[i] == ';') ++i;
  if (too_big || value == 0 || (value >= 0xD800 && value <= 0xDFFF)) {
    value = 0xFFFD;
  } else if (value >= 0x80 && value <= 0x9F && kC1Replacements[value - 0x80] != 0) {
    value = kC1Replacements[value - 0x80];
  }
  append_utf8(out, value);
  return i;
}

}  // namespace

std::size_t decode_character_reference(std::string_view text, std::string& out) {
  if (text.size() < 2 || text[0] != '&') return 0;
  if (text[1] == '#') return decode_numeric(text, out);
  if (!is_ascii_alnum(text[1])) return 0;
  // The longest name in the table that the text starts with.
  std::size_t limit = std::min(text.size() - 1, kLongestName);
  std::size_t span = 0;
  while (span < limit && is_ascii_alnum(text[1 + span])) ++span;
  if (span < limit && text[1 + span] == ';') ++span;
  for (std::size_t length = span; length > 0; --length) {
    if (const auto replacement = find_named(text.substr(1, length))) {
      out.append(*replacement);
      return 1 + length;
    }
  }
  return 0;
}

void append_decoded_html_entities(std::string& out, std::string_view text) {
  while (!text.empty()) {
    const void* amp = std::memchr(text.data(), '&', text.size());
    if (!amp) {
      out.append(text);
      return;
    }
    std::size_t at = static_cast<const char*>(amp) - text.data();
    out.append(text.substr(0, at));
    text.remove_prefix(at);
    std::size_t used = decode_character_reference(text, out);
    if (used == 0) {
      out += '&';
      used = 1;
    }
    text.remove_prefix(used);
  }
}

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_decoded_html_entities(out, text);
  return out;
}

void append_html_escaped(std::string& out, std::string_view text, bool escape_quotes) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (escape_quotes)
          out += "&quot;";
        else
          out += c;
        break;
      default:
        out += c;
    }
  }
}

}  // namespace castkit
