// The W3C WebVTT parser algorithm. Step names in comments follow w3c/webvtt index.bs.
#include "webvtt_parser.hpp"

#include <cstring>
#include <limits>

#include "castkit/diagnostics.hpp"
#include "castkit_common/line_scan.hpp"

namespace castkit::vtt {
namespace {

bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads lines ending in LF, CR or CRLF (the preprocessing step turns all three into LF).
class LineReader {
 public:
  struct State {
    std::size_t pos;
    std::uint32_t line;
  };

  LineReader(std::string_view text, const std::string& name, std::size_t max_line)
      : text_(text), name_(name), max_line_(max_line) {}

  bool at_end() const { return pos_ >= text_.size(); }
  bool at_newline() const { return !at_end() && (text_[pos_] == '\n' || text_[pos_] == '\r'); }
  std::uint32_t line_number() const { return line_; }
  State state() const { return {pos_, line_}; }
  void restore(State s) {
    pos_ = s.pos;
    line_ = s.line;
  }

  /// The next line without its terminator; `eof` is set when no terminator followed it.
  std::string_view next(bool& eof) {
    const std::size_t start = pos_;
    const char* data = text_.data();
    const std::size_t n = text_.size();
    const std::size_t i = scan::find_line_end(data, start, n);
    if (i - start > max_line_)
      fail_input(name_, line_, 1,
                 "line is " + std::to_string(i - start) +
                     " bytes long, more than limits.max_line_bytes (" + std::to_string(max_line_) +
                     ")");
    std::string_view line = text_.substr(start, i - start);
    eof = i >= n;
    pos_ = i;
    skip_one_newline();
    return line;
  }

  void skip_one_newline() {
    if (at_end()) return;
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
    } else if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
  }

  void skip_newlines() {
    while (at_newline()) skip_one_newline();
  }

 private:
  std::string_view text_;
  const std::string& name_;
  std::size_t max_line_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
};

void append_without_nuls(std::string& out, std::string_view text) {
  while (!text.empty()) {
    const void* nul = std::memchr(text.data(), '\0', text.size());
    if (!nul) {
      out.append(text);
      return;
    }
    std::size_t at = static_cast<const char*>(nul) - text.data();
    out.append(text.substr(0, at));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(at + 1);
  }
}

bool starts_with_keyword_alone(const std::string& buffer, std::string_view keyword) {
  if (buffer.compare(0, keyword.size(), keyword) != 0) return false;
  for (std::size_t i = keyword.size(); i < buffer.size(); ++i)
    if (!is_ascii_whitespace(buffer[i])) return false;
  return true;
}

// "Collect WebVTT cue timings and settings": start, "-->", end, then the settings text.
bool collect_timings(std::string_view line, ParsedCue& cue) {
  std::size_t pos = 0;
  auto skip_ws = [&] {
    while (pos < line.size() && is_ascii_whitespace(line[pos])) ++pos;
  };
  skip_ws();
  if (!collect_timestamp(line, pos, cue.start)) return false;
  skip_ws();
  if (line.substr(pos, 3) != "-->") return false;
  pos += 3;
  skip_ws();
  if (!collect_timestamp(line, pos, cue.end)) return false;
  cue.settings = replace_nuls(line.substr(pos));
  return true;
}

class Parser {
 public:
  using CueHandler = std::function<void(ParsedCue&, const ParsedFile&)>;
  Parser(std::string_view text, const std::string& name, std::size_t max_line,
         const CueHandler& on_cue)
      : reader_(text, name, max_line), on_cue_(on_cue) {}

  ParsedFile run() {
    bool eof = false;
    std::string_view first = reader_.next(eof);
    append_without_nuls(file_.header, first.substr(6));
    if (eof || reader_.at_end()) return std::move(file_);
    // Header: a block in header mode unless the second line is empty.
    if (!reader_.at_newline())
      collect_block(true);
    else
      reader_.skip_one_newline();
    reader_.skip_newlines();
    // Block loop.
    while (!reader_.at_end()) {
      collect_block(false);
      reader_.skip_newlines();
    }
    return std::move(file_);
  }

 private:
  enum class BlockKind { none, cue, style, region };

  void collect_block(bool in_header) {
    int line_count = 0;
    LineReader::State previous = reader_.state();
    std::string buffer;
    bool seen_arrow = false;
    BlockKind kind = BlockKind::none;
    ParsedCue cue;
    for (;;) {
      const std::uint32_t line_number = reader_.line_number();
      bool seen_eof = false;
      std::string_view line = reader_.next(seen_eof);
      ++line_count;
      if (line.find("-->") != std::string_view::npos) {
        if (!in_header && (line_count == 1 || (line_count == 2 && !seen_arrow))) {
          seen_arrow = true;
          previous = reader_.state();
          cue = ParsedCue{};
          cue.line = line_number;
          if (collect_timings(line, cue)) {
            cue.id = std::move(buffer);
            buffer.clear();
            kind = BlockKind::cue;
            seen_cue_ = true;
          } else {
            kind = BlockKind::none;
            file_.warnings.push_back(
                {line_number,
                 "cue dropped: expected \"[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt\" timings, found \"" +
                     replace_nuls(line.substr(0, 80)) + "\""});
          }
        } else {
          reader_.restore(previous);
          break;
        }
      } else if (line.empty()) {
        break;
      } else {
        if (!in_header && line_count == 2 && !seen_cue_) {
          if (starts_with_keyword_alone(buffer, "STYLE")) {
            kind = BlockKind::style;
            buffer.clear();
          } else if (starts_with_keyword_alone(buffer, "REGION")) {
            kind = BlockKind::region;
            buffer.clear();
          }
        }
        if (!buffer.empty()) buffer += '\n';
        append_without_nuls(buffer, line);
        previous = reader_.state();
      }
      if (seen_eof) break;
    }
    switch (kind) {
      case BlockKind::cue:
        cue.text = std::move(buffer);
        on_cue_(cue, file_);
        break;
      case BlockKind::style:
        file_.styles.push_back(std::move(buffer));
        break;
      case BlockKind::region:
        file_.regions.push_back(std::move(buffer));
        break;
      case BlockKind::none:
        if (in_header && !buffer.empty()) {
          file_.header += '\n';
          file_.header += buffer;
        }
        break;
    }
  }

