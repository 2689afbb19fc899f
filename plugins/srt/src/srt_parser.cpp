// SRT cue splitting: a timing line starts a cue; the digits-only line right above it is its
// index; everything up to the next cue's index is its text.
#include "srt_parser.hpp"

#include <algorithm>
#include <cstring>
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

// The digits of a digits-only line (spaces around them dropped), else "".
std::string_view index_digits(std::string_view line) {
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  for (char c : line)
    if (!is_digit(c)) return {};
  return line;
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

// Eight bytes at `p` as one little-endian number.
std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// True when no byte of `values` is above its limit in `limits`, each limit given as 0x7F minus
// the limit (no byte may carry into the next: those at or above 0x80 fail before the sum counts).
bool within(std::uint64_t values, std::uint64_t limits) {
  return ((values | (values + limits)) & 0x8080808080808080u) == 0;
}

// "HH:MM:SS,mmm" (or '.') at `p`, the shape nearly every SRT file uses; -1 when it is not. All
// eight bytes of "HH:MM:SS" are checked at once: XOR with "00:00:00" leaves the digits' values
// and zero for the colons, which must then be at most 9 (5 for the tens of minutes and seconds)
// and 0.
[[gnu::always_inline]] inline Millis fixed_timestamp(const char* p) {
  constexpr std::uint64_t kClock = 0x30303A30303A3030u;   // "00:00:00"
  constexpr std::uint64_t kLimits = 0x767A7F767A7F7676u;  // 9 9 0 5 9 0 5 9, low byte first
  const std::uint64_t clock = load8(p) ^ kClock;
  // The fraction: the byte before it and three digits, as "0mmm" with the mark in the low byte.
  std::uint32_t fraction;
  std::memcpy(&fraction, p + 8, sizeof fraction);
  const std::uint32_t mark = fraction & 0xFF;
  const std::uint64_t digits = (fraction >> 8) ^ 0x303030u;
  if (!within(clock, kLimits) || !within(digits, 0x767676u) || (mark != ',' && mark != '.'))
    return -1;
  // Each byte plus ten times the one before: hours, minutes and seconds in bytes 0, 3 and 6.
  const std::uint64_t pairs = clock * 10 + (clock >> 8);
  const auto hours = static_cast<Millis>(pairs & 0xFF);
  const auto minutes = static_cast<Millis>((pairs >> 24) & 0xFF);
  const auto seconds = static_cast<Millis>((pairs >> 48) & 0xFF);
  const auto ms =
      static_cast<Millis>((digits & 0xFF) * 100 + ((digits >> 8) & 0xFF) * 10 + (digits >> 16));
  return hours * 3'600'000 + minutes * 60'000 + seconds * 1000 + ms;
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
  if (!may_be_timing_line(line)) return TimingResult::not_timing;
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

namespace {

// The lines of the cue being read: its non-blank lines, which are its text (but for a trailing
// index), and what the index rules need to know about the blank ones.
class CueLines {
 public:
  // A new cue whose lines start after its timing line.
  void clear() {
    kept_.clear();
    last_blank_ = false;
    blank_before_kept_ = false;
  }

  // The next line of the cue.
  void add(std::string_view line) {
    const bool is_blank = blank(line);
    if (!is_blank) {
      blank_before_kept_ = last_blank_;
      kept_.push_back(line);
    }
    last_blank_ = is_blank;
  }

  // Takes the digits-only line right above the next timing line, the next cue's index, and
  // returns it ("" when the last line is not one).
  std::string_view take_next_index() {
    if (last_blank_ || kept_.empty()) return {};
    const std::string_view index = index_digits(kept_.back());
    if (!index.empty()) kept_.pop_back();
    return index;
  }

  // At the end of the file a digits-only line after a blank line is a dangling index: drops it.
  void drop_dangling_index() {
    if (!kept_.empty() && blank_before_kept_ && !index_digits(kept_.back()).empty())
      kept_.pop_back();
  }

  // The kept lines joined by '\n': a view of the input when they are one run of it with '\n'
  // between them, else built in `joined`.
  std::string_view text(std::string& joined) const {
    if (kept_.empty()) return {};
    bool one_run = true;
    for (std::size_t i = 1; i < kept_.size() && one_run; ++i) {
      const std::string_view before = kept_[i - 1];
      one_run = before.data() + before.size() + 1 == kept_[i].data() &&
                before.data()[before.size()] == '\n';
    }
    if (one_run) {
      const std::string_view last = kept_.back();
      return {kept_.front().data(),
              static_cast<std::size_t>(last.data() + last.size() - kept_.front().data())};
    }
    joined.clear();
    for (const std::string_view line : kept_) {
      if (!joined.empty()) joined += '\n';
      joined.append(line);
    }
    return joined;
  }

 private:
  std::vector<std::string_view> kept_;  // views into the input
  bool last_blank_ = false;             // the latest line was blank
  bool blank_before_kept_ = false;      // the line right above kept_.back() was blank
};

}  // namespace

ReadReport read_srt(std::string_view text, const std::string& name, std::size_t max_line_bytes,
                    const std::function<void(const RawCue&)>& on_cue, const ReadGate* gate) {
  ReadReport report;
  CueLines lines;
  std::string joined;               // a cue's text when its lines are not one run of the input
  RawCue cue;                       // reused: each field is set again for every cue
  const char* cue_start = nullptr;  // the current cue's index or timing line
  bool dropping = false;  // the current cue's timing was out of range: its text is skipped

  // Hands over the current cue (if any); returns the index line of the next one.
  auto finish = [&](bool at_eof) {
    std::string_view next_id;
    if (!cue_start) return next_id;
    if (at_eof)
      lines.drop_dangling_index();
    else
      next_id = lines.take_next_index();
    if (!dropping) {
      cue.text = lines.text(joined);
      if (cue.text.empty())
        ++report.empty_cues;
      else
        on_cue(cue);
    }
    return next_id;
  };

  std::size_t pos = 0;
  std::uint32_t line_number = 0;
  const std::size_t n = text.size();
  const char* data = text.data();
  // What the gate allows so far (without a gate, everything).
  std::size_t readable = gate ? 0 : std::numeric_limits<std::size_t>::max();
  std::string_view previous_line;  // the line before the current one, for a first index
  Timing timing;
  while (pos < n) {
    // A blank line (one in every cue) without a search.
    const std::size_t end =
        data[pos] == '\n' || data[pos] == '\r' ? pos : scan::find_line_end(data, pos, n);
    ++line_number;
    if (end - pos > max_line_bytes)
      fail_input(name, line_number, 1,
                 "line is " + std::to_string(end - pos) +
                     " bytes long, more than limits.max_line_bytes (" +
                     std::to_string(max_line_bytes) + ")");
    if (end >= readable) {
      // The cue's index, times and text stay in the input until it is handed over.
      const char* held = cue_start              ? cue_start
                         : previous_line.data() ? previous_line.data()
                                                : data + pos;
      readable = (*gate)(static_cast<std::size_t>(held - data), std::min(end + 1, n));
    }
    const std::string_view line(data + pos, end - pos);
    // One line end: LF, CR or CRLF.
    pos = end;
    if (pos < n) {
      ++pos;
      if (data[end] == '\r' && pos < n && data[pos] == '\n') ++pos;
    }

    const TimingResult result =
        may_be_timing_line(line) ? read_timing_line(line, timing) : TimingResult::not_timing;
    if (result == TimingResult::not_timing) {
      if (cue_start) lines.add(line);
      previous_line = line;
      continue;
    }
    const std::string_view id = cue_start ? finish(false) : index_digits(previous_line);
    cue_start = id.empty() ? line.data() : id.data();
    lines.clear();
    cue.line = line_number;
    cue.id = id;
    dropping = result == TimingResult::out_of_range;
    if (dropping) {
      report.warnings.push_back({line_number, "cue dropped: a time on this line is out of range"});
    } else {
      cue.start = timing.start;
      cue.end = timing.end;
      cue.coordinates = timing.rest;
    }
    previous_line = line;
  }
  finish(true);
  return report;
}

}  // namespace castkit::srt
