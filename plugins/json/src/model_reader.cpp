// castkit JSON -> model, over simdjson On-Demand (forward-only, no DOM; positions from the
// input buffer for every message).
#include "model_reader.hpp"

#include <simdjson.h>

#include <type_traits>
#include <vector>

#include "castkit/text.hpp"
#include "iso_time.hpp"
#include "model_writer.hpp"

namespace castkit::json {

namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

/// What a simdjson error means to a user.
std::string describe(error_code error) {
  switch (error) {
    case simdjson::EMPTY:
      return "the input is empty; expected a JSON object";
    case simdjson::TAPE_ERROR:
      return "malformed JSON: a missing or extra comma, colon, bracket or brace";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "the JSON document does not end where its top-level value ends: it is truncated "
             "or followed by other text";
    case simdjson::UNCLOSED_STRING:
      return "a string is not closed (truncated?)";
    case simdjson::STRING_ERROR:
      return "a string has a bad escape sequence";
    case simdjson::UNESCAPED_CHARS:
      return "a string holds a raw control character";
    case simdjson::NUMBER_ERROR:
      return "malformed number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "malformed literal: expected true, false or null";
    case simdjson::DEPTH_ERROR:
      return "the JSON is nested too deeply";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8";
    case simdjson::CAPACITY:
      return "the input is too large for the JSON parser";
    default:
      return simdjson::error_message(error);
  }
}

/// Reads one document; keeps the path of the value being read for messages.
class ModelReader {
 public:
  ModelReader(std::string_view text, const std::string& name, const ReadOptions& options,
              const WarningSink& warn)
      : text_(text), name_(name), options_(options), warn_(warn) {}

  void read(Show& show) {
    simdjson::padded_string padded(text_);
    base_ = padded.data();
    od::parser parser;
    od::document doc;
    if (const auto error = parser.iterate(padded).get(doc)) fail_parse(error, nullptr);
    doc_ = &doc;

    od::json_type type;
    check(doc.type().get(type), nullptr);
    if (type != od::json_type::object)
      fail_at(base_ + first_token(), "expected a JSON object with \"castkit\": \"" +
                                         std::string(kFormatVersion) +
                                         "\" at the top level, found " + type_name(type));
    od::object top;
    check(doc.get_object().get(top), nullptr);
    bool marked = false;
    std::string hint;
    // Unknown top-level keys are reported once the marker proved the input is castkit JSON.
    std::vector<std::pair<const char*, std::string>> unknown_keys;
    for (auto result : top) {
      od::field field;
      check(std::move(result).get(field), nullptr);
      const char* key_at = field.key().raw() - 1;  // the key's opening quote
      std::string_view key;
      check(field.unescaped_key().get(key), key_at);
      path_.push_back({key});
      od::value& v = field.value();
      if (key == "castkit") {
        const std::string version = string(v);
        if (version != kFormatVersion)
          fail_at(location(v), "castkit JSON version \"" + version +
                                   "\" is not supported; this castkit reads version " +
                                   kFormatVersion);
        marked = true;
      } else if (key == "show") {
        read_show(v, show);
      } else {
        if (key == "chapters") hint = "; Podcasting 2.0 chapters are read with -f chapters";
        if (key == "segments")
          hint = "; Podcasting 2.0 transcripts are read with -f transcript-json";
        unknown_keys.emplace_back(key_at, key);
        (void)value(v, 0);
      }
      path_.pop_back();
    }
    if (const char* trailing = current())
      fail_at(trailing, "unexpected text after the JSON document");
    if (!marked)
      fail_at(base_ + first_token(),
              "not a castkit model: the top-level object has no \"castkit\": \"" +
                  std::string(kFormatVersion) + "\" member" + hint);
    for (const auto& [where, key] : unknown_keys) {
      if (options_.strict) fail_at(where, key + ": unknown key");
      warn_(diagnostic_at(where, Severity::warning, key + ": unknown key, ignored"));
    }
  }

