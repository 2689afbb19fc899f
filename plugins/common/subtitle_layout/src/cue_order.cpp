// Cue end fixing and the order checks of streaming subtitle sinks.
#include "castkit_common/cue_order.hpp"

#include <algorithm>

#include "castkit/streaming.hpp"

namespace castkit::layout {

Millis fixed_end(Millis start, std::optional<Millis> next_start) {
  const Millis next = next_start.value_or(start);
  return next > start ? std::min(next, start + 2000) : start + 2000;
}

void report_fixed_ends(std::size_t fixed, const std::string& output_name, Host& host) {
  if (fixed)
    host.report({Severity::warning, output_name, 0, 0,
                 std::to_string(fixed) +
                     " cue(s) ended before (or when) they started; their end was set to the next "
                     "cue's start (at most 2 s later)"});
}

void StreamedCues::episode() {
  if (episodes_++) throw NeedsWholeModel("a second episode (" + format_ + " writes the first)");
}

Millis StreamedCues::next(const Segment& segment) {
  if (!episodes_) throw NeedsWholeModel("a segment before its episode");
  if (segment_needs_layout(segment, options_))
    throw NeedsWholeModel("segment " + std::to_string(count_ + 1) + " needs laying out into cues");
  const Millis start = *segment.start;
  if (count_ && start < previous_start_)
    throw NeedsWholeModel("cue " + std::to_string(count_ + 1) + " starts before cue " +
                          std::to_string(count_));
  ++count_;
  previous_start_ = start;
  return start;
}

}  // namespace castkit::layout
