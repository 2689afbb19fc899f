// Reads castkit's JSON (see docs/json.md) into the model, with simdjson's On-Demand API.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "castkit/diagnostics.hpp"
#include "castkit/model.hpp"

namespace castkit::json {

/// How strict the reader is.
struct ReadOptions {
  bool strict = false;          ///< unknown keys are errors instead of warnings
  std::string encoding;         ///< the input's declared encoding (empty: UTF-8, BOM allowed)
  std::size_t max_depth = 512;  ///< deepest nesting accepted inside extension values
  /// Bytes after the input that may be read (zeros); with SIMDJSON_PADDING (64) or more the
  /// input is parsed in place instead of copied.
  std::size_t readable_padding = 0;
  /// Threads reading a streamed episode list: 1, or 2 to cut and index episodes ahead on a
  /// second thread (see episode_list_reader.hpp).
  unsigned threads = 1;
};

/// Receives warnings (unknown keys, ...) with their positions.
using WarningSink = std::function<void(const Diagnostic&)>;

/// Reads the castkit JSON document `bytes` (named `name` in messages) into `show`: fields present
/// in the document replace those in `show`, episodes are appended. Throws castkit::Error
/// (ErrorKind::input) with file:line:col and the path of the offending value, e.g.
/// `show.episodes[3].chapters[0].start_ms: expected an integer, found a string`.
void read_model(std::string_view bytes, const std::string& name, Show& show,
                const ReadOptions& options, const WarningSink& warn);

}  // namespace castkit::json
