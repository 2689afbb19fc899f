// The episode list read in two stages: cutting each episode out of the list and indexing it
// (skim + simdjson's stage 1), then reading it into the model and handing it to the sink. With
// two threads the first stage runs ahead on a second thread, a ring of indexed pieces apart.
#include "episode_list_reader.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "json_cursor.hpp"
#include "json_skim.hpp"
#include "model_fields.hpp"

namespace castkit::json {

namespace {

/// Tells the host about consumed input every this many bytes. Each report is an madvise that
/// also flushes the TLB of the core running the output's writer thread: a MiB makes that 36
/// calls for the 37 MB feed of bench/ (143 at 256 KiB) and keeps its peak RSS at 11-13 MB.
constexpr std::size_t kConsumedStep = 1024 * 1024;
/// Pieces indexed ahead of the reader (each has its own simdjson parser).
constexpr std::size_t kRingSize = 64;
/// A parser that indexed a piece larger than this gives its memory back once it is read.
constexpr std::size_t kLargePiece = 1024 * 1024;

/// One element of the list, cut out and indexed; or why cutting stopped.
struct Piece {
  enum class Kind { episode, fault, error, end };
  Kind kind = Kind::end;
  IndexedPiece indexed;      // Kind::episode
  std::size_t begin = 0;     // Kind::episode: where the episode starts
  std::size_t end = 0;       // Kind::episode: where it ends; Kind::end: where the list closes
  std::exception_ptr error;  // Kind::error: what cutting on the second thread threw
};

/// Cuts the list into pieces (skimming) and indexes them, one at a time, on any one thread.
class Cutter {
 public:
  Cutter(const EpisodeList& list, const ReadOptions& options)
      : list_(list), options_(options), pos_(list.first) {}

  /// Fills `piece` with the next element of the list, indexed, or with why there is none.
  /// False once the list is done (the piece says how it ended).
  bool next(Piece& piece) {
    const std::string_view text = list_.text;
    if (done_) {
      piece.kind = Piece::Kind::end;
      piece.end = pos_;
      return false;
    }
    const std::size_t begin = pos_;
    const std::size_t end = skim::skip_value(text, begin);
    if (end == skim::npos || end == begin) {
      piece.kind = Piece::Kind::fault;
      return false;
    }
    pos_ = skim::skip_whitespace(text, end);
    if (pos_ < text.size() && text[pos_] == ',')
      pos_ = skim::skip_whitespace(text, pos_ + 1);
    else
      done_ = true;
    piece.kind = Piece::Kind::episode;
    piece.begin = begin;
    piece.end = end;
    piece.indexed.index(text, options_.readable_padding, begin, end);
    return true;
  }

 private:
  const EpisodeList& list_;
  const ReadOptions& options_;
  std::size_t pos_;    // where the next element starts
  bool done_ = false;  // no ',' followed the last element
};

/// The pieces between the cutting and the reading: a ring, filled on a second thread or, with
/// none, on demand by the reader.
class PieceRing {
 public:
  PieceRing(const EpisodeList& list, const ReadOptions& options, bool second_thread)
      : cutter_(list, options), pieces_(kRingSize) {
    if (!second_thread) return;
    try {
      cutting_thread_ = std::thread([this] { cut_ahead(); });
    } catch (const std::system_error&) {
      // no thread to be had: the reader cuts
    }
  }
  PieceRing(const PieceRing&) = delete;
  PieceRing& operator=(const PieceRing&) = delete;

  ~PieceRing() {
    if (!cutting_thread_.joinable()) return;
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    room_.notify_one();
    cutting_thread_.join();
  }

  /// The next piece, waiting for it to be indexed; valid until release().
  Piece& next() {
    if (!cutting_thread_.joinable()) {
      Piece& piece = pieces_[0];
      cutter_.next(piece);
      return piece;
    }
    std::unique_lock lock(mutex_);
    if (cut_ == read_) {
      reader_waiting_ = true;
      filled_.wait(lock, [&] { return cut_ > read_; });
      reader_waiting_ = false;
    }
    return pieces_[read_ % kRingSize];
  }

  /// Gives the piece from next() back to be filled again.
  void release(Piece& piece) {
    if (piece.kind == Piece::Kind::episode && piece.end - piece.begin > kLargePiece)
      piece.indexed = IndexedPiece();  // its parser's memory back
    if (!cutting_thread_.joinable()) return;
    bool wake = false;
    {
      const std::lock_guard lock(mutex_);
      ++read_;
      wake = cutter_waiting_ && cut_ - read_ <= kRingSize / 2;
    }
    if (wake) room_.notify_one();
  }

 private:
  /// The second thread: fills the ring until the list is done or the reader stops.
  void cut_ahead() {
    for (bool more = true; more;) {
      {
        std::unique_lock lock(mutex_);
        if (cut_ - read_ == kRingSize) {  // full: wait until half of it was read
          cutter_waiting_ = true;
          room_.wait(lock, [&] { return stopping_ || cut_ - read_ <= kRingSize / 2; });
          cutter_waiting_ = false;
        }
        if (stopping_) return;
      }
      Piece& piece = pieces_[cut_ % kRingSize];  // a slot only this thread touches now
      try {
        more = cutter_.next(piece);
      } catch (...) {
        piece.kind = Piece::Kind::error;
        piece.error = std::current_exception();
        more = false;
      }
      bool wake = false;
      {
        const std::lock_guard lock(mutex_);
        ++cut_;
        wake = reader_waiting_;
      }
      if (wake) filled_.notify_one();
    }
  }

  Cutter cutter_;
  std::vector<Piece> pieces_;
  std::thread cutting_thread_;
  std::mutex mutex_;
  std::condition_variable filled_;  // cut_ grew
  std::condition_variable room_;    // read_ grew, or stopping_
  std::size_t cut_ = 0;             // pieces filled so far (guarded by mutex_)
  std::size_t read_ = 0;            // pieces released so far (guarded by mutex_)
  bool stopping_ = false;           // (guarded by mutex_)
  // Who sleeps (guarded by mutex_): the other side wakes it only then, and the cutting thread
  // only once half of the ring is free, so that the threads do not wake each other per piece.
  bool reader_waiting_ = false;
  bool cutter_waiting_ = false;
};

}  // namespace

std::size_t read_episode_list(const EpisodeList& list, ModelSink& sink, const ReadOptions& options,
                              unsigned threads, const WarningSink& warn,
                              const ConsumedSink& consumed, const LateFailure& fail_late) {
  ModelReader reader(*list.name, options, warn);
  reader.defer_syntax_errors();
  reader.push_key("show");
  reader.push_key("episodes");
  PieceRing ring(list, options, threads >= 2);
  Episode episode;
  std::size_t index = 0, reported = 0;
  while (true) {
    Piece& piece = ring.next();
    if (piece.kind == Piece::Kind::fault) fail_late("an episode does not end");
    if (piece.kind == Piece::Kind::error) std::rethrow_exception(piece.error);
    if (piece.kind == Piece::Kind::end) return piece.end;
    reader.push_index(index++);
    try {
      reader.read_piece(list.text, piece.indexed);
      reader.reread_episode(episode);
    } catch (const JsonCursor::SyntaxError&) {
      fail_late("malformed episode");
    }
    reader.pop_path();
    const std::size_t end = piece.end;
    ring.release(piece);
    sink.episode(episode);
    if (end - reported >= kConsumedStep) {
      consumed(list.bom + end);
      reported = end;
    }
  }
}

}  // namespace castkit::json
