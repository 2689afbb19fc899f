// The `rename-speakers` transform: maps speaker names, e.g. first names to full names.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "castkit/model.hpp"
#include "castkit/plugin.hpp"

namespace castkit::transforms {

/// Old name -> new name.
using SpeakerMap = std::map<std::string, std::string, std::less<>>;

/// Renames the speaker of every transcript segment found in `names`, including the voice spans
/// (`<v Name>`, `<v.class Name>`) of WebVTT markup kept in a segment's "vtt.markup" extension.
/// Returns how many segments changed.
std::size_t rename_speakers(Show& show, const SpeakerMap& names);

/// The transform: reads option `map` (a mapping of old name to new name).
std::unique_ptr<Transform> make_rename_speakers();

}  // namespace castkit::transforms
