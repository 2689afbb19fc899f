// The path to the value being read (`show.episodes[3].title`), for messages: pushed and popped
// for every member and element read, so it keeps its storage and does both inline.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace castkit::json {

/// A stack of keys and indexes naming where the reader is in the document.
class PathStack {
 public:
  /// One step: a key, or an index when key has no data.
  struct Step {
    std::string_view key;
    std::size_t index = 0;
  };

  /// Adds a step.
  void push(Step step) {
    if (size_ == steps_.size()) [[unlikely]]
      grow();
    steps_[size_++] = step;
  }
  /// Drops the last step.
  void pop() { --size_; }
  /// Drops every step.
  void clear() { size_ = 0; }
  /// How many steps there are.
  std::size_t size() const { return size_; }
  /// Drops the steps after the first `size` (a path left half-walked by an exception).
  void truncate(std::size_t size) { size_ = size < size_ ? size : size_; }

  /// The path as text: keys joined by '.', indexes in brackets (`a.b[3].c`).
  std::string text() const {
    std::string out;
    for (std::size_t i = 0; i < size_; ++i) {
      const Step& step = steps_[i];
      if (step.key.data()) {
        if (!out.empty()) out += '.';
        out += step.key;
      } else {
        out += '[' + std::to_string(step.index) + ']';
      }
    }
    return out;
  }

 private:
  /// More room, out of line so that push() stays small enough to be inlined.
  [[gnu::noinline]] void grow() { steps_.resize(steps_.size() * 2 + 16); }

  std::vector<Step> steps_;  // steps_[0, size_) are the path; the rest is kept storage
  std::size_t size_ = 0;
};

}  // namespace castkit::json
