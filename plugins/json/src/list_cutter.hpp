// Cutting an episode list into its elements, one at a time, each indexed by simdjson's stage 1
// for the reader (episode_list_reader.cpp): an element's end is found by skimming it, or
// guessed from the list's layout (closing_line.hpp) while the guesses hold.
#pragma once

#include <cstddef>
#include <exception>
#include <optional>
#include <string_view>

#include "episode_list_reader.hpp"
#include "json_cursor.hpp"

namespace castkit::json {

/// Tells the host about consumed input every this many bytes. Each report is an madvise that
/// also flushes the TLB of the core running the output's writer thread: a MiB makes that 36
/// calls for the 37 MB feed of bench/ (143 at 256 KiB) and keeps its peak RSS at 11-13 MB.
inline constexpr std::size_t kConsumedStep = 1024 * 1024;
/// A parser that indexed a piece larger than this gives its memory back once it is read.
inline constexpr std::size_t kLargePiece = 1024 * 1024;

/// One element of the list, cut out and indexed; or why cutting stopped.
struct Piece {
  enum class Kind { episode, fault, error, end };
  Kind kind = Kind::end;
  IndexedPiece indexed;      // Kind::episode
  std::size_t begin = 0;     // Kind::episode: where the episode starts
  std::size_t end = 0;       // Kind::episode: where it ends; Kind::end: where the list closes
  bool guessed = false;      // Kind::episode: `end` is a guess from the layout (see Cutter)
  std::exception_ptr error;  // Kind::error: what cutting on the second thread threw
};

/// How a Cutter finds where an element ends.
enum class Cutting {
  skim,               ///< skimming it
  guess_from_layout,  ///< from a pretty-printed list's layout, until a guess fails; else skimming
};

/// Cuts the list into pieces and indexes them, one at a time, on any one thread.
class Cutter {
 public:
  /// A cutter at the list's first element.
  Cutter(const EpisodeList& list, const ReadOptions& options, Cutting cutting);

  /// Goes on cutting from text[pos], where an element starts.
  void restart(std::size_t pos) {
    pos_ = pos;
    done_ = false;
  }
  /// Skims every element from now on: a guessed piece did not read as one JSON value.
  void stop_guessing() { indent_.reset(); }

  /// Fills `piece` with the next element of the list, indexed, or with why there is none.
  /// False once the list is done (the piece says how it ended).
  bool next(Piece& piece);

 private:
  /// Where the element at text[begin] ends, guessed from the layout; npos when the layout gives
  /// no answer (then guessing stops).
  std::size_t guess_end(std::size_t begin);

  const EpisodeList& list_;
  const ReadOptions& options_;
  std::size_t pos_;                         // where the next element starts
  bool done_ = false;                       // no ',' followed the last element
  std::optional<std::string_view> indent_;  // the elements' indentation while guessing
};

}  // namespace castkit::json