  LineReader reader_;
  const CueHandler& on_cue_;
  ParsedFile file_;
  bool seen_cue_ = false;
};

// "HH:MM:SS.mmm" at `pos`, not followed by a digit: the shape nearly every file uses, read
// directly (what the algorithm reads from it); false leaves everything else to the algorithm.
bool collect_fixed_timestamp(std::string_view text, std::size_t& pos, Millis& out) {
  if (text.size() - pos < 12) return false;
  const char* p = text.data() + pos;
  auto digit = [p](int i) { return static_cast<unsigned>(static_cast<unsigned char>(p[i]) - '0'); };
  const unsigned h1 = digit(0), h2 = digit(1), m1 = digit(3), m2 = digit(4), s1 = digit(6),
                 s2 = digit(7), f1 = digit(9), f2 = digit(10), f3 = digit(11);
  const bool digits = !((h1 > 9) | (h2 > 9) | (m1 > 5) | (m2 > 9) | (s1 > 5) | (s2 > 9) | (f1 > 9) |
                        (f2 > 9) | (f3 > 9));
  const bool marks = (p[2] == ':') & (p[5] == ':') & (p[8] == '.');
  if (!(digits & marks) || (text.size() - pos > 12 && is_digit(p[12]))) return false;
  out = static_cast<Millis>((h1 * 10 + h2) * 3'600'000u + (m1 * 10 + m2) * 60'000u +
                            (s1 * 10 + s2) * 1000u + f1 * 100u + f2 * 10u + f3);
  pos += 12;
  return true;
}

}  // namespace

std::string replace_nuls(std::string_view text) {
  std::string out;
  append_without_nuls(out, text);
  return out;
}

bool collect_timestamp(std::string_view text, std::size_t& pos, Millis& out) {
  auto collect_digits = [&](std::uint64_t& value, std::size_t& count) {
    value = 0;
    count = 0;
    bool overflow = false;
    while (pos < text.size() && is_digit(text[pos])) {
      if (value > (std::numeric_limits<std::uint64_t>::max() - 9) / 10)
        overflow = true;
      else
        value = value * 10 + static_cast<unsigned>(text[pos] - '0');
      ++pos;
      ++count;
    }
    return !overflow;
  };
  if (pos >= text.size() || !is_digit(text[pos])) return false;
  if (collect_fixed_timestamp(text, pos, out)) return true;
  std::uint64_t v1, v2, v3 = 0, v4;
  std::size_t n1, n2, n3, n4;
  if (!collect_digits(v1, n1)) return false;
  const bool hours = n1 != 2 || v1 > 59;
  if (pos >= text.size() || text[pos] != ':') return false;
  ++pos;
  if (!collect_digits(v2, n2) || n2 != 2) return false;
  std::uint64_t h = 0, m, s;
  if (hours || (pos < text.size() && text[pos] == ':')) {
    if (pos >= text.size() || text[pos] != ':') return false;
    ++pos;
    if (!collect_digits(v3, n3) || n3 != 2) return false;
    h = v1, m = v2, s = v3;
  } else {
    m = v1, s = v2;
  }
  if (pos >= text.size() || text[pos] != '.') return false;
  ++pos;
  if (!collect_digits(v4, n4) || n4 != 3) return false;
  if (m > 59 || s > 59) return false;
  constexpr std::uint64_t kMaxHours =
      static_cast<std::uint64_t>(std::numeric_limits<Millis>::max()) / 3'600'000 - 1;
  if (h > kMaxHours) return false;
  out = static_cast<Millis>(h * 3'600'000 + m * 60'000 + s * 1000 + v4);
  return true;
}

ParsedFile parse_webvtt(std::string_view text, const std::string& name,
                        std::size_t max_line_bytes) {
  ParsedFile kept;
  ParsedFile rest =
      parse_webvtt(text, name, max_line_bytes,
                   [&](ParsedCue& cue, const ParsedFile&) { kept.cues.push_back(std::move(cue)); });
  rest.cues = std::move(kept.cues);
  return rest;
}

ParsedFile parse_webvtt(std::string_view text, const std::string& name, std::size_t max_line_bytes,
                        const std::function<void(ParsedCue&, const ParsedFile&)>& on_cue) {
  const bool signature =
      text.size() >= 6 && text.substr(0, 6) == "WEBVTT" &&
      (text.size() == 6 || text[6] == ' ' || text[6] == '\t' || text[6] == '\n' || text[6] == '\r');
  if (!signature) {
    std::string message =
        "not a WebVTT file: expected \"WEBVTT\" followed by a space, a tab or a line end on the "
        "first line, found ";
    if (text.empty()) {
      message += "an empty file";
    } else {
      message += '"';
      message +=
          replace_nuls(text.substr(0, std::min<std::size_t>(text.find_first_of("\r\n"), 20)));
      message += '"';
    }
    fail_input(name, 1, 1, std::move(message));
  }
  return Parser(text, name, max_line_bytes, on_cue).run();
}

}  // namespace castkit::vtt
