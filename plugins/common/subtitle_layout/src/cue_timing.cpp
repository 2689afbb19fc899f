// Sharing time out between cues: water-filling with per-cue minimums between fixed knots.
#include "cue_timing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace castkit::layout::detail {
namespace {

std::string clock(Millis ms) {
  char buffer[32];
  const long long total = ms / 1000;
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld.%03lld", total / 3600, total / 60 % 60,
                total % 60, static_cast<long long>(ms % 1000));
  return buffer;
}

// Reports warnings through the host: the first `shown` of them, then how many more there were,
// so a transcript with thousands of conflicts does not bury the output.
class Warnings {
 public:
  explicit Warnings(Host& host) : host_(host) {}
  void add(std::string message) {
    if (++count_ <= shown) report(std::move(message));
  }
  void finish() {
    if (count_ > shown)
      report(std::to_string(count_ - shown) + " more warning(s) like these were not shown");
  }

 private:
  static constexpr int shown = 20;
  void report(std::string message) {
    host_.report(Diagnostic{Severity::warning, {}, 0, 0, "subtitle layout: " + std::move(message)});
  }
  Host& host_;
  int count_ = 0;
};

double weight_of(const CueMeasure& cue) {
  return std::max(1, cue.syllables);
}

// The shortest slot (display time plus the gap after it) a cue may get at reading speed `cps`.
Millis slot_for_reading(const CueMeasure& cue, double cps, const Options& options) {
  const auto reading = static_cast<Millis>(std::ceil(double(cue.chars) * 1000.0 / cps));
  return std::min(std::max(reading, options.min_duration), options.max_duration) + options.min_gap;
}

// Splits `total` ms into slots in proportion to `weights`, none below its minimum; requires
// sum(minimum) <= total. Slots that would fall below their minimum get exactly it and the rest
// is shared again among the others (water-filling), in whole milliseconds summing to `total`.
std::vector<Millis> share(Millis total, const std::vector<double>& weights,
                          const std::vector<Millis>& minimum) {
  const std::size_t n = weights.size();
  std::vector<bool> pinned(n, false);
  Millis rest = total;
  double free_weight = 0;
  for (;;) {
    rest = total;
    free_weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (pinned[i])
        rest -= minimum[i];
      else
        free_weight += weights[i];
    }
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!pinned[i] && double(rest) * weights[i] / free_weight < double(minimum[i])) {
        pinned[i] = true;
        changed = true;
      }
    }
    if (!changed || free_weight == 0) break;
  }
  std::vector<Millis> slots(n);
  Millis given = 0;
  std::size_t last_free = n;
  for (std::size_t i = 0; i < n; ++i) {
    slots[i] = pinned[i] ? minimum[i]
                         : static_cast<Millis>(std::floor(double(rest) * weights[i] / free_weight));
    if (!pinned[i]) last_free = i;
    given += slots[i];
  }
  // Whole milliseconds lost to rounding go to the free slots, one each, from the first.
  for (std::size_t i = 0; given < total && i < n; ++i) {
    if (pinned[i] && last_free != n) continue;
    ++slots[i];
    ++given;
  }
  return slots;
}

// Slots for cues [first, last) that must fill exactly `total` ms: at target_cps if they fit,
// else at max_cps, else (with a warning) at the bare minimum of min_gap + 1 ms each.
std::vector<Millis> fill_interval(const std::vector<CueMeasure>& cues, std::size_t first,
                                  std::size_t last, Millis from, Millis total,
                                  const Options& options, Warnings& warnings) {
  std::vector<double> weights;
  std::vector<Millis> at_target, at_ceiling, bare;
  Millis need_target = 0, need_ceiling = 0;
  for (std::size_t i = first; i < last; ++i) {
    weights.push_back(weight_of(cues[i]));
    at_target.push_back(slot_for_reading(cues[i], options.target_cps, options));
    at_ceiling.push_back(slot_for_reading(cues[i], options.max_cps, options));
    bare.push_back(options.min_gap + 1);
    need_target += at_target.back();
    need_ceiling += at_ceiling.back();
  }
  if (need_target <= total) return share(total, weights, at_target);
  if (need_ceiling <= total) return share(total, weights, at_ceiling);
  char needed[32];
  std::snprintf(needed, sizeof needed, "%.1f", double(need_ceiling) / 1000.0);
  warnings.add(std::to_string(last - first) + " cue(s) from " + clock(from) + " to " +
               clock(from + total) + " need " + needed +
               " s to be read within max_cps and min_duration; they are shown for less");
  return share(total, weights, bare);
}

