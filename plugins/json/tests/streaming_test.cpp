// The streaming paths: read_model_into delivers what read_model builds (same model, warnings and
// errors), and the exporter's sink writes the bytes write_model writes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "castkit/streaming.hpp"
#include "castkit/text.hpp"
#include "model_reader.hpp"
#include "model_writer.hpp"
#include "stream_reader.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::json;
using namespace castkit::json::testing;

namespace {

/// Keeps what a streaming importer delivers, in order, as a model.
class RecordingSink final : public ModelSink {
 public:
  Show model;
  std::vector<std::string> calls;  ///< "show", "episode", "segment", "finish" in order
  void show(const Show& show) override {
    CHECK(show.episodes.empty());
    model = show;
    calls.push_back("show");
  }
  void episode(const Episode& episode) override {
    model.episodes.push_back(episode);
    calls.push_back("episode");
  }
  void segment(const Segment& segment) override {
    model.episodes.back().transcript.segments.push_back(segment);
    calls.push_back("segment");
  }
  void finish() override { calls.push_back("finish"); }
};

/// Writes what it receives with the exporter's StreamWriter.
class WritingSink final : public ModelSink {
 public:
  explicit WritingSink(std::string& out, int indent = 2) : writer_(out, {.indent = indent}) {}
  void show(const Show& show) override { writer_.show(show); }
  void episode(const Episode& episode) override { writer_.episode(episode); }
  void segment(const Segment& segment) override { writer_.segment(segment); }
  void finish() override { writer_.finish(); }

 private:
  StreamWriter writer_;
};

struct Read {
  Show model;
  std::vector<std::string> warnings;
  std::vector<std::size_t> consumed;
};

Read read_whole(std::string_view text, ReadOptions options = {}) {
  Read r;
  read_model(text, "in.json", r.model, options,
             [&](const Diagnostic& d) { r.warnings.push_back(format_diagnostic(d)); });
  return r;
}

Read read_streaming(std::string_view text, ReadOptions options = {}) {
  Read r;
  RecordingSink sink;
  read_model_into(
      text, "in.json", sink, options,
      [&](const Diagnostic& d) { r.warnings.push_back(format_diagnostic(d)); },
      [&](std::size_t offset) { r.consumed.push_back(offset); });
  CHECK(sink.calls.front() == "show");
  CHECK(sink.calls.back() == "finish");
  r.model = std::move(sink.model);
  return r;
}

/// The streaming reader delivers exactly what the whole-document reader builds.
void check_same_model(std::string_view text, ReadOptions options = {}) {
  const Read whole = read_whole(text, options);
  const Read streamed = read_streaming(text, options);
  CHECK(streamed.warnings == whole.warnings);
  CHECK(streamed.model.episodes.size() == whole.model.episodes.size());
  CHECK(streamed.model == whole.model);
}

/// The error message of a reader, or "" when it accepts the text.
template <class ReadFn>
std::string error_of(ReadFn&& read) {
  try {
    read();
  } catch (const Error& error) {
    return format_diagnostic(error.diagnostic());
  }
  return {};
}

/// Both readers refuse `text` with the same message; returns it.
std::string same_error(std::string_view text, const ReadOptions& options = {}) {
  const std::string whole = error_of([&] { read_whole(text, options); });
  const std::string streamed = error_of([&] { read_streaming(text, options); });
  CHECK(!whole.empty());
  CHECK(streamed == whole);
  return streamed;
}

/// A show of `count` episodes: the rich model's episodes over and over.
Show many_episodes(std::size_t count) {
  Show show = rich_model();
  const std::vector<Episode> samples = show.episodes;
  show.episodes.clear();
  for (std::size_t i = 0; i < count; ++i) {
    show.episodes.push_back(samples[i % samples.size()]);
    show.episodes.back().guid = "guid-" + std::to_string(i);
  }
  return show;
}

/// simdjson's SIMDJSON_PADDING.
constexpr std::size_t kPadding = 64;

std::string to_json(const Show& show, int indent = 2) {
  std::string out;
  write_model(show, out, {.indent = indent});
  return out;
}

}  // namespace

