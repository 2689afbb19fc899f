// JSON transcripts over simdjson On-Demand: one forward pass, positions from the input buffer.
#include "json_transcript_reader.hpp"

#include <simdjson.h>

#include "castkit/text.hpp"
#include "castkit_common/simdjson_errors.hpp"
#include "transcript_time.hpp"

namespace castkit::transcript {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

// Unknown members are kept as values down to this depth; deeper is an input error.
constexpr int max_extra_depth = 64;

std::string describe(error_code error) {
  switch (error) {
    case simdjson::EMPTY:
      return "the input is empty; expected a JSON transcript object";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "the JSON ends before every array and object is closed (truncated?)";
    case simdjson::INCORRECT_TYPE:
      return "a value has the wrong type";
    default:
      return json_common::describe_simdjson_error(error);
  }
}

class Reader {
 public:
  Reader(std::string_view text, const std::string& name, Host& host)
      : text_(text), name_(name), host_(host) {}

  Transcript read() {
    simdjson::padded_string padded(text_);
    base_ = padded.data();
    od::parser parser;
    od::document doc;
    check(parser.iterate(padded).get(doc), nullptr);
    doc_ = &doc;
    od::json_type type{};
    check(doc.type().get(type), nullptr);
    if (type != od::json_type::object)
      fail_at(current(), "expected a JSON object with a \"segments\" array");
    od::object top;
    check(doc.get_object().get(top), current());
    Transcript transcript;
    bool saw_segments = false;
    Value extra;
    for (auto member : top) {
      od::field field;
      check(std::move(member).get(field), current());
      std::string_view key;
      check(field.unescaped_key().get(key), current());
      od::value value = field.value();
      if (key == "segments") {
        saw_segments = true;
        read_segments(value, transcript);
      } else if (key == "version") {
        version_ = text_value(value, "a version string such as \"1.0.0\"");
      } else if (key == "language") {
        transcript.language = text_value(value, "a language tag");
        extra.set("language", transcript.language);  // not in the spec: written back as read
      } else {
        extra.set(std::string(key), to_value(value, 1));
      }
    }
    if (!saw_segments)
      fail_at(base_, "expected a \"segments\" array (a Podcasting 2.0 JSON transcript)");
    // After the object the iterator stands at the end, unless more text follows it.
    if (const char* trailing = current())
      fail_at(trailing, "unexpected content after the JSON object");
    if (whisper_) {
      host_.report(Diagnostic{Severity::note, name_, 0, 0,
                              "read as Whisper-style JSON (segments[].text/start/end): no "
                              "speakers; transcript-json writes the Podcasting 2.0 shape"});
    } else {
      if (!version_.empty() && !version_.starts_with("1."))
        host_.report(Diagnostic{Severity::warning, name_, 1, 1,
                                "JSON transcript version \"" + version_ +
                                    "\"; this castkit knows version 1.0.0 and reads it as such"});
      if (!extra.members.empty()) transcript.ext[json_extra_key] = std::move(extra);
    }
    return transcript;
  }

 private:
  void read_segments(od::value& value, Transcript& transcript) {
    od::array segments;
    check(value.get_array().get(segments), location(value));
    for (auto element : segments) {
      od::value item;
      check(std::move(element).get(item), current());
      transcript.segments.push_back(read_segment(item));
    }
  }

  Segment read_segment(od::value& value) {
    const char* where = location(value);
    od::object object;
    if (value.get_object().get(object))
      fail_at(where, "expected a segment object {\"startTime\", \"endTime\", \"body\"}");
    Segment segment;
    Value extra;
    bool has_body = false, has_whisper_text = false;
    for (auto member : object) {
      od::field field;
      check(std::move(member).get(field), current());
      std::string_view key;
      check(field.unescaped_key().get(key), current());
      od::value v = field.value();
      if (key == "body") {
        segment.text = text_value(v, "the segment's text");
        has_body = true;
      } else if (key == "speaker") {
        segment.speaker = text_value(v, "the speaker's name");
      } else if (key == "startTime" || key == "start") {
        segment.start = seconds(v);
      } else if (key == "endTime" || key == "end") {
        segment.end = seconds(v);
      } else if (key == "text" && !has_body) {
        segment.text = trim(text_value(v, "the segment's text"));
        has_whisper_text = true;
      } else {
        extra.set(std::string(key), to_value(v, 1));
      }
    }
    if (!has_body && !has_whisper_text)
      fail_at(where, "the segment has no \"body\" (nor Whisper's \"text\")");
    if (has_whisper_text && !has_body) {
      whisper_ = true;
    } else if (!extra.members.empty()) {
      segment.ext[json_extra_key] = std::move(extra);
    }
    if (segment.start && segment.end && *segment.end < *segment.start) {
      const TextPosition at = position_at(text_, where - base_);
      host_.report(Diagnostic{Severity::warning, name_, at.line, at.column,
                              "the segment ends before it starts; kept as read"});
    }
    return segment;
  }

