#include "progress_bar.hpp"

#include <cstdio>
#include <string>

#include <unistd.h>

namespace castkit::net {

ProgressBar::ProgressBar(std::size_t total, bool wanted)
    : total_(total), active_(wanted && total > 1 && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputc('\n', stderr);
}

void ProgressBar::update(std::size_t done, std::uint64_t bytes) {
  if (!active_) return;
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = total_ ? done * kWidth / total_ : kWidth;
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '-');
  std::fprintf(stderr, "\rfetching [%s] %zu/%zu  %.1f MB", bar.c_str(), done, total_,
               static_cast<double>(bytes) / 1e6);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace castkit::net
