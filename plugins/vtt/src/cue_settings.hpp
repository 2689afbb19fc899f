// WebVTT cue settings and region settings: parsed per w3c/webvtt index.bs ("parse the WebVTT cue
// settings", "collect WebVTT region settings") and written back in a normalised form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace castkit::vtt {

/// A WebVTT region (a REGION block).
struct Region {
  std::string id;           ///< identifier ("" when none)
  double width = 100;       ///< percent of the video width
  std::int64_t lines = 3;   ///< height in lines
  double anchor_x = 0;      ///< region anchor, percent
  double anchor_y = 100;    ///< region anchor, percent
  double viewport_x = 0;    ///< viewport anchor, percent
  double viewport_y = 100;  ///< viewport anchor, percent
  bool scroll_up = false;   ///< scroll:up
};

/// Parses a REGION block body.
Region parse_region(std::string_view body);

/// A cue's settings after parsing: the spec's defaults for everything not (validly) set.
struct CueSettings {
  std::string vertical;                 ///< "", "rl" or "lr"
  std::optional<double> line;           ///< empty: auto
  bool snap_to_lines = true;            ///< false when line was a percentage
  std::string line_align = "start";     ///< start, center, end
  std::optional<double> position;       ///< empty: auto
  std::string position_align = "auto";  ///< auto, line-left, center, line-right
  double size = 100;                    ///< percent
  std::string align = "center";         ///< start, center, end, left, right
  int region = -1;                      ///< index into the regions, -1: none
  std::string normalized;               ///< the settings that took effect, one token per name
};

/// Parses the settings text after a cue's end time; `regions` are the file's regions so far.
CueSettings parse_cue_settings(std::string_view text, const std::vector<Region>& regions);

}  // namespace castkit::vtt
