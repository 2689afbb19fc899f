// castkit SDK: services the host offers to plugins (diagnostics, HTTP fetch, logging).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/diagnostics.hpp"

namespace castkit {

struct Input;

/// One HTTP(S) request made through the host.
struct FetchRequest {
  std::string url;     ///< http or https URL
  std::string accept;  ///< Accept header, empty for the default
};

/// What a fetch returned. Transport failures are thrown as castkit::Error (ErrorKind::io).
struct FetchResponse {
  std::string url;           ///< the URL asked for
  std::string final_url;     ///< the URL after redirects
  long status = 0;           ///< HTTP status code
  std::string content_type;  ///< Content-Type header
  std::string body;          ///< the (decoded) body
  bool from_cache = false;   ///< served from the on-disk cache
};

/// How chatty a log line is.
enum class LogLevel { debug, info, warning };

/// What the host does for plugins. Plugins never link libcurl or print themselves.
class Host {
 public:
  virtual ~Host() = default;
  /// Reports a note, warning or error about an input (printed as file:line:col: ...).
  virtual void report(const Diagnostic& diagnostic) = 0;
  /// Logs a line shown with -v (debug, info) or unless --quiet (warning).
  virtual void log(LogLevel level, std::string_view message) = 0;
  /// Fetches one URL (the host loads its network library on first use).
  virtual FetchResponse fetch(const FetchRequest& request) = 0;
  /// Fetches several URLs concurrently; results in the order asked. A failed fetch gives a
  /// response with status 0 and the error text in body.
  virtual std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) = 0;
  /// Tells the host that the importer will not read `input.bytes` before `offset` again, so the
  /// host may release that memory (a streaming import of a large file). The default keeps it.
  virtual void input_consumed(const Input& input, std::size_t offset) {
    (void)input;
    (void)offset;
  }
};

}  // namespace castkit
