// Shifting every time of an episode by a fixed amount.
#include "offset.hpp"

#include <string>

namespace castkit::transforms {
namespace {

/// Shifts one time, clamping at zero; counts clamps.
void shift(Millis& time, Millis ms, std::size_t& clamped) {
  time += ms;
  if (time < 0) {
    time = 0;
    ++clamped;
  }
}

void shift(std::optional<Millis>& time, Millis ms, std::size_t& clamped) {
  if (time) shift(*time, ms, clamped);
}

class Offset final : public Transform {
 public:
  void apply(Show& show, Context& context) override {
    const ConfigView option = context.options["ms"];
    if (!option.exists())
      context.options.fail("the offset transform needs option ms (milliseconds)");
    const Millis ms = option.as_int(0);
    if (std::size_t clamped = shift_times(show, ms))
      context.host.log(LogLevel::warning, "offset " + std::to_string(ms) + " ms moved " +
                                              std::to_string(clamped) +
                                              " times before the start; they were set to 0");
  }
};

}  // namespace

std::size_t shift_times(Show& show, Millis ms) {
  std::size_t clamped = 0;
  for (Episode& episode : show.episodes) {
    for (Chapter& chapter : episode.chapters) {
      shift(chapter.start, ms, clamped);
      shift(chapter.end, ms, clamped);
    }
    for (Segment& segment : episode.transcript.segments) {
      shift(segment.start, ms, clamped);
      shift(segment.end, ms, clamped);
    }
    for (Soundbite& soundbite : episode.soundbites) shift(soundbite.start, ms, clamped);
  }
  return clamped;
}

std::unique_ptr<Transform> make_offset() {
  return std::make_unique<Offset>();
}

}  // namespace castkit::transforms
