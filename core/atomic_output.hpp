// Writing outputs so that a failed run leaves an existing file as it was.
#pragma once

#include <string>
#include <string_view>

namespace castkit::host {

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, written,
/// flushed to disk (when `durable`), then renamed over `path`. On any failure the temporary file
/// is removed, `path` is untouched, and castkit::Error (io) is thrown. A file that already holds
/// exactly `bytes` is left as it is (its mtime too). "-" writes to stdout.
void write_atomically(const std::string& path, std::string_view bytes, bool durable = false);

}  // namespace castkit::host
