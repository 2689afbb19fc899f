// SRT cue splitting: a timing line starts a cue; the digits-only line right above it is its
// index; everything up to the next cue's index is its text.
#include "srt_parser.hpp"

#include <algorithm>
#include <limits>

#include "castkit/diagnostics.hpp"
#include "castkit_common/line_scan.hpp"

namespace castkit::srt {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t';
}

bool digits_only(std::string_view line) {
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  if (line.empty()) return false;
  for (char c : line)
    if (!is_digit(c)) return false;
  return true;
}

bool blank(std::string_view line) {
  for (char c : line)
    if (!is_space(c)) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Reads up to `max` digits; false when there are none.
bool read_number(std::string_view s, std::size_t& pos, std::size_t max, std::uint64_t& value,
                 std::size_t& count) {
  value = 0;
  count = 0;
  while (pos < s.size() && is_digit(s[pos])) {
    if (count == max) return false;
    value = value * 10 + static_cast<unsigned>(s[pos] - '0');
    ++pos;
    ++count;
  }
  return count > 0;
}

// "h+:mm:ss[,.]f" or "mm:ss[,.]f"; `range_error` set when a field is out of range.
bool read_timestamp(std::string_view s, std::size_t& pos, Millis& out, bool& range_error) {
  std::uint64_t fields[3];
  std::size_t counts[3];
  int n = 0;
  for (;;) {
    if (!read_number(s, pos, n == 0 ? 19 : 2, fields[n], counts[n])) {
      if (n == 0 && counts[0] == 19) range_error = true;
      return false;
    }
    ++n;
    if (n == 3 || pos >= s.size() || s[pos] != ':') break;
    ++pos;
  }
  if (n < 2) return false;
  std::uint64_t ms = 0;
  if (pos < s.size() && (s[pos] == ',' || s[pos] == '.')) {
    ++pos;
    std::size_t count = 0;
    // 1-3 digits are milliseconds as written (",5" is 5 ms, as ffmpeg, VLC and python-srt read it).
    if (!read_number(s, pos, 3, ms, count)) return false;
  } else if (n == 2) {
    return false;  // "mm:ss" needs its fraction to look like a time
  }
  std::uint64_t hours = n == 3 ? fields[0] : 0;
  std::uint64_t minutes = fields[n - 2];
  std::uint64_t seconds = fields[n - 1];
  if (minutes > 59 || seconds > 59) {
    range_error = true;
    return false;
  }
  constexpr std::uint64_t kMaxHours =
      static_cast<std::uint64_t>(std::numeric_limits<Millis>::max()) / 3'600'000 - 1;
  if (hours > kMaxHours) {
    range_error = true;
    return false;
  }
  out = static_cast<Millis>(hours * 3'600'000 + minutes * 60'000 + seconds * 1000 + ms);
  return true;
}

// "HH:MM:SS,mmm" (or '.') at `p`, the shape nearly every SRT file uses; -1 when it is not.
Millis fixed_timestamp(const char* p) {
  auto digit = [p](int i) { return static_cast<unsigned>(static_cast<unsigned char>(p[i]) - '0'); };
  const unsigned h1 = digit(0), h2 = digit(1), m1 = digit(3), m2 = digit(4), s1 = digit(6),
                 s2 = digit(7), f1 = digit(9), f2 = digit(10), f3 = digit(11);
  // Every test at once, so the common case takes one branch.
  const bool digits = !((h1 > 9) | (h2 > 9) | (m1 > 5) | (m2 > 9) | (s1 > 5) | (s2 > 9) | (f1 > 9) |
                        (f2 > 9) | (f3 > 9));
  const bool marks = (p[2] == ':') & (p[5] == ':') & ((p[8] == ',') | (p[8] == '.'));
  if (!(digits & marks)) return -1;
  return static_cast<Millis>((h1 * 10 + h2) * 3'600'000u + (m1 * 10 + m2) * 60'000u +
                             (s1 * 10 + s2) * 1000u + f1 * 100u + f2 * 10u + f3);
}

// "HH:MM:SS,mmm --> HH:MM:SS,mmm[ rest]" read directly; false sends the line to the tolerant
// parser, which reads everything this accepts the same way.
bool read_fixed_timing_line(std::string_view line, Timing& timing) {
  constexpr std::size_t kLength = 29;  // "00:00:00,000 --> 00:00:00,000"
  if (line.size() < kLength) return false;
  const char* p = line.data();
  if (p[12] != ' ' || p[13] != '-' || p[14] != '-' || p[15] != '>' || p[16] != ' ') return false;
  if (line.size() > kLength && !is_space(p[kLength])) return false;
  const Millis start = fixed_timestamp(p);
  const Millis end = fixed_timestamp(p + 17);
  if (start < 0 || end < 0) return false;
  timing.start = start;
  timing.end = end;
  timing.rest = trim(line.substr(kLength));
  return true;
}

}  // namespace

TimingResult read_timing_line(std::string_view line, Timing& timing) {
  if (read_fixed_timing_line(line, timing)) return TimingResult::ok;
  std::size_t pos = 0;
  while (pos < line.size() && is_space(line[pos])) ++pos;
  if (pos >= line.size() || !is_digit(line[pos])) return TimingResult::not_timing;
  // Every timing line has an arrow, "-->" or "->" (index lines have none).
  if (line.find('>', pos) == std::string_view::npos) return TimingResult::not_timing;
  bool range_error = false;
  bool start_ok = read_timestamp(line, pos, timing.start, range_error);
  if (!start_ok && !range_error) return TimingResult::not_timing;
  if (!start_ok) {
    // Skip the rest of the oversized field so the arrow can still be seen.
    while (pos < line.size() &&
           (is_digit(line[pos]) || line[pos] == ':' || line[pos] == ',' || line[pos] == '.'))
      ++pos;
  }
  while (pos < line.size() && is_space(line[pos])) ++pos;
  if (line.substr(pos, 3) == "-->")
    pos += 3;
  else if (line.substr(pos, 2) == "->")
    pos += 2;
  else
    return TimingResult::not_timing;
  while (pos < line.size() && is_space(line[pos])) ++pos;
  if (!read_timestamp(line, pos, timing.end, range_error) || !start_ok)
    return range_error ? TimingResult::out_of_range : TimingResult::not_timing;
  timing.rest = trim(line.substr(pos));
  return TimingResult::ok;
}

RawFile read_srt(std::string_view text, const std::string& name, std::size_t max_line_bytes) {
  RawFile kept;
  RawFile stats = read_srt(text, name, max_line_bytes,
                           [&](RawCue& cue) { kept.cues.push_back(std::move(cue)); });
  kept.warnings = std::move(stats.warnings);
  kept.empty_cues = stats.empty_cues;
  return kept;
}

RawFile read_srt(std::string_view text, const std::string& name, std::size_t max_line_bytes,
                 const std::function<void(RawCue&)>& on_cue, const ReadGate* gate) {
  RawFile file;
  // The current cue's lines (views into `text`), blank ones included until the cue ends.
  std::vector<std::string_view> lines;
  RawCue cue;             // reused: each field is set again for every cue
  bool in_cue = false;    // a cue (valid or dropped) is collecting lines
  bool dropping = false;  // the current cue's timing was out of range: its text is skipped
  std::string_view next_id;

  auto finish = [&](bool at_eof) {
    if (!in_cue) return;
    // The digits-only line right above the next timing line is that cue's index.
    next_id = {};
    if (!at_eof && !lines.empty() && digits_only(lines.back())) {
      next_id = trim(lines.back());
      lines.pop_back();
    }
    while (!lines.empty() && blank(lines.back())) lines.pop_back();
    // At the end of the file a digits-only line after a blank line is a dangling index.
    if (at_eof && lines.size() >= 2 && digits_only(lines.back()) && blank(lines[lines.size() - 2]))
      lines.pop_back();
    if (!dropping) {
      cue.text.clear();
      for (std::string_view line : lines) {
        if (blank(line)) continue;
        if (!cue.text.empty()) cue.text += '\n';
        cue.text.append(line);
      }
      if (cue.text.empty())
        ++file.empty_cues;
      else
        on_cue(cue);
    }
    lines.clear();
  };

  std::size_t pos = 0;
  std::uint32_t line_number = 0;
  const std::size_t n = text.size();
  const char* data = text.data();
  std::size_t readable = 0;        // what the gate allows so far
  std::string_view previous_line;  // the line before the current one, for a first index
  while (pos < n) {
    const std::size_t end = scan::find_line_end(data, pos, n);
    ++line_number;
    if (end - pos > max_line_bytes)
      fail_input(name, line_number, 1,
                 "line is " + std::to_string(end - pos) +
                     " bytes long, more than limits.max_line_bytes (" +
                     std::to_string(max_line_bytes) + ")");
    if (gate && end >= readable) {
      const char* held = !lines.empty()         ? lines.front().data()
                         : previous_line.data() ? previous_line.data()
                                                : data + pos;
      readable = (*gate)(static_cast<std::size_t>(held - data), std::min(end + 1, n));
    }
    std::string_view line = text.substr(pos, end - pos);
    // One line end: LF, CR or CRLF.
    pos = end;
    if (pos < n) {
      ++pos;
      if (data[end] == '\r' && pos < n && data[pos] == '\n') ++pos;
    }

    Timing timing;
    TimingResult result = read_timing_line(line, timing);
    if (result == TimingResult::not_timing) {
      if (in_cue) lines.push_back(line);
      previous_line = line;
      continue;
    }
    if (in_cue) {
      finish(false);
    } else if (digits_only(previous_line)) {
      next_id = trim(previous_line);
    }
    in_cue = true;
    cue.line = line_number;
    cue.id.assign(next_id);
    next_id = {};
    dropping = result == TimingResult::out_of_range;
    if (dropping) {
      file.warnings.push_back({line_number, "cue dropped: a time on this line is out of range"});
    } else {
      cue.start = timing.start;
      cue.end = timing.end;
      cue.coordinates.assign(timing.rest);
    }
    previous_line = line;
  }
  finish(true);
  return file;
}

}  // namespace castkit::srt
