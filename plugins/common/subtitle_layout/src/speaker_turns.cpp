// A cue's speaker turns as extension data.
#include "castkit_common/speaker_turns.hpp"

namespace castkit::layout {

void store_turns(std::vector<Turn>& turns, Extensions& ext) {
  if (turns.empty()) return;
  Value stored = Value::array();
  for (Turn& turn : turns) {
    Value item = Value::object();
    item.set("speaker", Value(std::move(turn.speaker)));
    item.set("text", Value(std::move(turn.text)));
    stored.push(std::move(item));
  }
  ext["subtitle.turns"] = std::move(stored);
}

}  // namespace castkit::layout
