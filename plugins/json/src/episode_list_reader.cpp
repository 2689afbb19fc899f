// The episode list read in batches: cut out on the calling thread, parsed by whichever thread is
// free (lowest batch first), delivered in order on the calling thread.
#include "episode_list_reader.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sched.h>
#endif

#include "json_skim.hpp"
#include "model_fields.hpp"

namespace castkit::json {

namespace {

/// Tells the host about consumed input every this many bytes.
constexpr std::size_t kConsumedStep = 256 * 1024;
/// A list shorter than this is read on the calling thread alone (unless ReadOptions::threads).
constexpr std::size_t kThreadsFrom = 1024 * 1024;
/// The most threads chosen when ReadOptions::threads is 0: the calling thread cuts and
/// delivers every batch, which bounds what more readers can gain.
constexpr unsigned kMostThreads = 4;
/// The most episodes in one batch, however small they are.
constexpr std::size_t kMostEpisodesPerBatch = 64;

/// The cores this process may run on.
unsigned usable_cores() {
#if defined(__linux__)
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
#endif
  return std::thread::hardware_concurrency();
}

/// Consecutive episodes of the list, from being cut out of the text to being delivered.
struct Batch {
  enum class State { free, cut, reading, read };
  State state = State::free;
  std::size_t first_index = 0;                              // the list index of its first episode
  std::vector<std::pair<std::size_t, std::size_t>> pieces;  // [begin, end) of each episode
  const char* fault = nullptr;    // why the list could not be cut after the pieces
  std::vector<Episode> episodes;  // episodes[0, read) hold pieces[0, read); storage kept
  std::size_t read = 0;
  std::vector<std::pair<std::size_t, Diagnostic>> warnings;  // (piece, warning), in order
  std::exception_ptr error;                                  // what reading pieces[read] threw
  bool malformed = false;                                    // pieces[read] is not well-formed JSON
};

/// A ModelReader of episodes whose warnings go to the batch it is reading.
class BatchReader {
 public:
  BatchReader(const EpisodeList& list, const ReadOptions& options)
      : list_(list), options_(options), reader_(*list.name, options, warn_) {
    reader_.defer_syntax_errors();
    reader_.push_key("show");
    reader_.push_key("episodes");
  }

  /// Reads the pieces of `batch` into its episodes; false when one fails (the batch says which
  /// and why), after which this reader reads nothing more.
  bool read(Batch& batch) {
    batch_ = &batch;
    batch.read = 0;
    batch.warnings.clear();
    batch.error = nullptr;
    batch.malformed = false;
    if (batch.episodes.size() < batch.pieces.size()) batch.episodes.resize(batch.pieces.size());
    for (const auto& [begin, end] : batch.pieces) {
      reader_.push_index(batch.first_index + batch.read);
      try {
        reader_.parse_piece(list_.text, options_.readable_padding, begin, end);
        reader_.reread_episode(batch.episodes[batch.read]);
      } catch (const JsonCursor::SyntaxError&) {
        batch.malformed = true;
        return false;
      } catch (...) {
        batch.error = std::current_exception();
        return false;
      }
      reader_.pop_path();
      ++batch.read;
    }
    return true;
  }

 private:
  const EpisodeList& list_;
  const ReadOptions& options_;
  Batch* batch_ = nullptr;
  const WarningSink warn_ = [this](const Diagnostic& d) {
    batch_->warnings.emplace_back(batch_->read, d);
  };
  ModelReader reader_;
};

/// The batches in flight (a ring), the threads reading them, and the calling thread's work.
class EpisodePipeline {
 public:
  EpisodePipeline(const EpisodeList& list, const ReadOptions& options, unsigned threads)
      : list_(list), options_(options), batches_(2 * threads + 2), pos_(list.first) {
    for (unsigned i = 0; i < threads; ++i)
      readers_.push_back(std::make_unique<BatchReader>(list, options));
    for (unsigned i = 1; i < threads; ++i) {
      try {
        workers_.emplace_back([this, reader = readers_[i].get()] { work(*reader); });
      } catch (const std::system_error&) {
        break;  // no more threads to be had: fewer read
      }
    }
  }
  EpisodePipeline(const EpisodePipeline&) = delete;
  EpisodePipeline& operator=(const EpisodePipeline&) = delete;

  ~EpisodePipeline() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  /// Cuts, helps read and delivers every batch; returns where the list should close.
  std::size_t run(ModelSink& sink, const WarningSink& warn, const ConsumedSink& consumed,
                  const LateFailure& fail_late) {
    std::unique_lock lock(mutex_);
    while (!(list_cut_ && next_delivery_ == next_cut_)) {
      Batch& due = slot(next_delivery_);
      if (next_delivery_ < next_cut_ && due.state == Batch::State::read) {
        lock.unlock();
        deliver(due, sink, warn, consumed, fail_late);
        lock.lock();
        due.state = Batch::State::free;
        ++next_delivery_;
      } else if (!list_cut_ && slot(next_cut_).state == Batch::State::free) {
        Batch& batch = slot(next_cut_);
        lock.unlock();
        cut(batch);
        lock.lock();
        batch.state = Batch::State::cut;
        ++next_cut_;
        work_ready_.notify_one();
      } else if (Batch* batch = claim()) {
        lock.unlock();
        const bool ok = readers_[0]->read(*batch);
        lock.lock();
        finish_reading(*batch, ok);
      } else {
        batch_read_.wait(lock);
      }
    }
    return pos_;
  }

