// Reading JSON with simdjson's On-Demand API, keeping the path and input position of every value
// so that each error and warning says where and what: `file:line:col: error: a.b[3].c: ...`.
#pragma once

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "castkit/model.hpp"
#include "model_reader.hpp"
#include "model_recycling.hpp"
#include "path_stack.hpp"

namespace castkit::json {

namespace od = simdjson::ondemand;

/// Bytes indexed by simdjson's stage 1 (UTF-8, strings, structure checked; where every token
/// is), ready to be read by a JsonCursor. Indexing and reading may happen on different threads,
/// one after the other.
class IndexedPiece {
 public:
  /// Indexes `length` bytes at `bytes`, after which `padding` bytes may be read; with fewer than
  /// SIMDJSON_PADDING of them the bytes are copied first. A fault is kept for the reader.
  void index(const char* bytes, std::size_t length, std::size_t padding);
  /// Indexes document[begin, end); `padding` bytes after the end of `document` may be read.
  void index(std::string_view document, std::size_t padding, std::size_t begin, std::size_t end) {
    begin_ = begin;
    index(document.data() + begin, end - begin, padding + (document.size() - end));
  }

 private:
  friend class JsonCursor;
  od::parser parser_;
  od::document doc_;
  simdjson::padded_string copy_;  // the bytes, when too little padding follows them
  const char* base_ = nullptr;    // the bytes simdjson reads (the input or copy_)
  std::size_t length_ = 0;
  std::size_t begin_ = 0;                           // where they start in the document
  simdjson::error_code error_ = simdjson::SUCCESS;  // stage 1's fault
};

/// One JSON document being read front to back (simdjson On-Demand): typed getters that throw
/// castkit::Error with the value's path and position on a wrong type, and iteration over objects
/// and arrays that keeps the path. Unknown keys (a member callback returning false) are
/// warnings, or errors when ReadOptions::strict.
class JsonCursor {
 public:
  /// A cursor over nothing yet; `name` names the input in messages.
  JsonCursor(const std::string& name, const ReadOptions& options, const WarningSink& warn)
      : name_(name), options_(options), warn_(warn) {}
  JsonCursor(const JsonCursor&) = delete;
  JsonCursor& operator=(const JsonCursor&) = delete;

  /// Starts reading the whole `document` (stage 1: UTF-8, strings, structure). `padding` bytes
  /// after its end may be read; with at least SIMDJSON_PADDING of them nothing is copied.
  void parse_document(std::string_view document, std::size_t padding);

  /// Starts reading document[begin, end) as a JSON document of its own; positions in messages
  /// stay those of `document`. `padding` bytes after the end of `document` may be read.
  void parse_piece(std::string_view document, std::size_t padding, std::size_t begin,
                   std::size_t end);

  /// Starts reading `piece`, indexed as a piece of `document` (IndexedPiece::index with begin
  /// and end); positions stay those of `document`. The piece must outlive the reading.
  void read_piece(std::string_view document, IndexedPiece& piece);

  /// Starts reading `document` with the bytes [cut, cut + cut_length) left out (copied: the
  /// document without a large value in its middle); positions stay those of `document`.
  void parse_without(std::string_view document, std::size_t cut, std::size_t cut_length);

  /// simdjson's own errors (malformed JSON, invalid UTF-8) throw SyntaxError instead of a
  /// castkit::Error: the caller finds the exact message by reading the whole document.
  void defer_syntax_errors() { defer_syntax_errors_ = true; }
  /// What a deferred syntax error throws.
  struct SyntaxError {};

  /// The path of the values read next starts with `key` (a string that outlives the cursor).
  void push_key(std::string_view key) { path_.push({key}); }
  /// The path of the values read next starts with element `index`.
  void push_index(std::size_t index) { path_.push({std::string_view(), index}); }
  /// Drops the path's last step.
  void pop_path() { path_.pop(); }
  /// How many steps the path has.
  std::size_t path_depth() const { return path_.size(); }
  /// Drops the path's steps after the first `depth` (after an exception left it half-walked).
  void truncate_path(std::size_t depth) { path_.truncate(depth); }

