// The output writing thread.
#include "background_writer.hpp"

#include <system_error>
#include <utility>

namespace castkit::host {

BackgroundWriter::~BackgroundWriter() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void BackgroundWriter::write(std::string& buffer) {
  if (!thread_.joinable()) {
    try {
      thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
      file_.write(buffer);  // no second thread: the bytes are written here
      buffer.clear();
      return;
    }
  }
  std::unique_lock lock(mutex_);
  wait_until_idle(lock);
  pending_.swap(buffer);
  buffer.clear();
  busy_ = true;
  lock.unlock();
  changed_.notify_all();
}

void BackgroundWriter::finish() {
  if (!thread_.joinable()) return;
  std::unique_lock lock(mutex_);
  wait_until_idle(lock);
}

void BackgroundWriter::wait_until_idle(std::unique_lock<std::mutex>& lock) {
  changed_.wait(lock, [&] { return !busy_; });
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void BackgroundWriter::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return busy_ || stopping_; });
    if (!busy_) return;  // stopping, nothing left to write
    lock.unlock();
    std::exception_ptr failure;
    try {
      file_.write(pending_);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    failure_ = failure;  // none is pending: write() took the last one before handing this over
    busy_ = false;
    changed_.notify_all();
  }
}

}  // namespace castkit::host
