// JSON transcripts with nlohmann::ordered_json (keys in the order the spec's example uses).
#include "json_transcript_writer.hpp"

#include <nlohmann/json.hpp>

#include "json_transcript_reader.hpp"
#include "transcript_time.hpp"

namespace castkit::transcript {
namespace {

using Json = nlohmann::ordered_json;

Json to_json(const Value& value) {
  switch (value.kind) {
    case Value::Kind::null:
      return nullptr;
    case Value::Kind::boolean:
      return value.boolean;
    case Value::Kind::integer:
      return value.integer;
    case Value::Kind::number:
      return value.number;
    case Value::Kind::string:
      return value.string;
    case Value::Kind::array: {
      Json out = Json::array();
      for (const auto& item : value.items) out.push_back(to_json(item));
      return out;
    }
    case Value::Kind::object: {
      Json out = Json::object();
      for (const auto& [key, member] : value.members) out[key] = to_json(member);
      return out;
    }
  }
  return nullptr;
}

// Adds the members kept from the source that the object does not have already.
void add_extra(Json& object, const Extensions& ext) {
  const auto extra = ext.find(json_extra_key);
  if (extra == ext.end() || extra->second.kind != Value::Kind::object) return;
  for (const auto& [key, value] : extra->second.members)
    if (!object.contains(key)) object[key] = to_json(value);
}

}  // namespace

void write_json_transcript(const std::vector<Segment>& segments, const Extensions& transcript_ext,
                           std::string& out) {
  Json document = Json::object();
  document["version"] = "1.0.0";
  Json& list = document["segments"] = Json::array();
  std::string speaker;
  for (const Segment& segment : segments) {
    if (!segment.speaker.empty()) speaker = segment.speaker;
    if (segment.text.empty()) continue;
    Json item = Json::object();
    if (!speaker.empty()) item["speaker"] = speaker;
    if (segment.start) item["startTime"] = seconds_from_millis(*segment.start);
    if (segment.end) item["endTime"] = seconds_from_millis(*segment.end);
    item["body"] = segment.text;
    add_extra(item, segment.ext);
    list.push_back(std::move(item));
  }
  add_extra(document, transcript_ext);
  out += document.dump(2, ' ', false, Json::error_handler_t::replace);
  out += '\n';
}

}  // namespace castkit::transcript