  static std::string trim(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
  }

  std::optional<Millis> seconds(od::value& v) {
    const char* where = location(v);
    bool is_null = false;
    check(v.is_null().get(is_null), where);
    if (is_null) return std::nullopt;
    double value = 0;
    if (v.get_double().get(value)) fail_at(where, "expected a time in seconds (a number)");
    const auto ms = millis_from_seconds(value);
    if (!ms)
      fail_at(where,
              "a time must be a number of seconds from 0 to " + std::to_string(max_time / 1000));
    return ms;
  }

  std::string text_value(od::value& v, const char* what) {
    const char* where = location(v);
    std::string_view text;
    if (v.get_string().get(text)) fail_at(where, std::string("expected ") + what + " (a string)");
    return std::string(text);
  }

  // Any JSON value as a castkit::Value (numbers that fit stay integers).
  Value to_value(od::value& v, int depth) {
    const char* where = location(v);
    if (depth > max_extra_depth)
      fail_at(where, "nested deeper than " + std::to_string(max_extra_depth) + " levels");
    od::json_type type{};
    check(v.type().get(type), where);
    switch (type) {
      case od::json_type::object: {
        Value out = Value::object();
        od::object object;
        check(v.get_object().get(object), where);
        for (auto member : object) {
          od::field field;
          check(std::move(member).get(field), current());
          std::string_view key;
          check(field.unescaped_key().get(key), current());
          od::value child = field.value();
          out.set(std::string(key), to_value(child, depth + 1));
        }
        return out;
      }
      case od::json_type::array: {
        Value out = Value::array();
        od::array array;
        check(v.get_array().get(array), where);
        for (auto element : array) {
          od::value child;
          check(std::move(element).get(child), current());
          out.push(to_value(child, depth + 1));
        }
        return out;
      }
      case od::json_type::number: {
        od::number_type kind{};
        check(v.get_number_type().get(kind), where);
        if (kind == od::number_type::signed_integer) {
          std::int64_t i = 0;
          check(v.get_int64().get(i), where);
          return Value(i);
        }
        double d = 0;
        check(v.get_double().get(d), where);
        return Value(d);
      }
      case od::json_type::string:
        return Value(text_value(v, "a string"));
      case od::json_type::boolean: {
        bool b = false;
        check(v.get_bool().get(b), where);
        return Value(b);
      }
      case od::json_type::null: {
        bool is_null = false;
        check(v.is_null().get(is_null), where);
        return Value();
      }
    }
    return Value();
  }

  const char* location(od::value& v) { return v.raw_json_token().data(); }

  const char* current() {
    const char* where = nullptr;
    if (doc_ && doc_->current_location().get(where) == simdjson::SUCCESS) return where;
    return nullptr;
  }

  void check(error_code error, const char* where) {
    if (!error) return;
    if (error == simdjson::UTF8_ERROR) {
      if (const auto bad = find_invalid_utf8(text_))
        fail_at(base_ + *bad, "invalid UTF-8 at byte offset " + std::to_string(*bad));
    }
    fail_at(where ? where : current(), describe(error));
  }

  [[noreturn]] void fail_at(const char* where, const std::string& message) {
    if (!where || !base_ || where < base_ || where > base_ + text_.size())
      fail_input(name_, 0, 0, message);
    const TextPosition at = position_at(text_, static_cast<std::size_t>(where - base_));
    fail_input(name_, at.line, at.column, message);
  }

  std::string_view text_;
  const std::string& name_;
  Host& host_;
  const char* base_ = nullptr;
  od::document* doc_ = nullptr;
  std::string version_;
  bool whisper_ = false;
};

}  // namespace

Transcript read_json_transcript(std::string_view json, const std::string& input_name, Host& host) {
  return Reader(json, input_name, host).read();
}

}  // namespace castkit::transcript
