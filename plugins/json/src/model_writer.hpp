// Writes the whole castkit model as castkit's JSON (see docs/json.md for the shape).
#pragma once

#include <memory>
#include <string>

#include "castkit/model.hpp"

namespace castkit::json {

/// The value of the top-level "castkit" marker: the version of the JSON shape.
inline constexpr const char* kFormatVersion = "1";

/// How the JSON is laid out.
struct WriteOptions {
  int indent = 2;  ///< spaces per level; 0 writes everything on one line
};

/// What writing found worth telling the user.
struct WriteReport {
  std::size_t replaced_bytes = 0;  ///< invalid UTF-8 bytes written as U+FFFD
  std::size_t non_finite =
      0;  ///< NaN or infinite numbers (ext: written as null, episode number: left out)
};

/// Appends `show` to `out` as a castkit JSON document. Members come in a fixed order, empty or
/// unset fields are left out, so the same model always gives the same bytes.
WriteReport write_model(const Show& show, std::string& out, const WriteOptions& options);

class ModelWriter;

/// Writes a castkit JSON document in the order a ModelSink receives a model: the same bytes as
/// write_model of the whole model. A segment belongs to the last episode.
class StreamWriter {
 public:
  /// A writer appending to `out`, which must outlive it (its bytes may be taken away between
  /// calls).
  StreamWriter(std::string& out, const WriteOptions& options);
  ~StreamWriter();
  StreamWriter(const StreamWriter&) = delete;
  StreamWriter& operator=(const StreamWriter&) = delete;

  /// The show's fields (its episodes are ignored).
  void show(const Show& show);
  /// One episode; its transcript stays open for segment().
  void episode(const Episode& episode);
  /// One more transcript segment of the last episode.
  void segment(const Segment& segment);
  /// Ends the document.
  void finish();
  /// What was replaced or left out so far.
  WriteReport report() const;

 private:
  std::unique_ptr<ModelWriter> writer_;
  bool shown_ = false;
  bool episode_open_ = false;
};

}  // namespace castkit::json