 private:
  Batch& slot(std::size_t sequence) { return batches_[sequence % batches_.size()]; }

  /// The earliest batch cut and not yet taken, now being read; nullptr when there is none or a
  /// reader has failed (the batches before the failed one were all taken before it).
  Batch* claim() {
    if (failed_) return nullptr;
    for (std::size_t sequence = next_delivery_; sequence < next_cut_; ++sequence) {
      Batch& batch = slot(sequence);
      if (batch.state == Batch::State::cut) {
        batch.state = Batch::State::reading;
        return &batch;
      }
    }
    return nullptr;
  }

  void finish_reading(Batch& batch, bool ok) {
    batch.state = Batch::State::read;
    if (!ok) failed_ = true;
  }

  /// A second thread's loop: reads the earliest batch waiting until told to stop.
  void work(BatchReader& reader) {
    std::unique_lock lock(mutex_);
    while (true) {
      Batch* batch = nullptr;
      work_ready_.wait(lock, [&] { return stopping_ || (batch = claim()) != nullptr; });
      if (stopping_) return;
      lock.unlock();
      const bool ok = reader.read(*batch);
      lock.lock();
      finish_reading(*batch, ok);
      batch_read_.notify_one();
    }
  }

  /// Fills `batch` with the next episodes of the list (this thread owns a free batch).
  void cut(Batch& batch) {
    const std::string_view text = list_.text;
    batch.first_index = next_index_;
    batch.pieces.clear();
    batch.fault = nullptr;
    std::size_t bytes = 0;
    while (batch.pieces.size() < kMostEpisodesPerBatch && bytes < options_.batch_bytes) {
      const std::size_t end = skim::skip_value(text, pos_);
      if (end == skim::npos || end == pos_) {
        batch.fault = "an episode does not end";
        list_cut_ = true;
        return;
      }
      batch.pieces.emplace_back(pos_, end);
      bytes += end - pos_;
      ++next_index_;
      pos_ = skim::skip_whitespace(text, end);
      if (pos_ >= text.size() || text[pos_] != ',') {
        list_cut_ = true;
        return;
      }
      pos_ = skim::skip_whitespace(text, pos_ + 1);
    }
  }

  /// Hands the episodes of a read batch to the sink with their warnings, then reports what
  /// went wrong in it, if anything.
  void deliver(Batch& batch, ModelSink& sink, const WarningSink& warn, const ConsumedSink& consumed,
               const LateFailure& fail_late) {
    std::size_t warning = 0;
    const auto warn_up_to = [&](std::size_t piece) {
      for (; warning < batch.warnings.size() && batch.warnings[warning].first <= piece; ++warning)
        warn(batch.warnings[warning].second);
    };
    for (std::size_t i = 0; i < batch.read; ++i) {
      warn_up_to(i);
      sink.episode(batch.episodes[i]);
      const std::size_t end = batch.pieces[i].second;
      if (end - reported_ >= kConsumedStep) {
        consumed(list_.bom + end);
        reported_ = end;
      }
    }
    warn_up_to(batch.read);
    if (batch.malformed) fail_late("malformed episode");
    if (batch.error) std::rethrow_exception(batch.error);
    if (batch.fault) fail_late(batch.fault);
  }

  const EpisodeList& list_;
  const ReadOptions& options_;
  std::vector<Batch> batches_;
  std::vector<std::unique_ptr<BatchReader>> readers_;  // [0] is the calling thread's
  std::vector<std::thread> workers_;                   // reading with readers_[1...]

  // The calling thread's alone.
  std::size_t pos_;             // where cutting goes on
  std::size_t next_index_ = 0;  // the list index of the next episode cut
  std::size_t reported_ = 0;    // the last offset given to ConsumedSink
  bool list_cut_ = false;       // the whole list is in batches

  // Guarded by mutex_.
  std::mutex mutex_;
  std::condition_variable work_ready_;  // a batch was cut, or stopping_
  std::condition_variable batch_read_;  // a second thread finished a batch
  std::size_t next_cut_ = 0;            // the sequence number of the next batch to cut
  std::size_t next_delivery_ = 0;       // ... to deliver
  bool failed_ = false;                 // a reader failed: nothing more is read
  bool stopping_ = false;
};

}  // namespace

unsigned episode_reading_threads(const ReadOptions& options, std::size_t list_bytes) {
  if (options.threads) return options.threads;
  if (list_bytes < kThreadsFrom) return 1;
  return std::clamp(usable_cores(), 1u, kMostThreads);
}

std::size_t read_episode_list(const EpisodeList& list, ModelSink& sink, const ReadOptions& options,
                              unsigned threads, const WarningSink& warn,
                              const ConsumedSink& consumed, const LateFailure& fail_late) {
  EpisodePipeline pipeline(list, options, std::max(threads, 1u));
  return pipeline.run(sink, warn, consumed, fail_late);
}

}  // namespace castkit::json