TEST_CASE("streaming every golden file gives the model, warnings and bytes of the whole path") {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    INFO(entry.path().filename().string());
    const std::string text = read_file(entry.path().string());
    check_same_model(text);
    std::string streamed;
    WritingSink sink(streamed);
    read_model_into(
        text, "in.json", sink, {}, [](const Diagnostic&) {}, [](std::size_t) {});
    CHECK(streamed == text);  // the golden files are castkit's own output
  }
  CHECK(files >= 3);
}

TEST_CASE("generated shows stream episode by episode, indented and on one line") {
  for (const int indent : {2, 0}) {
    for (const std::size_t count : {0, 1, 2, 7, 300}) {
      INFO("indent " << indent << ", " << count << " episodes");
      const Show show = many_episodes(count);
      const std::string text = to_json(show, indent);
      const Read streamed = read_streaming(text);
      CHECK(streamed.model == show);
      CHECK(streamed.warnings.empty());
      std::string written;
      WritingSink sink(written, indent);
      read_model_into(
          text, "in.json", sink, {}, [](const Diagnostic&) {}, [](std::size_t) {});
      CHECK(written == text);
    }
  }
}

TEST_CASE("an episode read into the storage of the one before keeps nothing of it") {
  // Full episodes, empty ones and ones with shorter or longer lists, in an order that has each
  // follow each; a repeated list key appends, as in the whole-document reader.
  const std::string full = R"({"guid":"g1","title":"a long title that needs heap storage",
    "enclosure":{"url":"https://example.com/a-long-enclosure-url.mp3","type":"audio/mpeg","length":9},
    "chapters_link":{"url":"https://example.com/chapters-of-the-first-one.json","type":"application/json"},
    "persons":[{"name":"A person with a long name","role":"host","img":"https://example.com/p.jpg"},
               {"name":"B","group":"writing","href":"https://example.com/b"}],
    "chapters":[{"start_ms":0,"title":"chapter one with a long title","url":"https://example.com/1",
                 "img":"https://example.com/1.jpg","toc":false,"location":{"name":"Somewhere"},
                 "ext":{"x":1}},
                {"start_ms":5,"end_ms":9,"title":"two"},{"start_ms":10,"title":"three"}],
    "transcript_links":[{"url":"https://example.com/t.vtt","type":"text/vtt","rel":"captions"}],
    "notes":[{"title":"n","url":"https://example.com/n"}],"keywords":["k1","k2"],"ext":{"y":2}})";
  const std::string shorter = R"({"title":"s","chapters":[{"start_ms":1}],"persons":[]})";
  const std::string repeated =
      R"({"chapters":[{"start_ms":1,"title":"r1"}],"chapters":[{"start_ms":2,"title":"r2"}]})";
  const std::string longer = R"({"chapters":[{"start_ms":1},{"start_ms":2},{"start_ms":3},
    {"start_ms":4,"title":"four"}],"enclosure":{"url":"u"}})";
  const std::vector<std::string> shapes{full,   "{}", full,   shorter, full, repeated,
                                        longer, full, longer, shorter, "{}"};
  std::string list;
  for (const std::string& shape : shapes) list += (list.empty() ? "" : ",\n") + shape;
  const std::string text = R"({"castkit":"1","show":{"title":"t","episodes":[)" + list + "]}}";
  check_same_model(text);
  CHECK(read_streaming(text).model.episodes.size() == shapes.size());
  check_same_model(text, {.strict = true});
}

TEST_CASE("the input is parsed in place when zeros may be read after it") {
  const std::string text = to_json(many_episodes(5));
  std::string padded = text + std::string(kPadding, '\0');
  const std::string_view bytes(padded.data(), text.size());
  const ReadOptions options{.readable_padding = kPadding};
  CHECK(read_streaming(bytes, options).model == read_whole(text).model);
  CHECK(read_whole(bytes, options).model == read_whole(text).model);
  CHECK(same_error(std::string_view(padded.data(), text.size() / 2)).find("truncated") !=
        std::string::npos);
  // Pieces parsed in place are followed by the rest of the document, not by zeros.
  std::string scalars = R"({"castkit":"1","show":{"episodes":[{"title":"a"},7,{"x":1}]}})";
  const std::size_t length = scalars.size();
  scalars.append(kPadding, '\0');
  const auto in_place = [&] {
    RecordingSink sink;
    read_model_into(
        std::string_view(scalars.data(), length), "in.json", sink, options,
        [](const Diagnostic&) {}, [](std::size_t) {});
  };
  CHECK(error_of(in_place) ==
        "in.json:1:50: error: show.episodes[1]: expected an object, found a number");
}

