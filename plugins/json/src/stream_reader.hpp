// Reads castkit JSON into a ModelSink one episode at a time, so a large show is never held whole.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "castkit/streaming.hpp"
#include "episode_list_reader.hpp"
#include "model_reader.hpp"

namespace castkit::json {

/// Reads the castkit JSON document `bytes` into `sink`: show() with every show field (also those
/// written after "episodes"), then episode() for each episode, then finish(). Each episode is
/// parsed as a document of its own, so memory is bounded by a few batches of episodes, not the
/// input; a long list is parsed on several threads (ReadOptions::threads).
/// Delivers the same model, warnings and errors (file:line:col and path) as read_model. A
/// document whose layout the reader cannot cut into pieces cheaply (an encoding to convert,
/// escaped key names, no episode list) is read whole and then delivered. Throws NeedsWholeModel
/// in the one case found only after episodes were delivered: show fields after "episodes" that
/// the look at the document's end did not reveal.
void read_model_into(std::string_view bytes, const std::string& name, ModelSink& sink,
                     const ReadOptions& options, const WarningSink& warn,
                     const ConsumedSink& consumed);

}  // namespace castkit::json
