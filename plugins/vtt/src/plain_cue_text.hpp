// Cue text the WebVTT writers can copy as it is: the common case, checked in one pass.
#pragma once

#include <string_view>

namespace castkit::vtt {

/// True when `text` is written into a cue byte for byte: it is not empty, holds no '&', '<', '>'
/// or '\r', and every line starts with a visible character (so no line is blank and the text
/// does not end with '\n').
bool is_plain_cue_text(std::string_view text);

/// is_plain_cue_text, copying `text` to `out` (room for text.size() bytes) on the way; what
/// `out` holds counts only when it returns true.
bool copy_plain_cue_text(std::string_view text, char* out);

}  // namespace castkit::vtt