TEST_CASE("the host hears about consumed input as the episodes go by") {
  const std::string text = to_json(many_episodes(2000));
  REQUIRE(text.size() > 1'000'000);
  const Read streamed = read_streaming(text);
  CHECK(streamed.consumed.size() >= 3);
  CHECK(std::is_sorted(streamed.consumed.begin(), streamed.consumed.end()));
  CHECK(streamed.consumed.back() <= text.size());
}

TEST_CASE("show fields after the episode list reach the sink before the first episode") {
  const std::string text =
      "{\"castkit\": \"1\", \"show\": {\"title\": \"T\", \"episodes\": [{\"title\": \"e1\"},\n"
      "{\"title\": \"e2\", \"colour\": 1}], \"language\": \"en\", \"shade\": 2, "
      "\"persons\": [{\"name\": \"P\"}]}, \"extra\": true}";
  RecordingSink sink;
  std::vector<std::string> warnings;
  read_model_into(
      text, "in.json", sink, {},
      [&](const Diagnostic& d) { warnings.push_back(format_diagnostic(d)); }, [](std::size_t) {});
  CHECK(sink.calls == std::vector<std::string>{"show", "episode", "episode", "finish"});
  CHECK(sink.model.language == "en");
  REQUIRE(sink.model.persons.size() == 1);
  check_same_model(text);  // also the warnings, in document order
  CHECK(warnings.size() == 3);

  // The same after a BOM, and with a second list (read whole, then delivered).
  check_same_model("\xEF\xBB\xBF" + text);
  check_same_model(
      R"({"castkit":"1","show":{"episodes":[{"title":"a"}],"episodes":[{"title":"b"}],"x":1}})");
}

TEST_CASE("a list that is not the show's last member, behind a look-alike end, falls back") {
  // The documents end in `] } }` like castkit's own, but that `]` closes another list.
  for (const std::string text :
       {R"({"castkit":"1","show":{"episodes":[{"title":"a"}],"keywords":["k"]}})",
        R"({"castkit":"1","show":{"episodes":[{"title":"a"}],"episodes":[{"title":"b"}]}})"}) {
    RecordingSink sink;
    CHECK_THROWS_AS(read_model_into(
                        text, "in.json", sink, {}, [](const Diagnostic&) {}, [](std::size_t) {}),
                    NeedsWholeModel);
  }
}

TEST_CASE("documents the streaming reader cannot cut are read whole and delivered") {
  check_same_model(R"({"castkit":"1","show":{"title":"no episodes"}})");
  check_same_model(R"({"castkit":"1","show":{"title":"x","episodes":[]}})");
  check_same_model(R"({"castkit":"1","show":{"episod\u0065s":[{"title":"escaped key"}]}})");
  check_same_model(R"({"show":{"episodes":[{"title":"marker last"}]},"castkit":"1"})");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(R"({"castkit":"1","show":{"episodes":[{"title":"t"}]}})"))
    utf16 += std::string{c, '\0'};
  check_same_model(utf16);
}

