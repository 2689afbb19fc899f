// Filling an episode from several signals: the first signal that has a value for a field wins,
// and the field records that signal in Episode::provenance (printed by --explain).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "castkit/model.hpp"

namespace castkit::html {

/// Sets fields of one episode (and its show) that are still empty, recording provenance.
class EpisodeFill {
 public:
  /// Fills `episode` and `show`.
  EpisodeFill(Episode& episode, Show& show) : episode_(episode), show_(show) {}

  /// Sets a string field when it is empty and `value` is not.
  bool text(std::string Episode::*field, std::string_view name, std::string value,
            std::string_view signal) {
    if (!(episode_.*field).empty() || value.empty()) return false;
    episode_.*field = std::move(value);
    note(name, signal);
    return true;
  }
  /// Sets an optional field when it is empty and `value` is set.
  template <class T>
  bool optional(std::optional<T> Episode::*field, std::string_view name, std::optional<T> value,
                std::string_view signal) {
    if ((episode_.*field).has_value() || !value) return false;
    episode_.*field = std::move(value);
    note(name, signal);
    return true;
  }
  /// Sets a list field when it is empty and `values` is not.
  template <class T>
  bool list(std::vector<T> Episode::*field, std::string_view name, std::vector<T> values,
            std::string_view signal) {
    if (!(episode_.*field).empty() || values.empty()) return false;
    episode_.*field = std::move(values);
    note(name, signal);
    return true;
  }
  /// Sets the audio file when none is known yet.
  bool audio(std::string url, std::string type, std::string_view signal) {
    if (episode_.enclosure || url.empty()) return false;
    episode_.enclosure = Enclosure{std::move(url), std::move(type), std::nullopt};
    note("enclosure", signal);
    return true;
  }
  /// Sets the transcript when none is known yet.
  bool transcript(std::vector<Segment> segments, std::string_view signal) {
    if (!episode_.transcript.segments.empty() || segments.empty()) return false;
    episode_.transcript.segments = std::move(segments);
    note("transcript", signal);
    return true;
  }
  /// Sets the show's title when it is empty.
  bool show_title(std::string value, std::string_view signal) {
    if (!show_.title.empty() || value.empty()) return false;
    show_.title = std::move(value);
    note("show.title", signal);
    return true;
  }
  /// Records that `signal` produced field `name`.
  void note(std::string_view name, std::string_view signal) {
    episode_.provenance.emplace_back(std::string(name), std::string(signal));
  }

  /// The episode being filled.
  Episode& episode() { return episode_; }
  /// Its show.
  Show& show() { return show_; }

 private:
  Episode& episode_;
  Show& show_;
};

}  // namespace castkit::html
