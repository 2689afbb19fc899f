// The JSON cursor: simdjson errors, positions and typed getters.
#include "json_cursor.hpp"

#include "castkit/text.hpp"
#include "castkit_common/simdjson_errors.hpp"

namespace castkit::json {

namespace {

/// What a simdjson error means to a user.
std::string describe(simdjson::error_code error) {
  switch (error) {
    case simdjson::EMPTY:
      return "the input is empty; expected a JSON object";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "the JSON document does not end where its top-level value ends: it is truncated "
             "or followed by other text";
    default:
      return json_common::describe_simdjson_error(error);
  }
}

}  // namespace

void IndexedPiece::index(const char* bytes, std::size_t length, std::size_t padding) {
  base_ = bytes;
  length_ = length;
  if (padding < simdjson::SIMDJSON_PADDING) {
    copy_ = simdjson::padded_string(bytes, length);
    base_ = copy_.data();
  }
  error_ = parser_.iterate(base_, length_, length_ + simdjson::SIMDJSON_PADDING).get(doc_);
}

void JsonCursor::start(IndexedPiece& piece) {
  iterating_ = false;
  base_ = piece.base_;
  base_length_ = piece.length_;
  doc_ = &piece.doc_;
  if (piece.error_) fail_parse(piece.error_, nullptr);
  iterating_ = true;
}

void JsonCursor::parse_document(std::string_view document, std::size_t padding) {
  text_ = document;
  base_offset_ = cut_ = cut_length_ = 0;
  own_.index(document.data(), document.size(), padding);
  start(own_);
}

void JsonCursor::parse_piece(std::string_view document, std::size_t padding, std::size_t begin,
                             std::size_t end) {
  own_.index(document, padding, begin, end);
  read_piece(document, own_);
}

void JsonCursor::read_piece(std::string_view document, IndexedPiece& piece) {
  text_ = document;
  base_offset_ = piece.begin_;
  cut_ = cut_length_ = 0;
  start(piece);
}

void JsonCursor::parse_without(std::string_view document, std::size_t cut, std::size_t cut_length) {
  text_ = document;
  base_offset_ = 0;
  cut_ = cut;
  cut_length_ = cut_length;
  std::string joined;
  joined.reserve(document.size() - cut_length);
  joined.append(document.substr(0, cut)).append(document.substr(cut + cut_length));
  own_.index(joined.data(), joined.size(), 0);  // copied, with padding
  start(own_);
}

std::size_t JsonCursor::offset_of(const char* where) const {
  const auto in_base = static_cast<std::size_t>(where - base_);
  return base_offset_ + in_base + (in_base >= cut_ && cut_length_ ? cut_length_ : 0);
}

od::value JsonCursor::piece_root() {
  od::value root;
  check(doc_->get_value().get(root), nullptr);
  return root;
}

void JsonCursor::end_piece() {
  if (const char* trailing = current())
    fail_at(trailing, "unexpected text after the JSON document");
}

const char* JsonCursor::document_start() const {
  std::size_t i = 0;
  while (i < base_length_ &&
         (base_[i] == ' ' || base_[i] == '\t' || base_[i] == '\n' || base_[i] == '\r'))
    ++i;
  return base_ + i;
}

const char* JsonCursor::current() {
  const char* where = nullptr;
  if (iterating_ && doc_->current_location().get(where) == simdjson::SUCCESS) return where;
  return nullptr;
}

Diagnostic JsonCursor::diagnostic_at(const char* where, Severity severity,
                                     std::string message) const {
  Diagnostic d{severity, name_, 0, 0, {}};
  if (where && where >= base_ && where <= base_ + base_length_) {
    const auto pos = position_at(text_, offset_of(where));
    d.line = pos.line;
    d.column = pos.column;
  }
  const std::string path = path_.text();
  d.message = path.empty() ? std::move(message) : path + ": " + message;
  return d;
}

void JsonCursor::fail_at(const char* where, std::string message) const {
  throw Error(ErrorKind::input, diagnostic_at(where, Severity::error, std::move(message)));
}

void JsonCursor::fail_parse(simdjson::error_code error, const char* where) {
  if (defer_syntax_errors_) throw SyntaxError{};
  const std::string_view base(base_, base_length_);
  if (error == simdjson::UTF8_ERROR) {
    if (const auto bad = find_invalid_utf8(base)) {
      path_.clear();
      fail_at(base_ + *bad,
              "invalid UTF-8 at byte offset " + std::to_string(*bad) +
                  "; JSON must be UTF-8 (for another encoding, use --input-encoding)");
    }
  }
  if (error == simdjson::UNESCAPED_CHARS) {  // the first control character that is not a space
    for (std::size_t i = 0; i < base.size() && !where; ++i)
      if (static_cast<unsigned char>(base[i]) < 0x20 && base[i] != '\t' && base[i] != '\n' &&
          base[i] != '\r')
        where = base_ + i;
  }
  if (error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || error == simdjson::UNCLOSED_STRING)
    where = base_ + base_length_;  // where the input ends
  if (!where) where = current();
  fail_at(where, describe(error));
}

const char* JsonCursor::type_name(od::json_type type) {
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

od::json_type JsonCursor::type_of(od::value& v) {
  od::json_type type;
  check(v.type().get(type), location(v));
  return type;
}

void JsonCursor::expect(od::value& v, od::json_type wanted, const char* expected) {
  const auto type = type_of(v);
  if (type != wanted)
    fail_at(location(v), std::string("expected ") + expected + ", found " + type_name(type));
}

void JsonCursor::unknown(const char* where, od::value& v) {
  if (options_.strict) fail_at(where, "unknown key");
  warn_(diagnostic_at(where, Severity::warning, "unknown key, ignored"));
  (void)value(v);  // read anyway: even ignored parts must be well-formed
}

void JsonCursor::string(od::value& v, std::string& into) {
  const char* start = location(v);
  if (*start != '"') expect(v, od::json_type::string, "a string");
  // Most strings have no escapes: copy them straight from the input instead of through the
  // parser's unescaping buffer, which would otherwise grow by the size of all the text.
  if (const std::string_view plain = plain_string(start + 1); plain.data()) {
    simdjson::ondemand::raw_json_string raw;  // moves past the string
    check(v.get_raw_json_string().get(raw), start);
    into.assign(plain);
    return;
  }
  std::string_view s;
  check(v.get_string().get(s), start);
  into.assign(s);
}

bool JsonCursor::boolean(od::value& v) {
  expect(v, od::json_type::boolean, "true or false");
  bool b = false;
  check(v.get_bool().get(b), location(v));
  return b;
}

std::int64_t JsonCursor::integer(od::value& v) {
  std::int64_t i = 0;
  if (v.get_int64().get(i) == simdjson::SUCCESS) return i;
  return integer_with_error(v);  // a failed get_int64 leaves the value unread
}

std::int64_t JsonCursor::integer_with_error(od::value& v) {
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

std::uint64_t JsonCursor::unsigned_integer(od::value& v) {
  expect(v, od::json_type::number, "a non-negative integer");
  const char* where = location(v);
  std::uint64_t u = 0;
  const auto error = v.get_uint64().get(u);
  if (error == simdjson::INCORRECT_TYPE || error == simdjson::NUMBER_OUT_OF_RANGE)
    fail_at(where, "expected a non-negative integer below 2^64");
  check(error, where);
  return u;
}

double JsonCursor::number(od::value& v) {
  expect(v, od::json_type::number, "a number");
  double d = 0;
  check(v.get_double().get(d), location(v));
  return d;
}

Value JsonCursor::value(od::value& v, std::size_t depth) {
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

void JsonCursor::too_deep(const char* where) {
  fail_at(where, "nested more than " + std::to_string(options_.max_depth) +
                     " levels deep; castkit does not read deeper extension values");
}

void JsonCursor::ext(od::value& v, Extensions& into) {
  members(v, [&](std::string_view key, od::value& member) {
    into[std::string(key)] = value(member);
    return true;
  });
}

}  // namespace castkit::json
