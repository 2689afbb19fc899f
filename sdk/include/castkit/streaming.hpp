// castkit SDK: streaming, an import that flows straight into an export piece by piece, so a large
// input (a 100,000-cue subtitle file, a 10,000-episode show) is never held as a whole model.
//
// Optional for plugins. An importer or exporter object may also derive from StreamingImporter or
// StreamingExporter; the host asks with dynamic_cast and uses the streaming path for a plain
// one-input, one-output conversion without transforms. The streaming path must write exactly what
// the whole-model path writes. A sink that cannot (cues out of time order, a transcript that needs
// laying out, a second episode for a one-episode format) throws NeedsWholeModel: the host then
// discards what was written and runs the whole-model path on the same input.
#pragma once

#include <exception>
#include <memory>
#include <string>

#include "castkit/model.hpp"
#include "castkit/plugin.hpp"

namespace castkit {

/// Receives a model in reading order: show() once, then for each episode episode() followed by
/// any number of segment() calls for the rest of its transcript, then finish().
class ModelSink {
 public:
  virtual ~ModelSink() = default;
  /// The show's own fields, complete; `show.episodes` is empty.
  virtual void show(const Show& show) = 0;
  /// One episode, complete except for transcript segments that may follow through segment().
  virtual void episode(const Episode& episode) = 0;
  /// The next transcript segment of the last episode. The importer may reuse the object after
  /// the call returns, so a sink copies what it keeps.
  virtual void segment(const Segment& segment) = 0;
  /// The end of the input: the sink writes what it still holds.
  virtual void finish() = 0;
};

/// Thrown by a sink (or a streaming importer) when the output needs the whole model. Importers
/// let it pass; the host discards the partial output and runs the whole-model path instead.
class NeedsWholeModel : public std::exception {
 public:
  /// `reason` is logged with -v, e.g. "cue 12 starts before cue 11".
  explicit NeedsWholeModel(std::string reason) : reason_(std::move(reason)) {}
  /// Why the stream could not be written as it came.
  const char* what() const noexcept override { return reason_.c_str(); }

 private:
  std::string reason_;
};

/// An importer that can also hand its model to a sink piece by piece.
class StreamingImporter {
 public:
  virtual ~StreamingImporter() = default;
  /// Reads `input` into `sink` (same errors as Importer::read). Calls
  /// `context.host.input_consumed(input, offset)` now and then, so the host can release the bytes
  /// already read.
  virtual void read_into(const Input& input, ModelSink& sink, Context& context) = 0;
};

/// An exporter that can also write from a sink.
class StreamingExporter {
 public:
  virtual ~StreamingExporter() = default;
  /// A sink that appends the format's bytes to `out`. Between sink calls the host moves the bytes
  /// out of `out` into the output file, so the sink never assumes `out` still holds what it
  /// appended. `output_name` is for messages; `context` outlives the sink.
  virtual std::unique_ptr<ModelSink> open(const std::string& output_name, std::string& out,
                                          Context& context) = 0;
};

}  // namespace castkit
