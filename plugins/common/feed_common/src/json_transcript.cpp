// Podcasting 2.0 JSON transcripts with nlohmann::json.
#include "castkit/feed/json_transcript.hpp"

#include <nlohmann/json.hpp>

#include "castkit/diagnostics.hpp"
#include "castkit/feed/seconds.hpp"
#include "json_document.hpp"

namespace castkit::feed {

void parse_json_transcript(std::string_view text, const std::string& input_name,
                           Transcript& transcript) {
  using Json = nlohmann::json;
  const Json document = parse_json_document(text, input_name, "JSON transcript");
  auto segments = document.is_object() ? document.find("segments") : document.end();
  if (segments == document.end() || !segments->is_array())
    fail_input(input_name, 1, 1, "expected a \"segments\" array (Podcasting 2.0 JSON transcript)");
  auto time = [](const Json& item, const char* key) -> std::optional<Millis> {
    auto it = item.find(key);
    if (it == item.end() || !it->is_number()) return std::nullopt;
    return seconds_to_millis(it->get<double>());
  };
  auto text_of = [](const Json& item, const char* key) -> std::string {
    auto it = item.find(key);
    return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  transcript.segments.reserve(transcript.segments.size() + segments->size());
  for (const Json& item : *segments) {
    if (!item.is_object()) continue;
    Segment segment;
    segment.start = time(item, "startTime");
    segment.end = time(item, "endTime");
    segment.speaker = text_of(item, "speaker");
    segment.text = text_of(item, "body");
    transcript.segments.push_back(std::move(segment));
  }
}

}  // namespace castkit::feed
