// Renaming speakers in transcripts.
#include "rename_speakers.hpp"

#include <string_view>

namespace castkit::transforms {
namespace {

/// Renames the voices of WebVTT cue markup: `<v Name>` / `<v.class Name>`; returns whether any
/// changed.
bool rename_voices(std::string& markup, const SpeakerMap& names) {
  bool changed = false;
  std::size_t at = 0;
  while ((at = markup.find("<v", at)) != std::string::npos) {
    const std::size_t close = markup.find('>', at);
    if (close == std::string::npos) break;
    const char after = markup[at + 2];
    const std::size_t space = markup.find_first_of(" \t", at);
    if ((after == ' ' || after == '\t' || after == '.') && space != std::string::npos &&
        space < close) {
      const std::string_view name = std::string_view(markup).substr(space + 1, close - space - 1);
      if (auto it = names.find(name); it != names.end()) {
        markup.replace(space + 1, close - space - 1, it->second);
        changed = true;
      }
    }
    at = markup.find('>', at) + 1;
  }
  return changed;
}

class RenameSpeakers final : public Transform {
 public:
  void apply(Show& show, Context& context) override {
    const ConfigView map = context.options["map"];
    if (!map.exists())
      context.options.fail("the rename-speakers transform needs option map (old name: new name)");
    if (map.node()->kind != ConfigNode::Kind::mapping)
      map.fail("expected a mapping of old name to new name");
    SpeakerMap names;
    for (const std::string& old_name : map.keys()) names[old_name] = map[old_name].as_string();
    const std::size_t changed = rename_speakers(show, names);
    context.host.log(LogLevel::debug,
                     "rename-speakers changed " + std::to_string(changed) + " segments");
  }
};

}  // namespace

std::size_t rename_speakers(Show& show, const SpeakerMap& names) {
  std::size_t changed = 0;
  for (Episode& episode : show.episodes) {
    for (Segment& segment : episode.transcript.segments) {
      bool touched = false;
      if (auto it = names.find(segment.speaker); it != names.end()) {
        segment.speaker = it->second;
        touched = true;
      }
      if (auto markup = segment.ext.find("vtt.markup");
          markup != segment.ext.end() && markup->second.kind == Value::Kind::string)
        touched = rename_voices(markup->second.string, names) || touched;
      if (touched) ++changed;
    }
  }
  return changed;
}

std::unique_ptr<Transform> make_rename_speakers() {
  return std::make_unique<RenameSpeakers>();
}

}  // namespace castkit::transforms
