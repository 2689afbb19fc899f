// The progress bar fetch_all draws on stderr, only when stderr is a terminal.
#pragma once

#include <cstddef>
#include <cstdint>

namespace castkit::net {

/// A one-line progress bar redrawn in place; does nothing when disabled or stderr is not a TTY.
class ProgressBar {
 public:
  /// A bar for `total` downloads; `wanted` false (or stderr not a terminal) draws nothing.
  ProgressBar(std::size_t total, bool wanted);
  /// Ends the line when something was drawn.
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Redraws: `done` of the total finished, `bytes` received so far.
  void update(std::size_t done, std::uint64_t bytes);
  /// Whether the bar draws at all.
  bool active() const { return active_; }

 private:
  std::size_t total_;
  bool active_;
  bool drawn_ = false;
};

}  // namespace castkit::net