  /// The root value of a document started with parse_piece(); read it, then call end_piece().
  od::value piece_root();
  /// Fails when text follows the root value read from piece_root().
  void end_piece();

  /// Where in the document (a byte offset) the pointer `where` (from location()) is.
  std::size_t offset_of(const char* where) const;

  /// Calls fn(key, value, key_position) for each member of the top-level object. Fails with
  /// "expected <expectation>, found ..." when the document is not an object, and when text
  /// follows it.
  template <class Fn>
  void top_level_members(const std::string& expectation, Fn&& fn) {
    od::json_type type;
    check(doc_->type().get(type), nullptr);
    if (type != od::json_type::object)
      fail_at(document_start(), "expected " + expectation + ", found " + type_name(type));
    od::object top;
    check(doc_->get_object().get(top), nullptr);
    each_field(top, fn);
    if (const char* trailing = current())
      fail_at(trailing, "unexpected text after the JSON document");
  }

  /// Where the document's first token is.
  const char* document_start() const;

  /// An error at `where` (a pointer into the document, or nullptr), prefixed with the path.
  [[noreturn]] void fail_at(const char* where, std::string message) const;
  /// A diagnostic at `where`, prefixed with the path.
  Diagnostic diagnostic_at(const char* where, Severity severity, std::string message) const;
  /// Reports `diagnostic` as a warning through the reader's sink.
  void warn(const Diagnostic& diagnostic) const { warn_(diagnostic); }

  /// Where the value starts in the document.
  const char* location(od::value& v) { return v.raw_json_token().data(); }
  /// What kind of JSON value v is.
  od::json_type type_of(od::value& v);

  /// A string value (anything else is an error).
  std::string string(od::value& v) {
    std::string s;
    string(v, s);
    return s;
  }
  /// A string value assigned to `into` (whose storage is reused).
  void string(od::value& v, std::string& into);
  /// true or false.
  bool boolean(od::value& v);
  /// A JSON integer within 64 bits (a fraction or exponent is an error).
  std::int64_t integer(od::value& v);
  /// A non-negative JSON integer below 2^64.
  std::uint64_t unsigned_integer(od::value& v);
  /// Any JSON number, as a double.
  double number(od::value& v);
  /// Any JSON value as an extension Value, nested at most ReadOptions::max_depth deep.
  Value value(od::value& v, std::size_t depth = 0);
  /// An object of extension values, added to `into`.
  void ext(od::value& v, Extensions& into);

  /// Calls fn(key, value) for each member of the object v; a false return marks the key as
  /// unknown (a warning, or an error when strict; the value is still read).
  template <class Fn>
  void members(od::value& v, Fn&& fn) {
    od::object object;
    if (const auto error = v.get_object().get(object)) {  // a wrong type leaves v unread
      if (error == simdjson::INCORRECT_TYPE) expect(v, od::json_type::object, "an object");
      check(error, location(v));
    }
    each_field(object, [&](std::string_view key, od::value& value, const char* key_at) {
      if (!fn(key, value)) unknown(key_at, value);
    });
  }

  /// Calls fn(element) for each element of the array v.
  template <class Fn>
  void elements(od::value& v, Fn&& fn) {
    elements(v, fn, nullptr, false);
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
        [&](std::size_t count) { into.reserve(into.size() + count); }, into.capacity() == 0);
  }

  /// Replaces the elements of `into`, those of a list read before, with the elements of the
  /// array v, each read by read_item(element, item) into an element of `into` cleared with its
  /// storage kept (see model_recycling.hpp).
  template <class T, class Fn>
  void list_reusing(od::value& v, std::vector<T>& into, Fn&& read_item) {
    std::size_t count = 0;
    elements(v, [&](od::value& element) {
      if (count < into.size())
        clear_keeping_storage(into[count]);
      else
        into.emplace_back();
      read_item(element, into[count++]);
    });
    into.erase(into.begin() + static_cast<std::ptrdiff_t>(count), into.end());
  }

  /// Appends the strings of the array v to `into`.
  void strings(od::value& v, std::vector<std::string>& into) {
    elements(v, [&](od::value& element) { into.push_back(string(element)); });
  }