// Keeps the knots that can be honoured, in cue order, the first one at cue 0.
std::vector<Knot> usable_knots(std::size_t cue_count, std::vector<Knot> knots,
                               std::optional<Millis> duration, const Options& options,
                               Warnings& warnings) {
  std::stable_sort(knots.begin(), knots.end(), [](const Knot& a, const Knot& b) {
    return a.cue != b.cue ? a.cue < b.cue : a.priority > b.priority;
  });
  // The episode starts at 0 unless the first cue has a time of its own.
  std::vector<Knot> kept{Knot{0, 0, -1, false, {}}};
  const Millis bare_slot = options.min_gap + 1;
  for (auto& knot : knots) {
    const bool replaces_origin = knot.cue == 0 && kept.size() == 1 && kept[0].priority < 0;
    if (!replaces_origin && kept.back().cue == knot.cue) continue;  // a better knot on this cue
    std::string problem;
    if (knot.time < 0) {
      problem = "is negative";
    } else if (knot.time > max_knot_time) {
      problem = "is too large";
    } else if (duration && (knot.cue < cue_count ? knot.time >= *duration
                                                 : knot.time > *duration + options.min_gap)) {
      problem = "is past the episode's end at " + clock(*duration);
    } else if (!replaces_origin &&
               knot.time - kept.back().time < Millis(knot.cue - kept.back().cue) * bare_slot) {
      problem = knot.time <= kept.back().time
                    ? "is not after the previous time " + clock(kept.back().time)
                    : "leaves too little time after " + clock(kept.back().time) + " for the " +
                          std::to_string(knot.cue - kept.back().cue) + " cue(s) before it";
    }
    if (!problem.empty()) {
      if (knot.priority > 0)
        warnings.add("the time " + clock(knot.time) + " of \"" + knot.label + "\" " + problem +
                     "; ignored, that cue's time is estimated");
    } else if (replaces_origin) {
      kept[0] = std::move(knot);
    } else {
      kept.push_back(std::move(knot));
    }
  }
  return kept;
}

// Slots for the cues after the last knot: the measured speaking rate, kept within `duration`.
std::vector<Millis> fill_tail(const std::vector<CueMeasure>& cues, const std::vector<Knot>& kept,
                              std::optional<Millis> duration, const Options& options,
                              Warnings& warnings) {
  const Knot& first = kept.front();
  const Knot& last = kept.back();
  double spoken = 0;
  for (std::size_t i = first.cue; i < last.cue; ++i) spoken += weight_of(cues[i]);
  const double ms_per_syllable = last.time > first.time && spoken > 0
                                     ? double(last.time - first.time) / spoken
                                     : default_ms_per_syllable;
  std::vector<Millis> slots;
  Millis total = 0;
  for (std::size_t i = last.cue; i < cues.size(); ++i) {
    const auto by_rate = static_cast<Millis>(std::llround(weight_of(cues[i]) * ms_per_syllable));
    slots.push_back(std::max(by_rate, slot_for_reading(cues[i], options.target_cps, options)));
    total += slots.back();
  }
  if (!duration || last.time + total - options.min_gap <= *duration) return slots;
  const Millis room = *duration + options.min_gap - last.time;
  if (room >= Millis(slots.size()) * (options.min_gap + 1))
    return fill_interval(cues, last.cue, cues.size(), last.time, room, options, warnings);
  warnings.add("the last " + std::to_string(slots.size()) + " cue(s) do not fit between " +
               clock(last.time) + " and the episode's end at " + clock(*duration) +
               "; they run past it");
  return slots;
}

}  // namespace

std::vector<CueTime> time_cues(const std::vector<CueMeasure>& cues, std::vector<Knot> knots,
                               std::optional<Millis> duration, const Options& options, Host& host) {
  const std::size_t n = cues.size();
  if (n == 0) return {};
  Warnings warnings(host);
  const auto kept = usable_knots(n, std::move(knots), duration, options, warnings);
  std::vector<Millis> slots;
  slots.reserve(n);
  for (std::size_t k = 0; k + 1 < kept.size(); ++k) {
    const auto part = fill_interval(cues, kept[k].cue, kept[k + 1].cue, kept[k].time,
                                    kept[k + 1].time - kept[k].time, options, warnings);
    slots.insert(slots.end(), part.begin(), part.end());
  }
  if (kept.back().cue < n) {
    const auto tail = fill_tail(cues, kept, duration, options, warnings);
    slots.insert(slots.end(), tail.begin(), tail.end());
  }

  warnings.finish();
  std::vector<CueTime> times(n);
  Millis start = kept.front().time;
  std::size_t next_knot = 0;
  for (std::size_t i = 0; i < n; ++i) {
    CueTime& cue = times[i];
    cue.start = start;
    if (next_knot < kept.size() && kept[next_knot].cue == i) {
      cue.exact = kept[next_knot].exact;
      ++next_knot;
    }
    Millis end = start + std::min(slots[i] - options.min_gap, options.max_duration);
    if (cues[i].end_limit && *cues[i].end_limit > start) end = std::min(end, *cues[i].end_limit);
    if (duration && *duration > start) end = std::min(end, *duration);
    cue.end = std::max(end, start + 1);
    start += slots[i];
  }
  return times;
}

}  // namespace castkit::layout::detail
