// Checking that streamed SRT input is valid UTF-8, quickly where it is ASCII.
#pragma once

#include <string_view>

namespace castkit::srt {

/// True when `text` is valid UTF-8 (as castkit::find_invalid_utf8 judges it). Runs of ASCII are
/// passed over 64 bytes at a time.
bool is_valid_utf8(std::string_view text);

}  // namespace castkit::srt
