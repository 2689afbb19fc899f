// The episode list read in two stages: cutting each episode out of the list and indexing it
// (list_cutter.hpp: skim or layout guess, then simdjson's stage 1), then reading it into the
// model and handing it to the sink. With two threads the first stage runs ahead on a second
// thread, a ring of indexed pieces apart.
#include "episode_list_reader.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "list_cutter.hpp"
#include "model_fields.hpp"

namespace castkit::json {

namespace {

/// Pieces indexed ahead of the reader (each has its own simdjson parser).
constexpr std::size_t kRingSize = 64;

/// The pieces between the cutting and the reading: a ring, filled on a second thread or, when
/// no thread is to be had, on demand by the reader. (Elements are skimmed: a guess that did not
/// hold would have to be cut again behind pieces already cut ahead.)
class PieceRing {
 public:
  PieceRing(const EpisodeList& list, const ReadOptions& options)
      : cutter_(list, options, Cutting::skim), pieces_(kRingSize) {
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

/// Reads the list with the cutting on a second thread.
std::size_t read_on_two_threads(const EpisodeList& list, ModelSink& sink,
                                const ReadOptions& options, const WarningSink& warn,
                                const ConsumedSink& consumed, const LateFailure& fail_late) {
  ModelReader reader(*list.name, options, warn);
  reader.defer_syntax_errors();
  reader.push_key("show");
  reader.push_key("episodes");
  PieceRing ring(list, options);
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

/// Reads the list on this thread, each element's end guessed from the layout while the guesses
/// hold: a piece cut at a wrong guess does not read as one JSON value, so it is cut again by
/// skimming (and guessing stops). A piece that fails to read is always cut again, so a fault
/// in the input is reported exactly as a skimmed piece reports it.
std::size_t read_on_one_thread(const EpisodeList& list, ModelSink& sink, const ReadOptions& options,
                               const WarningSink& warn, const ConsumedSink& consumed,
                               const LateFailure& fail_late) {
  // The warnings about a guessed piece wait until it has been read.
  std::vector<Diagnostic> held;
  bool holding = false;
  const WarningSink reader_warn = [&](const Diagnostic& d) {
    if (holding)
      held.push_back(d);
    else
      warn(d);
  };
  ModelReader reader(*list.name, options, reader_warn);
  reader.defer_syntax_errors();
  reader.push_key("show");
  reader.push_key("episodes");
  const std::size_t list_depth = reader.path_depth();
  Cutter cutter(list, options, Cutting::guess_from_layout);
  Piece piece;
  Episode episode;
  std::size_t index = 0, reported = 0;
  while (true) {
    cutter.next(piece);
    if (piece.kind == Piece::Kind::fault) fail_late("an episode does not end");
    if (piece.kind == Piece::Kind::end) return piece.end;
    holding = piece.guessed;
    reader.push_index(index);
    bool read = true;
    try {
      reader.read_piece(list.text, piece.indexed);
      reader.reread_episode(episode);
    } catch (const JsonCursor::SyntaxError&) {
      if (!piece.guessed) fail_late("malformed episode");
      read = false;
    } catch (const Error&) {
      if (!piece.guessed) throw;
      read = false;
    }
    holding = false;
    reader.truncate_path(list_depth);
    if (!read) {
      held.clear();
      cutter.stop_guessing();
      cutter.restart(piece.begin);
      continue;
    }
    for (const Diagnostic& d : held) warn(d);
    held.clear();
    if (piece.end - piece.begin > kLargePiece) piece.indexed = IndexedPiece();
    ++index;
    sink.episode(episode);
    if (piece.end - reported >= kConsumedStep) {
      consumed(list.bom + piece.end);
      reported = piece.end;
    }
  }
}

}  // namespace

std::size_t read_episode_list(const EpisodeList& list, ModelSink& sink, const ReadOptions& options,
                              unsigned threads, const WarningSink& warn,
                              const ConsumedSink& consumed, const LateFailure& fail_late) {
  if (threads >= 2) return read_on_two_threads(list, sink, options, warn, consumed, fail_late);
  return read_on_one_thread(list, sink, options, warn, consumed, fail_late);
}

}  // namespace castkit::json
