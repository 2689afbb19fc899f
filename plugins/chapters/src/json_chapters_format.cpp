// JSON chapters <-> model, on top of the shared codec in plugins/common/feed_common.
#include "json_chapters_format.hpp"

#include "castkit/feed/json_chapters.hpp"
#include "castkit/text.hpp"
#include "chapters_formats.hpp"

namespace castkit::chapters {
namespace {

/// Episode ext key: the chapters file's "fileName".
constexpr const char* file_name_key = "chapters.file_name";

}  // namespace

Confidence probe_json_chapters(const Input& input) {
  std::string_view head = input.bytes.substr(0, 4096);
  std::size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos || head[start] != '{') return 0;
  if (head.find("\"chapters\"") == std::string_view::npos) return 0;
  return head.find("\"startTime\"") != std::string_view::npos ? 95 : 60;
}

void read_json_chapters(const Input& input, Show& show) {
  DecodedText text = decode_to_utf8(input.bytes, input.encoding, input.name);
  feed::JsonChapters file = feed::parse_json_chapters(text.text(), input.name);
  Episode& episode = target_episode(show);
  episode.chapters = std::move(file.chapters);
  if (episode.title.empty()) episode.title = std::move(file.title);
  if (show.title.empty()) show.title = std::move(file.podcast_name);
  if (show.author.empty()) show.author = std::move(file.author);
  if (!file.file_name.empty()) episode.ext[file_name_key] = Value(std::move(file.file_name));
}

void write_json_chapters_file(const Show& show, const Episode& episode, std::string& out) {
  feed::JsonChapters file;
  file.title = episode.title;
  file.podcast_name = show.title;
  file.author = show.author;
  if (auto it = episode.ext.find(file_name_key);
      it != episode.ext.end() && it->second.kind == Value::Kind::string)
    file.file_name = it->second.string;
  file.chapters = episode.chapters;
  feed::write_json_chapters(file, out);
}

}  // namespace castkit::chapters