 private:
  /// One step of the path to the current value: a key, or an index when key is empty.
  struct Step {
    std::string_view key;
    std::size_t index = 0;
  };

  // ----- positions and errors -----

  std::size_t first_token() const {
    std::size_t i = 0;
    while (i < text_.size() &&
           (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r'))
      ++i;
    return i;
  }

  const char* location(od::value& v) { return v.raw_json_token().data(); }

  const char* current() {
    const char* where = nullptr;
    if (doc_ && doc_->current_location().get(where) == simdjson::SUCCESS) return where;
    return nullptr;
  }

  std::string path_text() const {
    std::string out;
    for (const auto& step : path_) {
      if (step.key.data()) {
        if (!out.empty()) out += '.';
        out += step.key;
      } else {
        out += '[' + std::to_string(step.index) + ']';
      }
    }
    return out;
  }

  Diagnostic diagnostic_at(const char* where, Severity severity, std::string message) const {
    Diagnostic d{severity, name_, 0, 0, {}};
    if (where && where >= base_ && where <= base_ + text_.size()) {
      const auto pos = position_at(text_, static_cast<std::size_t>(where - base_));
      d.line = pos.line;
      d.column = pos.column;
    }
    const std::string path = path_text();
    d.message = path.empty() ? std::move(message) : path + ": " + message;
    return d;
  }

  [[noreturn]] void fail_at(const char* where, std::string message) const {
    throw Error(ErrorKind::input, diagnostic_at(where, Severity::error, std::move(message)));
  }

  [[noreturn]] void fail_parse(error_code error, const char* where) {
    if (error == simdjson::UTF8_ERROR) {
      if (const auto bad = find_invalid_utf8(text_)) {
        path_.clear();
        fail_at(base_ ? base_ + *bad : nullptr,
                "invalid UTF-8 at byte offset " + std::to_string(*bad) +
                    "; JSON must be UTF-8 (for another encoding, use --input-encoding)");
      }
    }
    if (error == simdjson::UNESCAPED_CHARS) {  // the first control character that is not a space
      for (std::size_t i = 0; i < text_.size() && !where; ++i)
        if (static_cast<unsigned char>(text_[i]) < 0x20 && text_[i] != '\t' && text_[i] != '\n' &&
            text_[i] != '\r')
          where = base_ + i;
    }
    if (error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || error == simdjson::UNCLOSED_STRING)
      where = base_ + text_.size();  // where the input ends
    if (!where) where = current();
    if (!base_ && where == nullptr) {
      Diagnostic d{Severity::error, name_, 0, 0, describe(error)};
      throw Error(ErrorKind::input, d);
    }
    fail_at(where, describe(error));
  }

  void check(error_code error, const char* where) {
    if (error) fail_parse(error, where);
  }

  static const char* type_name(od::json_type type) {
    switch (type) {
      case od::json_type::array:
        return "an array";
      case od::json_type::object:
        return "an object";
      case od::json_type::number:
        return "a number";
      case od::json_type::string:
        return "a string";
      case od::json_type::boolean:
        return "a boolean";
      case od::json_type::null:
        return "null";
    }
    return "a value";
  }

  od::json_type type_of(od::value& v) {
    od::json_type type;
    check(v.type().get(type), location(v));
    return type;
  }

  void expect(od::value& v, od::json_type wanted, const char* expected) {
    const auto type = type_of(v);
    if (type != wanted)
      fail_at(location(v), std::string("expected ") + expected + ", found " + type_name(type));
  }

  /// A key the model does not name: a warning (an error when strict); its value is still read,
  /// so even ignored parts must be well-formed.
  void unknown(const char* where, od::value& v) {
    if (options_.strict) fail_at(where, "unknown key");
    warn_(diagnostic_at(where, Severity::warning, "unknown key, ignored"));
    (void)value(v, 0);
  }

  // ----- scalars -----

  std::string string(od::value& v) {
    expect(v, od::json_type::string, "a string");
    // Most strings have no escapes: copy them straight from the input instead of through the
    // parser's unescaping buffer, which would otherwise grow by the size of all the text.
    // (Stage 1 has already checked UTF-8, raw control characters and the closing quote.)
    const std::string_view token = v.raw_json_token();  // the string and what follows it
    const std::size_t close = token.find('"', 1);
    const std::string_view content =
        token.substr(1, close == std::string_view::npos ? 0 : close - 1);
    if (close != std::string_view::npos && content.find('\\') == std::string_view::npos) {
      simdjson::ondemand::raw_json_string raw;
      check(v.get_raw_json_string().get(raw), token.data());
      return std::string(content);
    }
    std::string_view s;
    check(v.get_string().get(s), token.data());
    return std::string(s);
  }

  bool boolean(od::value& v) {
    expect(v, od::json_type::boolean, "true or false");
    bool b = false;
    check(v.get_bool().get(b), location(v));
    return b;
  }

  std::int64_t integer(od::value& v) {
    expect(v, od::json_type::number, "an integer");
    const std::string_view token = v.raw_json_token();
    const char* where = token.data();
    std::int64_t i = 0;
    const auto error = v.get_int64().get(i);
    const bool whole =
        token.substr(0, token.find_first_not_of("-+.eE0123456789")).find_first_of(".eE") ==
        std::string_view::npos;
    if (error == simdjson::INCORRECT_TYPE && !whole)
      fail_at(where, "expected an integer, found a number with a fraction or exponent");
    if (error == simdjson::NUMBER_OUT_OF_RANGE || error == simdjson::INCORRECT_TYPE)
      fail_at(where, "integer out of range (the largest is 9223372036854775807)");
    check(error, where);
    return i;
  }

  std::uint64_t unsigned_integer(od::value& v) {
    expect(v, od::json_type::number, "a non-negative integer");
    const char* where = location(v);
    std::uint64_t u = 0;
    const auto error = v.get_uint64().get(u);
    if (error == simdjson::INCORRECT_TYPE || error == simdjson::NUMBER_OUT_OF_RANGE)
      fail_at(where, "expected a non-negative integer below 2^64");
    check(error, where);
    return u;
  }

  double number(od::value& v) {
    expect(v, od::json_type::number, "a number");
    double d = 0;
    check(v.get_double().get(d), location(v));
    return d;
  }

  std::int64_t published(od::value& v) {
    const auto type = type_of(v);
    if (type == od::json_type::number) return integer(v);
    const char* where = location(v);
    const std::string text = string(v);
    if (const auto ms = parse_iso8601(text)) return *ms;
    fail_at(where,
            "expected an ISO 8601 time such as \"2021-06-01T12:30:00Z\", found \"" + text + "\"");
  }

  // ----- containers -----

  /// Calls fn(key, value) for each member of the object v.
  template <class Fn>
  void members(od::value& v, Fn&& fn) {
    expect(v, od::json_type::object, "an object");
    od::object object;
    check(v.get_object().get(object), location(v));
    for (auto result : object) {
      od::field field;
      check(std::move(result).get(field), nullptr);
      const char* key_at = field.key().raw() - 1;  // the key's opening quote
      std::string_view key;
      check(field.unescaped_key().get(key), key_at);
      path_.push_back({key});
      if (!fn(key, field.value())) unknown(key_at, field.value());
      path_.pop_back();
    }
  }

  /// Calls reserve(count) (unless it is nullptr), then fn(element) for each element of the
  /// array v.
  template <class Fn, class Reserve>
  void elements(od::value& v, Fn&& fn, Reserve&& reserve) {
    expect(v, od::json_type::array, "an array");
    od::array array;
    check(v.get_array().get(array), location(v));
    // Counting skips over the elements without parsing them (a malformed array fails below).
    // Only the model's own lists count: they are shallow, while extension values may nest deep
    // and counting at every level would cost the square of the depth.
    if constexpr (!std::is_null_pointer_v<std::decay_t<Reserve>>) {
      std::size_t count = 0;
      if (array.count_elements().get(count) == simdjson::SUCCESS) reserve(count);
    }
    std::size_t index = 0;
    for (auto result : array) {
      od::value element;
      check(std::move(result).get(element), nullptr);
      path_.push_back({std::string_view(), index++});
      fn(element);
      path_.pop_back();
    }
  }

  /// Calls fn(element) for each element of the array v.
  template <class Fn>
  void elements(od::value& v, Fn&& fn) {
    elements(v, fn, nullptr);
  }

  /// Appends the elements of the array v to `into`, each read by read_item(element, item).
  template <class T, class Fn>
  void list(od::value& v, std::vector<T>& into, Fn&& read_item) {
    elements(
        v,
        [&](od::value& element) {
          into.emplace_back();
          read_item(element, into.back());
        },
        [&](std::size_t count) { into.reserve(into.size() + count); });
  }

  void strings(od::value& v, std::vector<std::string>& into) {
    elements(v, [&](od::value& element) { into.push_back(string(element)); });
  }

  /// Any JSON value, as an extension Value.
  Value value(od::value& v, std::size_t depth) {
    const char* where = location(v);
    switch (type_of(v)) {
      case od::json_type::null: {
        bool is_null = false;
        check(v.is_null().get(is_null), where);
        return Value();
      }
      case od::json_type::boolean:
        return Value(boolean(v));
      case od::json_type::string:
        return Value(string(v));
      case od::json_type::number: {
        // Integers that fit in 64 bits stay integers; everything else is read as a double.
        // (get_number() is avoided: simdjson 3.0.1 reads 18446744073709551616.0 through it as 0.)
        od::number_type type;
        if (v.get_number_type().get(type) == simdjson::SUCCESS &&
            type == od::number_type::signed_integer) {
          std::int64_t i = 0;
          check(v.get_int64().get(i), where);
          return Value(i);
        }
        return Value(number(v));
      }
      case od::json_type::array: {
        if (depth >= options_.max_depth) too_deep(where);
        Value array = Value::array();
        elements(v, [&](od::value& element) { array.items.push_back(value(element, depth + 1)); });
        return array;
      }
      case od::json_type::object: {
        if (depth >= options_.max_depth) too_deep(where);
        Value object = Value::object();
        members(v, [&](std::string_view key, od::value& member) {
          object.members.emplace_back(std::string(key), value(member, depth + 1));
          return true;
        });
        return object;
      }
    }
    fail_at(where, "unexpected JSON value");
  }

  [[noreturn]] void too_deep(const char* where) {
    fail_at(where, "nested more than " + std::to_string(options_.max_depth) +
                       " levels deep; castkit does not read deeper extension values");
  }

  void ext(od::value& v, Extensions& into) {
    members(v, [&](std::string_view key, od::value& member) {
      into[std::string(key)] = value(member, 0);
      return true;
    });
  }

  // ----- model structs -----

  void location_of(od::value& v, std::optional<Location>& into) {
    Location l;
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        l.name = string(m);
      else if (key == "geo")
        l.geo = string(m);
      else if (key == "osm")
        l.osm = string(m);
      else
        return false;
      return true;
    });
    into = std::move(l);
  }

