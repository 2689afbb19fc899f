// Writing a streamed output on a thread of its own, so that producing the next bytes and
// writing the last ones overlap.
#pragma once

#include <condition_variable>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include "atomic_output.hpp"

namespace castkit::host {

/// Writes full buffers to an AtomicFile on a second thread, one buffer at a time: the caller
/// hands over the bytes it has gathered and goes on gathering into the buffer written before.
class BackgroundWriter {
 public:
  /// Writes to `file`, which must outlive the writer. The thread starts with the first buffer.
  explicit BackgroundWriter(AtomicFile& file) : file_(file) {}
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;
  /// Waits for the write in progress (its failure is dropped: call finish() to see it).
  ~BackgroundWriter();

  /// Takes the bytes of `buffer` to be written and leaves `buffer` empty (with the storage of an
  /// earlier buffer), once the write before has finished; rethrows what that write threw. With
  /// no thread to be had, writes on the calling thread.
  void write(std::string& buffer);
  /// Waits for the write in progress; rethrows what it threw.
  void finish();

 private:
  void run();
  /// Waits until no write is in progress; rethrows a failure (the lock is held).
  void wait_until_idle(std::unique_lock<std::mutex>& lock);

  AtomicFile& file_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string pending_;         // the bytes being written (the thread's while busy_)
  std::exception_ptr failure_;  // what the last write threw
  bool busy_ = false;
  bool stopping_ = false;
};

}  // namespace castkit::host
