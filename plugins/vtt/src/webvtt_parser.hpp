// The WebVTT file parser: the W3C "WebVTT parser algorithm" (w3c/webvtt index.bs, section
// "WebVTT file parsing"), over a string_view, producing cues, regions and style sheets.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/model.hpp"

namespace castkit::vtt {

/// One cue as the parser collected it.
struct ParsedCue {
  std::string id;          ///< cue identifier, verbatim (NULs replaced by U+FFFD)
  Millis start = 0;        ///< start time
  Millis end = 0;          ///< end time (may be before start: kept, reported)
  std::string settings;    ///< the raw text after the end time (NULs replaced)
  std::string text;        ///< cue payload with its tags, lines joined by '\n'
  std::uint32_t line = 0;  ///< 1-based line of the timing line
};

/// Something the parser noticed that does not stop it (a dropped cue, end before start ...).
struct ParseWarning {
  std::uint32_t line = 0;  ///< 1-based line
  std::string message;     ///< what happened
};

/// What a WebVTT file holds.
struct ParsedFile {
  std::string header;                  ///< rest of the WEBVTT line and the header block
  std::vector<ParsedCue> cues;         ///< in file order
  std::vector<std::string> regions;    ///< REGION block bodies (settings text), in order
  std::vector<std::string> styles;     ///< STYLE block bodies (CSS text), in order
  std::vector<ParseWarning> warnings;  ///< in file order
};

/// Parses `text` (UTF-8, BOM already removed) per the W3C algorithm. A bad signature (not
/// "WEBVTT" followed by space, tab or a line end; an empty file; a leading blank line) throws an
/// input error naming `name`. Lines longer than `max_line_bytes` throw an input error too.
ParsedFile parse_webvtt(std::string_view text, const std::string& name, std::size_t max_line_bytes);

/// Like parse_webvtt, but hands each cue to `on_cue` as soon as it is complete (the cue may be
/// moved from) instead of keeping it; `so_far` is the file as parsed up to that cue (header,
/// regions and styles are complete by the first cue, as they only count before it).
ParsedFile parse_webvtt(
    std::string_view text, const std::string& name, std::size_t max_line_bytes,
    const std::function<void(ParsedCue& cue, const ParsedFile& so_far)>& on_cue);

/// Parses a WebVTT timestamp ("mm:ss.ttt" or "h+:mm:ss.ttt") at the start of `text`, advancing
/// `pos`. Returns false (pos unspecified) when it is not one or it overflows.
bool collect_timestamp(std::string_view text, std::size_t& pos, Millis& out);

/// `text` with every NUL replaced by U+FFFD (the WebVTT preprocessing step).
std::string replace_nuls(std::string_view text);

}  // namespace castkit::vtt
