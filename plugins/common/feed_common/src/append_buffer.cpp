// Growing the string under an AppendBuffer.
#include "castkit/feed/append_buffer.hpp"

#include <algorithm>

namespace castkit::feed {

namespace {
/// Room made beyond what is asked for, so that a run of small pieces grows the string once.
constexpr std::size_t spare_room = 1984;
}  // namespace

void AppendBuffer::grow(std::size_t size) {
  extend(std::max(size, spare_room));
}

void AppendBuffer::extend(std::size_t size) {
  const auto written = static_cast<std::size_t>(cursor_ - out_.data());
  out_.resize(written + size);
  cursor_ = out_.data() + written;
  limit_ = out_.data() + out_.size();
}

}  // namespace castkit::feed
