// Test helper for the WPT runner (wpt_runner.js): imports a .vtt file with the vtt importer and
// prints its cues, regions and style sheets as JSON shaped like the browser objects the WPT
// assertions read (VTTCue, VTTRegion). Settings are re-parsed from what the model kept
// ("vtt.settings", "vtt.regions"), so the test covers the importer's output, not just the parser.
#include <fstream>
#include <iostream>
#include <sstream>

#include "castkit/plugin.hpp"
#include "castkit_testing/recording_host.hpp"
#include "cue_settings.hpp"
#include "vtt_formats.hpp"

namespace {

void write_json_string(std::ostream& out, const std::string& text) {
  out << '"';
  for (unsigned char c : text) {
    if (c == '"' || c == '\\')
      out << '\\' << c;
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out << buf;
    } else
      out << c;
  }
  out << '"';
}

void write_number(std::ostream& out, double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  out << buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: castkit_vtt_wpt_dump FILE.vtt\n";
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string bytes = buffer.str();
  castkit::testing::TestContext test;
  castkit::Show show;
  castkit::Input input{argv[1], bytes};
  std::ostream& out = std::cout;
  try {
    castkit::vtt::make_vtt_importer()->read(input, show, test.context);
  } catch (const castkit::Error& error) {
    out << "{\"error\":";
    write_json_string(out, error.what());
    out << "}\n";
    return 0;
  }
  const castkit::Transcript& transcript = show.episodes.at(0).transcript;
  std::vector<castkit::vtt::Region> regions;
  out << "{\"regions\":[";
  if (auto it = transcript.ext.find("vtt.regions"); it != transcript.ext.end()) {
    for (const castkit::Value& body : it->second.items) {
      castkit::vtt::Region r = castkit::vtt::parse_region(body.string);
      out << (regions.empty() ? "" : ",") << "{\"id\":";
      write_json_string(out, r.id);
      out << ",\"width\":";
      write_number(out, r.width);
      out << ",\"lines\":" << r.lines << ",\"regionAnchorX\":";
      write_number(out, r.anchor_x);
      out << ",\"regionAnchorY\":";
      write_number(out, r.anchor_y);
      out << ",\"viewportAnchorX\":";
      write_number(out, r.viewport_x);
      out << ",\"viewportAnchorY\":";
      write_number(out, r.viewport_y);
      out << ",\"scroll\":\"" << (r.scroll_up ? "up" : "") << "\"}";
      regions.push_back(r);
    }
  }
  out << "],\"styles\":[";
  if (auto it = transcript.ext.find("vtt.styles"); it != transcript.ext.end()) {
    bool first = true;
    for (const castkit::Value& body : it->second.items) {
      out << (first ? "" : ",");
      write_json_string(out, body.string);
      first = false;
    }
  }
  out << "],\"cues\":[";
  bool first = true;
  for (const castkit::Segment& segment : transcript.segments) {
    std::string settings_text;
    if (auto it = segment.ext.find("vtt.settings"); it != segment.ext.end())
      settings_text = it->second.string;
    castkit::vtt::CueSettings s = castkit::vtt::parse_cue_settings(settings_text, regions);
    std::string raw = segment.text;
    if (auto it = segment.ext.find("vtt.markup"); it != segment.ext.end()) raw = it->second.string;
    out << (first ? "" : ",") << "{\"id\":";
    write_json_string(out, segment.id);
    out << ",\"text\":";
    write_json_string(out, raw);
    out << ",\"startTime\":";
    write_number(out, static_cast<double>(*segment.start) / 1000.0);
    out << ",\"endTime\":";
    write_number(out, static_cast<double>(*segment.end) / 1000.0);
    out << ",\"vertical\":\"" << s.vertical << "\",\"line\":";
    if (s.line)
      write_number(out, *s.line);
    else
      out << "\"auto\"";
    out << ",\"snapToLines\":" << (s.snap_to_lines ? "true" : "false");
    out << ",\"lineAlign\":\"" << s.line_align << "\",\"position\":";
    if (s.position)
      write_number(out, *s.position);
    else
      out << "\"auto\"";
    out << ",\"positionAlign\":\"" << s.position_align << "\",\"size\":";
    write_number(out, s.size);
    out << ",\"align\":\"" << s.align << "\",\"region\":" << s.region << "}";
    first = false;
  }
  out << "]}\n";
  return 0;
}