  void person(od::value& v, Person& p) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        p.name = string(m);
      else if (key == "role")
        p.role = string(m);
      else if (key == "group")
        p.group = string(m);
      else if (key == "img")
        p.img = string(m);
      else if (key == "href")
        p.href = string(m);
      else if (key == "ext")
        ext(m, p.ext);
      else
        return false;
      return true;
    });
  }

  void chapter(od::value& v, Chapter& c) {
    bool has_start = false;
    const char* where = location(v);
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "start_ms") {
        c.start = integer(m);
        has_start = true;
      } else if (key == "end_ms")
        c.end = integer(m);
      else if (key == "title")
        c.title = string(m);
      else if (key == "url")
        c.url = string(m);
      else if (key == "img")
        c.img = string(m);
      else if (key == "toc")
        c.toc = boolean(m);
      else if (key == "location")
        location_of(m, c.location);
      else if (key == "ext")
        ext(m, c.ext);
      else
        return false;
      return true;
    });
    if (!has_start) fail_at(where, "a chapter needs \"start_ms\"");
  }

  void segment(od::value& v, Segment& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "start_ms")
        s.start = integer(m);
      else if (key == "end_ms")
        s.end = integer(m);
      else if (key == "estimated")
        s.estimated = boolean(m);
      else if (key == "speaker")
        s.speaker = string(m);
      else if (key == "text")
        s.text = string(m);
      else if (key == "html")
        s.html = string(m);
      else if (key == "id")
        s.id = string(m);
      else if (key == "ext")
        ext(m, s.ext);
      else
        return false;
      return true;
    });
  }

  void transcript(od::value& v, Transcript& t) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "language")
        t.language = string(m);
      else if (key == "ext")
        ext(m, t.ext);
      else if (key == "segments")
        list(m, t.segments, [&](od::value& e, Segment& s) { segment(e, s); });
      else
        return false;
      return true;
    });
  }

  void file_link(od::value& v, FileLink& l) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "url")
        l.url = string(m);
      else if (key == "type")
        l.type = string(m);
      else if (key == "language")
        l.language = string(m);
      else if (key == "rel")
        l.rel = string(m);
      else if (key == "ext")
        ext(m, l.ext);
      else
        return false;
      return true;
    });
  }

  void enclosure(od::value& v, std::optional<Enclosure>& into) {
    Enclosure e;
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "url")
        e.url = string(m);
      else if (key == "type")
        e.type = string(m);
      else if (key == "length")
        e.length = unsigned_integer(m);
      else
        return false;
      return true;
    });
    into = std::move(e);
  }

  void note(od::value& v, NoteLink& n) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "title")
        n.title = string(m);
      else if (key == "url")
        n.url = string(m);
      else
        return false;
      return true;
    });
  }

  void sponsor(od::value& v, Sponsor& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        s.name = string(m);
      else if (key == "url")
        s.url = string(m);
      else if (key == "text")
        s.text = string(m);
      else
        return false;
      return true;
    });
  }

  void soundbite(od::value& v, Soundbite& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "start_ms")
        s.start = integer(m);
      else if (key == "duration_ms")
        s.duration = integer(m);
      else if (key == "title")
        s.title = string(m);
      else
        return false;
      return true;
    });
  }

  void provenance(od::value& v, std::pair<std::string, std::string>& p) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "field")
        p.first = string(m);
      else if (key == "signal")
        p.second = string(m);
      else
        return false;
      return true;
    });
  }

  void episode(od::value& v, Episode& e) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "guid")
        e.guid = string(m);
      else if (key == "guid_is_permalink")
        e.guid_is_permalink = boolean(m);
      else if (key == "title")
        e.title = string(m);
      else if (key == "subtitle")
        e.subtitle = string(m);
      else if (key == "link")
        e.link = string(m);
      else if (key == "description")
        e.description = string(m);
      else if (key == "summary")
        e.summary = string(m);
      else if (key == "published")
        e.published = published(m);
      else if (key == "duration_ms")
        e.duration = integer(m);
      else if (key == "enclosure")
        enclosure(m, e.enclosure);
      else if (key == "image")
        e.image = string(m);
      else if (key == "season")
        e.season = integer(m);
      else if (key == "number")
        e.number = number(m);
      else if (key == "episode_type")
        e.episode_type = string(m);
      else if (key == "explicit")
        e.explicit_content = boolean(m);
      else if (key == "persons")
        list(m, e.persons, [&](od::value& x, Person& p) { person(x, p); });
      else if (key == "chapters")
        list(m, e.chapters, [&](od::value& x, Chapter& c) { chapter(x, c); });
      else if (key == "chapters_link")
        file_link(m, e.chapters_link.emplace());
      else if (key == "transcript_links")
        list(m, e.transcript_links, [&](od::value& x, FileLink& l) { file_link(x, l); });
      else if (key == "notes")
        list(m, e.notes, [&](od::value& x, NoteLink& n) { note(x, n); });
      else if (key == "sponsors")
        list(m, e.sponsors, [&](od::value& x, Sponsor& s) { sponsor(x, s); });
      else if (key == "soundbites")
        list(m, e.soundbites, [&](od::value& x, Soundbite& s) { soundbite(x, s); });
      else if (key == "keywords")
        strings(m, e.keywords);
      else if (key == "location")
        location_of(m, e.location);
      else if (key == "license")
        e.license = string(m);
      else if (key == "license_url")
        e.license_url = string(m);
      else if (key == "provenance")
        list(m, e.provenance, [&](od::value& x, auto& p) { provenance(x, p); });
      else if (key == "ext")
        ext(m, e.ext);
      else if (key == "transcript")
        transcript(m, e.transcript);
      else
        return false;
      return true;
    });
  }

  void category(od::value& v, Category& c) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "text")
        c.text = string(m);
      else if (key == "subcategories")
        strings(m, c.subcategories);
      else
        return false;
      return true;
    });
  }

  void funding(od::value& v, Funding& f) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "url")
        f.url = string(m);
      else if (key == "text")
        f.text = string(m);
      else
        return false;
      return true;
    });
  }

  void read_show(od::value& v, Show& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "title")
        s.title = string(m);
      else if (key == "link")
        s.link = string(m);
      else if (key == "description")
        s.description = string(m);
      else if (key == "language")
        s.language = string(m);
      else if (key == "author")
        s.author = string(m);
      else if (key == "owner_name")
        s.owner_name = string(m);
      else if (key == "owner_email")
        s.owner_email = string(m);
      else if (key == "image")
        s.image = string(m);
      else if (key == "categories")
        list(m, s.categories, [&](od::value& x, Category& c) { category(x, c); });
      else if (key == "explicit")
        s.explicit_content = boolean(m);
      else if (key == "type")
        s.type = string(m);
      else if (key == "copyright")
        s.copyright = string(m);
      else if (key == "feed_url")
        s.feed_url = string(m);
      else if (key == "podcast_guid")
        s.podcast_guid = string(m);
      else if (key == "locked")
        s.locked = boolean(m);
      else if (key == "locked_owner")
        s.locked_owner = string(m);
      else if (key == "funding")
        list(m, s.funding, [&](od::value& x, Funding& f) { funding(x, f); });
      else if (key == "persons")
        list(m, s.persons, [&](od::value& x, Person& p) { person(x, p); });
      else if (key == "medium")
        s.medium = string(m);
      else if (key == "license")
        s.license = string(m);
      else if (key == "license_url")
        s.license_url = string(m);
      else if (key == "keywords")
        strings(m, s.keywords);
      else if (key == "ext")
        ext(m, s.ext);
      else if (key == "episodes")
        list(m, s.episodes, [&](od::value& x, Episode& e) { episode(x, e); });
      else
        return false;
      return true;
    });
  }

  std::string_view text_;
  const std::string& name_;
  const ReadOptions& options_;
  const WarningSink& warn_;
  const char* base_ = nullptr;
  od::document* doc_ = nullptr;
  std::vector<Step> path_;
};

}  // namespace

void read_model(std::string_view bytes, const std::string& name, Show& show,
                const ReadOptions& options, const WarningSink& warn) {
  // JSON is UTF-8 (RFC 8259); a UTF-8 BOM is skipped, a UTF-16 BOM or a declared encoding is
  // converted first.
  DecodedText decoded;
  std::string_view text = bytes;
  const bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (utf16_bom || !options.encoding.empty()) {
    decoded = decode_to_utf8(bytes, options.encoding, name);
    text = decoded.text();
  } else if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  ModelReader(text, name, options, warn).read(show);
}

}  // namespace castkit::json
