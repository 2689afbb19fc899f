// A stable, readable text rendering of an episode for golden files (the json plugin is another
// plugin, so the tests cannot use it). Regenerate a golden file with CASTKIT_UPDATE_GOLDEN=1.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "castkit/model.hpp"

namespace castkit::html::testing {

inline std::string clock(Millis ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld.%03lld",
                static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
  return buffer;
}

/// The episode and its show title as text, one fact per line.
inline std::string dump(const Show& show, const Episode& e) {
  std::string out;
  auto line = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) out += key + ": " + value + "\n";
  };
  line("show", show.title);
  line("title", e.title);
  line("subtitle", e.subtitle);
  line("link", e.link);
  if (e.number) line("number", std::to_string(static_cast<long long>(*e.number)));
  if (e.season) line("season", std::to_string(*e.season));
  if (e.published) line("published_ms", std::to_string(*e.published));
  if (e.duration) line("duration", clock(*e.duration));
  if (e.enclosure) line("enclosure", e.enclosure->url + " (" + e.enclosure->type + ")");
  line("image", e.image);
  line("summary", e.summary);
  line("description", e.description);
  for (const auto& k : e.keywords) line("keyword", k);
  for (const auto& p : e.persons) line("person", p.name + " | " + p.role + " | " + p.href);
  for (const auto& s : e.sponsors) line("sponsor", s.name + " | " + s.url + " | " + s.text);
  for (const auto& n : e.notes) line("note", n.title + " | " + n.url);
  for (const auto& c : e.chapters)
    line("chapter", clock(c.start) + " - " + (c.end ? clock(*c.end) : "?") + " | " + c.title +
                        (c.url.empty() ? "" : " | " + c.url));
  for (const auto& s : e.transcript.segments)
    line("segment", (s.start ? "[" + clock(*s.start) + "] " : "") + s.speaker + ": " + s.text);
  for (const auto& [field, signal] : e.provenance) line("provenance " + field, signal);
  return out;
}

/// Compares `actual` with the golden file `path`, or rewrites it when CASTKIT_UPDATE_GOLDEN is set.
inline std::string golden(const std::string& path, const std::string& actual) {
  if (std::getenv("CASTKIT_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << actual;
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace castkit::html::testing
