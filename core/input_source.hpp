// Reading an input once: a file, stdin ("-") or an http(s) URL fetched through the host.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "castkit/host.hpp"
#include "castkit/plugin.hpp"
#include "input_buffer.hpp"

namespace castkit::host {

/// One input's bytes and where they came from; outlives the castkit::Input made from it.
struct InputData {
  std::string name;                     ///< as given on the command line or in the project
  std::unique_ptr<InputBuffer> buffer;  ///< the whole input (mapped or held)
  std::string url;                      ///< final URL when fetched
  std::string media_type;               ///< Content-Type when fetched

  /// The input's bytes.
  std::string_view bytes() const { return buffer->bytes(); }
  /// The castkit::Input a plugin gets for it, read in `encoding` (empty: detect).
  Input plugin_input(std::string encoding) const {
    return Input{name, bytes(), url, media_type, std::move(encoding), buffer->readable_padding()};
  }
};

/// True for http:// and https:// URLs.
bool is_url(std::string_view name);

/// Reads `name` (a path, "-" or a URL). More than `max_bytes` is an input error naming the
/// limit and the `limits.max_input_bytes` key; failures to read or fetch are I/O errors.
InputData read_input(const std::string& name, std::uint64_t max_bytes, Host& host);

/// Turns a fetch response into input data, checking status and size.
InputData input_from_response(const std::string& name, FetchResponse response,
                              std::uint64_t max_bytes);

}  // namespace castkit::host
