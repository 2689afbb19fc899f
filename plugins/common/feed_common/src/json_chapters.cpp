// JSON chapters 1.2 with nlohmann::json.
#include "castkit/feed/json_chapters.hpp"

#include <nlohmann/json.hpp>

#include "castkit/diagnostics.hpp"
#include "castkit/feed/seconds.hpp"
#include "castkit_common/json_string.hpp"
#include "json_document.hpp"

namespace castkit::feed {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail_chapter(const std::string& input_name, std::size_t index,
                               const std::string& what) {
  fail_input(input_name, 0, 0, "chapter " + std::to_string(index + 1) + ": " + what);
}

/// The string member `key` of `object`, or "" when absent or null; other types are an error.
std::string string_member(const Json& object, const char* key, const std::string& input_name,
                          const std::string& where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) fail_input(input_name, 0, 0, where + ": \"" + key + "\" must be a string");
  return it->get<std::string>();
}

/// Seconds given as a JSON number (or a numeric string, as some generators write) to ms.
std::optional<Millis> time_member(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (it->is_number()) {
    if (auto ms = seconds_to_millis(it->get<double>())) return ms;
    return std::nullopt;
  }
  if (it->is_string()) return parse_seconds(it->get_ref<const std::string&>());
  return std::nullopt;
}

}  // namespace

JsonChapters parse_json_chapters(std::string_view text, const std::string& input_name) {
  const Json document = parse_json_document(text, input_name, "JSON chapters file");
  if (!document.is_object())
    fail_input(input_name, 1, 1, "expected a JSON object with \"chapters\"");
  auto chapters = document.find("chapters");
  if (chapters == document.end() || !chapters->is_array())
    fail_input(input_name, 1, 1, "expected a \"chapters\" array (Podcasting 2.0 JSON chapters)");

  JsonChapters result;
  const std::string top = "the file";
  if (auto version = document.find("version"); version != document.end() && version->is_string())
    result.version = version->get<std::string>();
  result.author = string_member(document, "author", input_name, top);
  result.title = string_member(document, "title", input_name, top);
  result.podcast_name = string_member(document, "podcastName", input_name, top);
  result.file_name = string_member(document, "fileName", input_name, top);

  result.chapters.reserve(chapters->size());
  for (std::size_t i = 0; i < chapters->size(); ++i) {
    const Json& item = (*chapters)[i];
    if (!item.is_object()) fail_chapter(input_name, i, "expected an object");
    std::string where = "chapter " + std::to_string(i + 1);
    Chapter chapter;
    auto start = time_member(item, "startTime");
    if (!start)
      fail_chapter(input_name, i, "\"startTime\" must be a non-negative number of seconds");
    chapter.start = *start;
    if (item.contains("endTime") && !item["endTime"].is_null()) {
      chapter.end = time_member(item, "endTime");
      if (!chapter.end)
        fail_chapter(input_name, i, "\"endTime\" must be a non-negative number of seconds");
    }
    chapter.title = string_member(item, "title", input_name, where);
    chapter.img = string_member(item, "img", input_name, where);
    chapter.url = string_member(item, "url", input_name, where);
    if (auto toc = item.find("toc"); toc != item.end() && toc->is_boolean())
      chapter.toc = toc->get<bool>();
    if (auto location = item.find("location"); location != item.end() && location->is_object()) {
      Location place;
      place.name = string_member(*location, "name", input_name, where + " location");
      place.geo = string_member(*location, "geo", input_name, where + " location");
      place.osm = string_member(*location, "osm", input_name, where + " location");
      chapter.location = std::move(place);
    }
    // "id" and "hasArtwork" (chapters 1.0) and unknown keys carry nothing the model needs.
    result.chapters.push_back(std::move(chapter));
  }
  return result;
}

namespace {

using json_common::append_string_literal;

/// Writes JSON with two-space indentation, members in the order they are added.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}
  void open_object() { open('{'); }
  void close_object() { close('}'); }
  void open_array() { open('['); }
  void close_array() { close(']'); }
  /// Starts a member: `"key": ` on a new line after a comma when needed.
  void key(std::string_view name) {
    next_item();
    append_string_literal(out_, name);
    out_ += ": ";
  }
  /// Starts an array element.
  void element() { next_item(); }
  void string(std::string_view text) { append_string_literal(out_, text); }
  void seconds(Millis ms) { append_seconds(out_, ms); }
  void boolean(bool value) { out_ += value ? "true" : "false"; }

 private:
  void open(char bracket) {
    out_ += bracket;
    first_.push_back(true);
  }
  void close(char bracket) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += bracket;
  }
  void next_item() {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline();
  }
  void newline() {
    out_ += '\n';
    out_.append(first_.size() * 2, ' ');
  }
  std::string& out_;
  std::vector<bool> first_;  ///< per open container: nothing written in it yet
};

}  // namespace

void write_json_chapters(const JsonChapters& file, std::string& out) {
  // Written directly (about ten times faster than building an nlohmann::json document), in
  // the layout nlohmann's dump(2) gives.
  out.reserve(out.size() + 256 + file.chapters.size() * 160);
  JsonOut json(out);
  json.open_object();
  json.key("version");
  json.string("1.2.0");
  auto optional_string = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    json.key(key);
    json.string(value);
  };
  optional_string("author", file.author);
  optional_string("title", file.title);
  optional_string("podcastName", file.podcast_name);
  optional_string("fileName", file.file_name);
  json.key("chapters");
  json.open_array();
  for (const Chapter& chapter : file.chapters) {
    json.element();
    json.open_object();
    json.key("startTime");
    json.seconds(chapter.start);
    if (chapter.end) {
      json.key("endTime");
      json.seconds(*chapter.end);
    }
    optional_string("title", chapter.title);
    optional_string("img", chapter.img);
    optional_string("url", chapter.url);
    if (!chapter.toc) {
      json.key("toc");
      json.boolean(false);
    }
    if (chapter.location) {
      json.key("location");
      json.open_object();
      json.key("name");
      json.string(chapter.location->name);
      json.key("geo");
      json.string(chapter.location->geo);
      optional_string("osm", chapter.location->osm);
      json.close_object();
    }
    json.close_object();
  }
  json.close_array();
  json.close_object();
  out += '\n';
}

}  // namespace castkit::feed