TEST_CASE("bad input in an episode gives the whole path's error and position") {
  const std::string text = to_json(many_episodes(4));
  // Truncated at many places, inside episodes and between them.
  for (std::size_t length = 1; length < text.size(); length += 97) {
    INFO("cut at " << length);
    CHECK(same_error(std::string_view(text).substr(0, length)).starts_with("in.json:"));
  }
  // A wrong type deep in the third episode.
  const std::string typed = R"({"castkit":"1","show":{"episodes":[{},{},
{"chapters":[{"start_ms":"soon"}]}]}})";
  CHECK(same_error(typed) ==
        "in.json:2:26: error: show.episodes[2].chapters[0].start_ms: expected an integer, found "
        "a string");
  // Malformed JSON inside an episode, invalid UTF-8, a raw control character, binary.
  same_error(R"({"castkit":"1","show":{"episodes":[{"title":"a"},{"title" "b"}]}})");
  same_error("{\"castkit\":\"1\",\"show\":{\"episodes\":[{\"title\":\"caf\xE9\"}]}}");
  same_error("{\"castkit\":\"1\",\"show\":{\"episodes\":[{\"title\":\"a\x01\"}]}}");
  same_error(R"({"castkit":"1","show":{"episodes":[{"title":"a"},]}})");
  same_error(R"({"castkit":"1","show":{"episodes":[{"title":"a"} {"title":"b"}]}})");
  same_error(R"({"castkit":"2","show":{"episodes":[{"title":"a"}]}})");
  CHECK(same_error(R"({"castkit":"1","show":{"episodes":[{}, 12, {}]}})") ==
        "in.json:1:40: error: show.episodes[1]: expected an object, found a number");
  same_error(R"({"castkit":"1","show":{"episodes":[{}, "x"]}})");
  same_error(R"({"castkit":"1","show":{"episodes":[null]}})");
  std::mt19937 random(11);
  std::string binary = R"({"castkit":"1","show":{"episodes":[{"ext":{"x":")";
  for (int i = 0; i < 2000; ++i) binary += static_cast<char>(random() % 256);
  binary += "\"}}]}}";
  same_error(binary);
  // 100,000 levels of nesting inside an episode.
  const std::size_t levels = 100'000;
  const std::string deep = R"({"castkit":"1","show":{"episodes":[{"ext":{"deep":)" +
                           std::string(levels, '[') + std::string(levels, ']') + "}}]}}";
  CHECK(same_error(deep).find("show.episodes[0].ext.deep[0][0]") != std::string::npos);
  // Strict mode: an unknown key in an episode is an error there.
  const std::string unknown = R"({"castkit":"1","show":{"episodes":[{"colour":1}]}})";
  const ReadOptions strict{.strict = true};
  CHECK(error_of([&] { read_streaming(unknown, strict); }) ==
        error_of([&] { read_whole(unknown, strict); }));
}

TEST_CASE("pretty lists whose layout misleads the guessed ends read as when skimmed") {
  const std::string head = "{\"castkit\": \"1\", \"show\": {\"episodes\": [\n  ";
  const std::string tail = "\n]}}";
  // A nested object that closes at the elements' indentation (the guess ends the piece too
  // early, after an unknown key whose warning must not come twice); a closing brace at the end
  // of a text line (the guess takes in the next element); the list's last element so.
  const std::vector<std::string> lists{
      "{\"colour\": 1, \"ext\": {\"x\": 1\n  }, \"title\": \"a\"},\n  {\"title\": \"b\"\n  }",
      "{\"title\": \"a\"},\n  {\"title\": \"b\", \"shade\": 2\n  },\n  {\"title\": \"c\"\n  }",
      "{\"title\": \"a\"\n  },\n  {\"title\": \"b\", \"tint\": 3}",
      "{\"title\": \"a\"\n  },\n  {\"chapters\": [{\"start_ms\": 1\n  }]}"};
  for (const std::string& list : lists) {
    const std::string text = head + list + tail;
    INFO(text);
    check_same_model(text);
    CHECK(read_streaming(text).model.episodes.size() == 2 + (list.find("\"c\"") != list.npos));
    const ReadOptions strict{.strict = true};
    CHECK(error_of([&] { read_streaming(text, strict); }) ==
          error_of([&] { read_whole(text, strict); }));
  }
  // A wrong type after a closing line that misleads: the error is the skimmed piece's.
  const std::string typed = head + "{\"ext\": {\"x\": 1\n  }, \"title\": 7}" + tail;
  CHECK(same_error(typed).find("show.episodes[0].title: expected a string") != std::string::npos);
}

