// castkit JSON -> ModelSink: the show's fields from the document without its episode list, then
// each element of the list parsed as a document of its own.
#include "stream_reader.hpp"

#include <utility>
#include <vector>

#include "castkit/text.hpp"
#include "episode_list_reader.hpp"
#include "json_skim.hpp"
#include "model_fields.hpp"

namespace castkit::json {

namespace {

using skim::npos;

/// Calls visit(key, value_position) for each member of the object whose '{' is text[pos] until
/// visit returns a position other than npos, and returns that position; npos at the end of the
/// object or at anything unexpected (the parser reports what is wrong later).
template <class Visit>
std::size_t find_member(std::string_view text, std::size_t pos, Visit&& visit) {
  pos = skim::skip_whitespace(text, pos + 1);
  while (pos < text.size() && text[pos] == '"') {
    const std::size_t key_end = skim::skip_string(text, pos);
    if (key_end == npos) return npos;
    const std::string_view key = text.substr(pos + 1, key_end - pos - 2);
    pos = skim::skip_whitespace(text, key_end);
    if (pos >= text.size() || text[pos] != ':') return npos;
    pos = skim::skip_whitespace(text, pos + 1);
    if (const std::size_t found = visit(key, pos); found != npos) return found;
    pos = skim::skip_value(text, pos);
    if (pos == npos) return npos;
    pos = skim::skip_whitespace(text, pos);
    if (pos >= text.size() || text[pos] != ',') return npos;
    pos = skim::skip_whitespace(text, pos + 1);
  }
  return npos;
}

/// The position of the '[' of the first "episodes" list of a "show" object, or npos.
/// (Keys are compared as written: an escaped key name is not found, and the document is read
/// whole instead.)
std::size_t find_episode_list(std::string_view text) {
  const std::size_t top = skim::skip_whitespace(text, 0);
  if (top >= text.size() || text[top] != '{') return npos;
  const auto at = [&](std::size_t pos, char c) { return pos < text.size() && text[pos] == c; };
  return find_member(text, top, [&](std::string_view key, std::size_t show) {
    if (key != "show" || !at(show, '{')) return npos;
    return find_member(text, show, [&](std::string_view key, std::size_t list) {
      return key == "episodes" && at(list, '[') ? list : npos;
    });
  });
}

/// The position of the ']' that closes the list opened at text[open], or npos. castkit writes
/// the list last in the show and the show last in the document, so the document's last bytes
/// are `] } }`: that is taken on trust without reading the list (the reader checks it when it
/// gets there). Other documents are skimmed through.
std::size_t find_list_end(std::string_view text, std::size_t open) {
  std::size_t pos = text.size();
  const auto last_is = [&](char c) {
    while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\n' || text[pos - 1] == '\r' ||
                       text[pos - 1] == '\t'))
      --pos;
    if (pos == 0 || text[pos - 1] != c) return false;
    --pos;
    return true;
  };
  if (last_is('}') && last_is('}') && last_is(']') && pos > open) return pos;
  const std::size_t end = skim::skip_value(text, open);
  return end == npos ? npos : end - 1;
}

/// Hands a whole model to the sink.
void deliver(Show& show, ModelSink& sink) {
  std::vector<Episode> episodes = std::move(show.episodes);
  show.episodes.clear();
  sink.show(show);
  for (const Episode& episode : episodes) sink.episode(episode);
  sink.finish();
}

bool is_before(const Diagnostic& d, TextPosition p) {
  return d.line < p.line || (d.line == p.line && d.column < p.column);
}

}  // namespace

void read_model_into(std::string_view bytes, const std::string& name, ModelSink& sink,
                     const ReadOptions& options, const WarningSink& warn,
                     const ConsumedSink& consumed) {
  const auto read_whole = [&] {
    Show show;
    read_model(bytes, name, show, options, warn);
    deliver(show, sink);
  };
  // Once episodes went to the sink, a fault is reported exactly as the whole-document reader
  // reports it; should that reader find none, the host reads the document whole.
  const auto fail_late = [&](const char* why) {
    Show show;
    read_model(bytes, name, show, options, [](const Diagnostic&) {});
    throw NeedsWholeModel(std::string("json: ") + why);
  };

  const bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (utf16_bom || !options.encoding.empty()) return read_whole();
  std::string_view text = bytes;
  const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  text.remove_prefix(bom);

  const std::size_t open = find_episode_list(text);
  if (open == npos) return read_whole();
  const std::size_t close = find_list_end(text, open);
  if (close == npos) return read_whole();

  // The show: the document without the list's elements. Its warnings wait until it has been
  // read without error; those about what follows the list wait until after the episodes, as
  // the whole-document reader reports in document order.
  const TextPosition list_at = position_at(text, open);
  std::vector<Diagnostic> before_list, after_list;
  bool episodes_done = false;
  const WarningSink show_warn = [&](const Diagnostic& d) {
    if (episodes_done)
      warn(d);
    else
      (is_before(d, list_at) ? before_list : after_list).push_back(d);
  };
  Show show;
  ModelReader show_reader(name, options, show_warn);
  show_reader.defer_syntax_errors();
  try {
    show_reader.parse_without(text, open + 1, close - open - 1);
    show_reader.read_members(show);
    show_reader.check_marker();
  } catch (const JsonCursor::SyntaxError&) {
    return read_whole();  // the error, exactly as the whole-document reader words it
  } catch (const Error&) {
    return read_whole();
  }
  if (!show.episodes.empty()) return read_whole();  // a second episode list
  for (const Diagnostic& d : before_list) warn(d);
  sink.show(show);

  // The episodes, in batches, each read into the storage of an episode delivered before.
  std::size_t pos = skim::skip_whitespace(text, open + 1);
  if (pos < text.size() && text[pos] != ']') {
    const EpisodeList list{.text = text, .first = pos, .bom = bom, .name = &name};
    pos = read_episode_list(list, sink, options, options.threads, warn, consumed, fail_late);
  }
  if (pos != close) fail_late("show fields after the episode list");

  episodes_done = true;
  for (const Diagnostic& d : after_list) warn(d);
  show_reader.report_unknown_top_level();
  sink.finish();
}

}  // namespace castkit::json