 private:
  /// Calls fn(key, value, key_position) for each member of `object`, with the key on the path
  /// while fn runs (keys without escapes are read in place, others unescaped).
  template <class Fn>
  void each_field(od::object& object, Fn&& fn) {
    for (auto result : object) {
      // The field is used where the iterator made it: copied out of the result, it was rebuilt
      // through the stack with a 16-byte load of two narrower stores, which the CPU cannot
      // forward (a stall on every member; ~4% of reading the 10,000-episode show).
      check(result.error(), nullptr);
      od::field& field = result.value_unsafe();
      const char* key_at = field.key().raw() - 1;  // the key's opening quote
      std::string_view key = plain_string(key_at + 1);
      if (!key.data()) check(field.unescaped_key().get(key), key_at);
      path_.push({key});
      fn(key, field.value(), key_at);
      path_.pop();
    }
  }

  /// Calls reserve(count) when `count_first` (and reserve is not nullptr), then fn(element) for
  /// each element of the array v.
  template <class Fn, class Reserve>
  void elements(od::value& v, Fn&& fn, Reserve&& reserve, bool count_first) {
    od::array array;
    if (const auto error = v.get_array().get(array)) {  // a wrong type leaves v unread
      if (error == simdjson::INCORRECT_TYPE) expect(v, od::json_type::array, "an array");
      check(error, location(v));
    }
    // Counting skips over the elements without parsing them (a malformed array fails below).
    // Only the model's own lists count: they are shallow, while extension values may nest deep
    // and counting at every level would cost the square of the depth.
    // A list that already has room (storage reused) is not counted.
    if constexpr (!std::is_null_pointer_v<std::decay_t<Reserve>>) {
      std::size_t count = 0;
      if (count_first && array.count_elements().get(count) == simdjson::SUCCESS) reserve(count);
    }
    std::size_t index = 0;
    for (auto result : array) {
      od::value element;
      check(std::move(result).get(element), nullptr);
      path_.push({std::string_view(), index++});
      fn(element);
      path_.pop();
    }
  }

  /// The text of the string (a key or a value) whose text starts at `raw` (after its opening
  /// quote) when it has no escapes, else an empty view with no data. (Stage 1 has checked that
  /// the string closes; 16 bytes a step may read past it into the rest of the document and its
  /// padding. Unlike skim::find_quote_or_backslash it needs no bound: with one, the reader of the
  /// 10,000-episode show took 10M more instructions.)
  static std::string_view plain_string(const char* raw) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    for (const char* p = raw;; p += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const auto mask = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash))));
      if (!mask) continue;
      const char* end = p + __builtin_ctz(mask);
      if (*end == '\\') return {};
      return {raw, static_cast<std::size_t>(end - raw)};
    }
#else
    const char* end = raw;
    while (*end != '"' && *end != '\\') ++end;
    if (*end == '\\') return {};
    return {raw, static_cast<std::size_t>(end - raw)};
#endif
  }
  std::int64_t integer_with_error(od::value& v);
  static const char* type_name(od::json_type type);
  const char* current();
  [[noreturn]] void fail_parse(simdjson::error_code error, const char* where);
  void check(simdjson::error_code error, const char* where) {
    if (error) fail_parse(error, where);
  }
  void expect(od::value& v, od::json_type wanted, const char* expected);
  void unknown(const char* where, od::value& v);
  [[noreturn]] void too_deep(const char* where);

  void start(IndexedPiece& piece);

  const std::string& name_;
  const ReadOptions& options_;
  const WarningSink& warn_;
  std::string_view text_;        // the whole document, for positions
  const char* base_ = nullptr;   // the bytes simdjson reads (in text_ or a copy)
  std::size_t base_length_ = 0;  // how many
  std::size_t base_offset_ = 0;  // where base_[0] is in text_
  std::size_t cut_ = 0;          // base_[cut_...] is text_[base_offset_ + cut_ + cut_length_...]
  std::size_t cut_length_ = 0;
  IndexedPiece own_;             // what parse_document/parse_piece/parse_without index
  od::document* doc_ = nullptr;  // the document being read (of own_ or a read_piece's piece)
  bool iterating_ = false;       // doc_ is valid (stage 1 succeeded)
  bool defer_syntax_errors_ = false;
  PathStack path_;
};

}  // namespace castkit::json
