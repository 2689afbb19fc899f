// SRT cue text: tags, position codes, references, speaker labels.
#include "srt_text.hpp"

#include <algorithm>
#include <array>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "castkit/html_entities.hpp"

namespace castkit::srt {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

char lower(char c) {
  return is_upper(c) ? static_cast<char>(c + 32) : c;
}

// Words that end in ':' at the start of a line without naming a speaker.
constexpr std::array<std::string_view, 16> kNotSpeakers = {
    "note",        "notes",     "warning",  "caution",  "update",  "source",  "answer", "question",
    "translation", "subtitles", "subtitle", "captions", "caption", "credits", "chorus", "lyrics"};

bool is_not_speaker(std::string_view name) {
  for (std::string_view word : kNotSpeakers) {
    if (word.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) same = lower(name[i]) == word[i];
    if (same) return true;
  }
  return false;
}

// A name in a label: 1-4 words of letters, digits, non-ASCII, . ' - &; at least one letter.
bool plausible_name(std::string_view name, SpeakerRule::Mode mode) {
  if (name.empty() || name.size() > 40 || is_not_speaker(name)) return false;
  int words = 1;
  bool letter = false;
  bool word_start = true;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ') {
      if (word_start) return false;  // double space
      ++words;
      word_start = true;
      continue;
    }
    if (is_alpha(c)) {
      letter = true;
      if (mode == SpeakerRule::Mode::upper && is_lower(c)) return false;
      if (mode == SpeakerRule::Mode::capitalized && word_start && is_lower(c)) return false;
    } else if (!(u >= 0x80 || (c >= '0' && c <= '9') || c == '.' || c == '\'' || c == '-' ||
                 c == '&')) {
      return false;
    }
    word_start = false;
  }
  return letter && words <= 4 && !word_start;
}

// Whether `raw` holds '<', '{' or '&' (possible markup) and ':' (a possible label).
void scan_cue_text(std::string_view raw, bool& markup, bool& colon) {
  const char* data = raw.data();
  const std::size_t n = raw.size();
#ifdef __SSE2__
  if (n >= 16) {
    __m128i marks = _mm_setzero_si128();
    __m128i colons = _mm_setzero_si128();
    auto scan = [&](std::size_t at) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
      marks = _mm_or_si128(marks, _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('<')),
                                               _mm_cmpeq_epi8(bytes, _mm_set1_epi8('{'))));
      marks = _mm_or_si128(marks, _mm_cmpeq_epi8(bytes, _mm_set1_epi8('&')));
      colons = _mm_or_si128(colons, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(':')));
    };
    std::size_t at = 0;
    for (; at + 16 <= n; at += 16) scan(at);
    if (at < n) scan(n - 16);  // the last bytes, overlapping what was seen
    markup = _mm_movemask_epi8(marks) != 0;
    colon = _mm_movemask_epi8(colons) != 0;
    return;
  }
#endif
  for (std::size_t i = 0; i < n; ++i) {
    const char c = data[i];
    markup |= (c == '<') | (c == '{') | (c == '&');
    colon |= c == ':';
  }
}

// A character strip_markup looks at: the start of a position code, tag or reference, or '>',
// which the HTML escapes.
bool starts_markup(char c) {
  return c == '{' || c == '<' || c == '&' || c == '>';
}

