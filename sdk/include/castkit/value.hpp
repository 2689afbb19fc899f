// castkit SDK: a small JSON-like value, used for extension data the model does not name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace castkit {

/// A JSON-like value: what a plugin reads but the model has no field for (unknown podcast: tags,
/// VTT cue settings, ...). Objects keep their keys in insertion order so output is deterministic.
struct Value {
  /// Which member holds the data.
  enum class Kind { null, boolean, integer, number, string, array, object };

  Kind kind = Kind::null;     ///< what this value is
  bool boolean = false;       ///< for Kind::boolean
  std::int64_t integer = 0;   ///< for Kind::integer
  double number = 0;          ///< for Kind::number (non-integral or out of int64 range)
  std::string string;         ///< for Kind::string
  std::vector<Value> items;   ///< for Kind::array
  std::vector<std::pair<std::string, Value>> members;  ///< for Kind::object, in order

  Value() = default;
  /// A string value.
  Value(std::string text) : kind(Kind::string), string(std::move(text)) {}
  /// A string value from a C string.
  Value(const char* text) : kind(Kind::string), string(text) {}
  /// A boolean value.
  Value(bool b) : kind(Kind::boolean), boolean(b) {}
  /// An integer value.
  Value(std::int64_t i) : kind(Kind::integer), integer(i) {}
  /// An integer value from an int.
  Value(int i) : kind(Kind::integer), integer(i) {}
  /// A floating-point value.
  Value(double d) : kind(Kind::number), number(d) {}

  /// An empty array.
  static Value array() {
    Value v;
    v.kind = Kind::array;
    return v;
  }
  /// An empty object.
  static Value object() {
    Value v;
    v.kind = Kind::object;
    return v;
  }

  /// True for null.
  bool is_null() const { return kind == Kind::null; }

  /// The member named key, or nullptr (objects only).
  const Value* find(std::string_view key) const {
    for (const auto& [name, value] : members)
      if (name == key) return &value;
    return nullptr;
  }
  /// Sets (replacing) or appends the member named key; turns a null into an object.
  Value& set(std::string key, Value value) {
    if (kind == Kind::null) kind = Kind::object;
    for (auto& [name, existing] : members)
      if (name == key) return existing = std::move(value);
    members.emplace_back(std::move(key), std::move(value));
    return members.back().second;
  }
  /// Appends an array element; turns a null into an array.
  Value& push(Value value) {
    if (kind == Kind::null) kind = Kind::array;
    items.push_back(std::move(value));
    return items.back();
  }

  friend bool operator==(const Value&, const Value&) = default;
};

/// Extension data keyed by "<plugin>.<what>" (for example "vtt.settings", "rss.unknown").
/// A std::map so every writer sees the keys in one order.
using Extensions = std::map<std::string, Value>;

}  // namespace castkit
