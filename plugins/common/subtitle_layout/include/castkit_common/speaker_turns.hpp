// Cues that hold two or more speakers ("- " dash lines in SRT, several <v> spans in WebVTT):
// their turns, kept in a segment's extension data under "subtitle.turns" by the srt and vtt
// importers and written back by both exporters.
#pragma once

#include <string>
#include <vector>

#include "castkit/value.hpp"

namespace castkit::layout {

/// One speaker's part of a cue.
struct Turn {
  std::string speaker;  ///< who speaks, "" when not named
  std::string text;     ///< plain text
};

/// Stores `turns` in `ext` as "subtitle.turns" (an array of {speaker, text}), moving their
/// strings; nothing when there are none.
void store_turns(std::vector<Turn>& turns, Extensions& ext);

}  // namespace castkit::layout
