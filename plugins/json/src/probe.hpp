// Recognises castkit JSON among other JSON cheaply, from its first bytes.
#pragma once

#include <string_view>

#include "castkit/plugin.hpp"

namespace castkit::json {

/// 100 when the top-level object's first key is "castkit", 90 when a "castkit" key appears in the
/// first 4 KiB, 10 for any other JSON object (so the chapters and transcript importers win on
/// their files), 0 for everything else.
Confidence probe_model(std::string_view bytes);

}  // namespace castkit::json