// Removes tags and position codes; keeps <i> <b> <u> in `html`. Unknown opening tags such as
// "<LAUGHING & WHOOPS!>" are text.
void strip_markup(std::string_view raw, SrtContent& content, bool& styled) {
  std::size_t i = 0;
  while (i < raw.size()) {
    // A run of characters that are text as they are, copied to both at once.
    std::size_t run_end = i;
    while (run_end < raw.size() && !starts_markup(raw[run_end])) ++run_end;
    if (run_end > i) {
      content.text.append(raw.substr(i, run_end - i));
      content.html.append(raw.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    char c = raw[i];
    if (c == '{' && i + 1 < raw.size() && raw[i + 1] == '\\') {
      std::size_t close = raw.find('}', i);
      if (close != std::string_view::npos) {
        content.position.append(raw.substr(i, close - i + 1));
        i = close + 1;
        continue;
      }
    }
    if (c == '<') {
      std::size_t close = raw.find('>', i);
      if (close != std::string_view::npos) {
        std::string_view inside = trim(raw.substr(i + 1, close - i - 1));
        bool end = !inside.empty() && inside.front() == '/';
        if (end) inside = trim(inside.substr(1));
        std::size_t name_end = 0;
        while (name_end < inside.size() && is_alpha(inside[name_end])) ++name_end;
        std::string name;
        for (char ch : inside.substr(0, name_end)) name += lower(ch);
        const bool attributes_ok = name_end == inside.size() || is_space(inside[name_end]);
        const bool known = name == "i" || name == "b" || name == "u" || name == "s" ||
                           name == "font" || name == "span";
        if (!name.empty() && attributes_ok && (known || end)) {
          if (name == "i" || name == "b" || name == "u") {
            content.html += end ? "</" : "<";
            content.html += name;
            content.html += '>';
            styled = true;
          }
          i = close + 1;
          continue;
        }
      }
    }
    if (c == '&') {
      std::string decoded;
      std::size_t used = decode_character_reference(raw.substr(i), decoded);
      if (used) {
        content.text += decoded;
        for (char d : decoded) {
          if (d == '&')
            content.html += "&amp;";
          else if (d == '<')
            content.html += "&lt;";
          else if (d == '>')
            content.html += "&gt;";
          else
            content.html += d;
        }
        i += used;
        continue;
      }
    }
    content.text += c;
    if (c == '&')
      content.html += "&amp;";
    else if (c == '<')
      content.html += "&lt;";
    else if (c == '>')
      content.html += "&gt;";
    else
      content.html += c;
    ++i;
  }
}

// Two or more lines, each starting with '-'.
bool dash_lines(std::string_view text) {
  if (text.empty() || text.front() != '-') return false;
  std::size_t lines = 1;
  for (std::size_t at = text.find('\n'); at != std::string_view::npos;
       at = text.find('\n', at + 1)) {
    ++lines;
    if (at + 1 >= text.size() || text[at + 1] != '-') return false;
  }
  return lines >= 2;
}

// Drops the label from the first line of `text` (a label may stand alone on its line); the
// name goes to `name` when it is given. False when there is no label.
bool take_label(std::string& text, const SpeakerRule& rule, std::string* name) {
  const std::size_t line_end = std::min(text.find('\n'), text.size());
  std::string_view first = std::string_view(text).substr(0, line_end);
  std::string_view rest;
  std::string_view found = find_speaker_label(first, rule, rest);
  if (found.empty()) return false;
  if (name) name->assign(found);
  const std::string_view kept = trim(rest);
  if (kept.empty()) {
    text.erase(0, line_end == text.size() ? line_end : line_end + 1);
    return true;
  }
  const auto kept_from = static_cast<std::size_t>(kept.data() - text.data());
  const std::size_t kept_end = kept_from + kept.size();
  text.erase(kept_end, line_end - kept_end);
  text.erase(0, kept_from);
  return true;
}

}  // namespace

std::string_view find_speaker_label(std::string_view line, const SpeakerRule& rule,
                                    std::string_view& rest) {
  if (rule.pattern) {
    std::match_results<std::string_view::const_iterator> match;
    if (std::regex_search(line.begin(), line.end(), match, *rule.pattern,
                          std::regex_constants::match_continuous) &&
        match.size() > 1 && match[1].length() > 0) {
      rest = line.substr(static_cast<std::size_t>(match.length(0)));
      return trim(std::string_view(&*match[1].first, static_cast<std::size_t>(match[1].length())));
    }
    return {};
  }
  if (rule.mode == SpeakerRule::Mode::off) return {};
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 42) return {};
  // After the colon: the end of the line or a space (not "10:30", not "http://").
  if (colon + 1 < line.size() && !is_space(line[colon + 1])) return {};
  std::string_view name = trim(line.substr(0, colon));
  if (!plausible_name(name, rule.mode)) return {};
  rest = line.substr(colon + 1);
  return name;
}

void read_srt_text(std::string_view raw, const SpeakerRule& rule, SrtContent& content) {
  content.text.clear();
  content.html.clear();
  content.speaker.clear();
  content.position.clear();
  content.turns.clear();
  bool styled = false;
  bool markup = false;
  bool colon = false;
  scan_cue_text(raw, markup, colon);
  if (!markup)
    content.text.append(raw);  // cleared above: cheaper than assign()
  else
    strip_markup(raw, content, styled);
  if (!styled) content.html.clear();

  // Dash lines: "- Hi.\n- NAME: Hello." Labelled ones become turns.
  if (dash_lines(content.text)) {
    std::vector<SrtTurn> turns;
    bool labelled = false;
    std::size_t at = 0;
    while (at <= content.text.size()) {
      std::size_t end = content.text.find('\n', at);
      if (end == std::string::npos) end = content.text.size();
      std::string_view line = trim(std::string_view(content.text).substr(at + 1, end - at - 1));
      std::string_view rest;
      std::string_view name = find_speaker_label(line, rule, rest);
      if (!name.empty()) {
        labelled = true;
        turns.push_back({std::string(name), std::string(trim(rest))});
      } else {
        turns.push_back({std::string(), std::string(line)});
      }
      at = end + 1;
    }
    if (labelled) {
      content.text.clear();
      for (const SrtTurn& turn : turns) {
        if (!content.text.empty()) content.text += '\n';
        content.text += turn.text;
        if (content.speaker.empty()) content.speaker = turn.speaker;
      }
      content.html.clear();  // the tags' places are lost with the labels
      content.turns = std::move(turns);
    }
    return;
  }
  if ((rule.pattern || colon) && take_label(content.text, rule, &content.speaker) &&
      !content.html.empty())
    take_label(content.html, rule, nullptr);
}

}  // namespace castkit::srt