TEST_CASE("episodes cut and indexed on a second thread arrive as one thread reads them") {
  // Episodes of every size, some with unknown keys (warnings, which must come in order).
  std::string list;
  for (int i = 0; i < 240; ++i) {
    const std::string title = "\"title\":\"episode " + std::to_string(i) + "\"";
    const std::string shape =
        i % 4 == 0   ? "{" + title + ",\"colour\":" + std::to_string(i) + "}"
        : i % 4 == 1 ? "{}"
        : i % 4 == 2 ? "{" + title + R"(,"chapters":[{"start_ms":1,"title":"c"},{"start_ms":2}]})"
                     : "{" + title + R"(,"persons":[{"name":"p"}],"enclosure":{"url":"u"}})";
    list += (list.empty() ? "" : ",\n") + shape;
  }
  const std::string text = R"({"castkit":"1","show":{"title":"t","episodes":[)" + list + "]}}";
  const std::string rich = to_json(many_episodes(150));
  for (const unsigned threads : {1u, 2u}) {
    for (const std::size_t padding : {std::size_t{0}, kPadding}) {
      INFO(threads << " threads, " << padding << " bytes of padding");
      const ReadOptions options{.readable_padding = padding, .threads = threads};
      std::string padded_text = text + std::string(padding, '\0');
      const std::string_view in(padded_text.data(), text.size());
      check_same_model(in, options);
      check_same_model(rich, {.threads = threads});
      const Read streamed = read_streaming(in, options);
      CHECK(streamed.warnings.size() == 60);
      // Errors: a wrong type, malformed JSON and an unfinished list, far into the list.
      const std::size_t at = text.find("\"episode 202\"");
      const std::string typed = text.substr(0, at) + "7" + text.substr(at + 13);
      CHECK(same_error(typed, options).find("show.episodes[202].title: expected a string") !=
            std::string::npos);
      const std::string malformed = text.substr(0, at) + "\"x\" \"y\"" + text.substr(at + 13);
      same_error(malformed, options);
      same_error(std::string_view(text).substr(0, at), options);
      // An error in the sink stops the second thread cleanly.
      class FailingSink final : public ModelSink {
       public:
        void show(const Show&) override {}
        void episode(const Episode&) override {
          if (++count == 100) throw Error(ErrorKind::io, {Severity::error, "out", 0, 0, "full"});
        }
        void segment(const Segment&) override {}
        void finish() override {}
        int count = 0;
      } failing;
      CHECK_THROWS_AS(
          read_model_into(
              in, "in.json", failing, options, [](const Diagnostic&) {}, [](std::size_t) {}),
          Error);
      CHECK(failing.count == 100);
    }
  }
  // The host hears about consumed input in order, whichever thread read the episodes.
  const std::string large = to_json(many_episodes(2000));
  const Read streamed = read_streaming(large, {.threads = 2});
  CHECK(streamed.consumed.size() >= 3);
  CHECK(std::is_sorted(streamed.consumed.begin(), streamed.consumed.end()));
}

TEST_CASE("the sink writes segments that arrive one by one where the model holds them") {
  Show show = rich_model();
  std::string whole;
  write_model(show, whole, {});
  std::string streamed;
  {
    StreamWriter writer(streamed, {});
    writer.show(show);
    for (const Episode& e : show.episodes) {
      Episode head = e;
      head.transcript.segments.clear();
      writer.episode(head);
      for (const Segment& s : e.transcript.segments) writer.segment(s);
    }
    writer.finish();
  }
  CHECK(streamed == whole);

  // Segments for an episode without transcript fields open the transcript themselves.
  Show bare;
  bare.episodes.resize(1);
  bare.episodes[0].transcript.segments.resize(2);
  bare.episodes[0].transcript.segments[1].text = "two";
  std::string expected;
  write_model(bare, expected, {});
  std::string written;
  StreamWriter writer(written, {});
  writer.show(bare);
  writer.episode(Episode{});
  for (const Segment& s : bare.episodes[0].transcript.segments) writer.segment(s);
  writer.finish();
  CHECK(written == expected);
}
