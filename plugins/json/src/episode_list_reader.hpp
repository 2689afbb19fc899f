// Reading the episode list of a castkit JSON document one episode at a time: each element is
// cut out of the list (skimming) and indexed by simdjson's stage 1, then read into the model
// (into the storage of the episode before it) and handed to the sink. With two threads the
// cutting and indexing runs ahead on the second one.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "castkit/streaming.hpp"
#include "model_reader.hpp"

namespace castkit::json {

/// Called with the offset (into the input bytes) before which the reader reads nothing again.
using ConsumedSink = std::function<void(std::size_t offset)>;

/// Called when the list cannot be read episode by episode after all (a malformed episode, an
/// episode that does not end): reports the fault as the whole-document reader does. Never returns.
using LateFailure = std::function<void(const char* why)>;

/// What reading an episode list needs.
struct EpisodeList {
  std::string_view text;  ///< the document, without a BOM
  std::size_t first = 0;  ///< where the list's first element starts (not at its ']')
  std::size_t bom = 0;    ///< bytes before `text` in the input, for ConsumedSink offsets
  const std::string* name = nullptr;  ///< the input's name in messages
};

/// The most threads ReadOptions::threads may ask for: one cuts and indexes, one reads.
inline constexpr unsigned kMostReadingThreads = 2;

/// Reads the elements of `list` into `sink` (episode() for each, in order) on `threads` threads
/// (1 or 2); the model, warnings and errors do not depend on it. Returns the position after the
/// last element and the whitespace after it (where the list should close).
std::size_t read_episode_list(const EpisodeList& list, ModelSink& sink, const ReadOptions& options,
                              unsigned threads, const WarningSink& warn,
                              const ConsumedSink& consumed, const LateFailure& fail_late);

}  // namespace castkit::json
