// Streaming SRT and WebVTT: what the SRT importer hands a sink is what read() builds, and the
// WebVTT sink writes exactly what write() writes, or hands over to it (NeedsWholeModel).
#include <catch2/catch.hpp>

#include <filesystem>

#include "castkit/streaming.hpp"
#include "castkit_testing/files.hpp"
#include "castkit_testing/recording_host.hpp"
#include "srt_formats.hpp"
#include "vtt_formats.hpp"

using namespace castkit;
namespace fs = std::filesystem;

namespace {

using castkit::testing::read_file;

// Every file under tests/data/subtitles with extension `ext`.
std::vector<fs::path> files_with(const std::string& ext) {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(CASTKIT_TEST_DATA) / "subtitles"))
    if (entry.path().extension() == ext) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// A recording host that also keeps the offsets passed to input_consumed.
class ConsumingHost : public testing::RecordingHost {
 public:
  std::vector<std::size_t> consumed;  ///< in call order
  void input_consumed(const Input&, std::size_t offset) override { consumed.push_back(offset); }
};

// A context on a ConsumingHost with empty options.
struct StreamContext {
  ConsumingHost host;
  ConfigNode options_node;
  ConfigNode project_node;
  Context context{host, ConfigView(&options_node), ConfigView(&project_node)};
};

// Builds the model a sink is given.
class ModelRecorder : public ModelSink {
 public:
  Show model;             ///< what arrived
  bool finished = false;  ///< finish() was called

  void show(const Show& show) override { model = show; }
  void episode(const Episode& episode) override { model.episodes.push_back(episode); }
  void segment(const Segment& segment) override {
    model.episodes.back().transcript.segments.push_back(segment);
  }
  void finish() override { finished = true; }
};

std::string messages(const std::vector<Diagnostic>& diagnostics) {
  std::string all;
  for (const Diagnostic& d : diagnostics)
    all += d.file + ":" + std::to_string(d.line) + ": " + d.message + "\n";
  return all;
}

using MakeExporter = std::unique_ptr<Exporter> (*)();

// What write() writes for `show`, and the warnings it reports.
std::string write_whole(MakeExporter make, const Show& show, std::string& warnings) {
  StreamContext test;
  std::string out;
  ExportRequest request{show, show.episodes.empty() ? nullptr : &show.episodes.front(), "out"};
  make()->write(request, out, test.context);
  warnings = messages(test.host.diagnostics);
  return out;
}

// Hands `show` to a sink as an importer would.
void feed(const Show& show, ModelSink& sink) {
  Show fields = show;
  fields.episodes.clear();
  sink.show(fields);
  for (const Episode& episode : show.episodes) {
    Episode head = episode;
    head.transcript.segments.clear();
    sink.episode(head);
    for (const Segment& segment : episode.transcript.segments) sink.segment(segment);
  }
  sink.finish();
}

// What the exporter's sink writes for `show` (nothing when it asks for the whole model).
std::optional<std::string> stream(MakeExporter make, const Show& show, std::string& warnings) {
  StreamContext test;
  std::string out;
  auto exporter = make();
  auto* streaming = dynamic_cast<StreamingExporter*>(exporter.get());
  REQUIRE(streaming);
  auto sink = streaming->open("out", out, test.context);
  try {
    feed(show, *sink);
  } catch (const NeedsWholeModel&) {
    return std::nullopt;
  }
  warnings = messages(test.host.diagnostics);
  return out;
}

constexpr MakeExporter kExporters[] = {vtt::make_vtt_exporter, srt::make_srt_exporter};

// Checks that streaming `show` into WebVTT and SRT writes what write() writes; false when a
// sink asked for the whole model.
bool streams_identically(const Show& show) {
  bool streamed_all = true;
  for (MakeExporter make : kExporters) {
    std::string whole_warnings, stream_warnings;
    const std::string whole = write_whole(make, show, whole_warnings);
    std::optional<std::string> streamed = stream(make, show, stream_warnings);
    if (!streamed) {
      streamed_all = false;
      continue;
    }
    CHECK(*streamed == whole);
    CHECK(stream_warnings == whole_warnings);
  }
  return streamed_all;
}

// True when no exporter's sink writes `show` itself.
bool every_sink_hands_over(const Show& show) {
  std::string ignored;
  for (MakeExporter make : kExporters)
    if (stream(make, show, ignored)) return false;
  return true;
}

Show read_srt_whole(const Input& input, std::string& diagnostics) {
  StreamContext test;
  Show show;
  srt::make_srt_importer()->read(input, show, test.context);
  diagnostics = messages(test.host.diagnostics);
  return show;
}

StreamingImporter& streaming_srt(std::unique_ptr<Importer>& importer) {
  importer = srt::make_srt_importer();
  auto* streaming = dynamic_cast<StreamingImporter*>(importer.get());
  REQUIRE(streaming);
  return *streaming;
}

Segment cue(Millis start, Millis end, std::string text) {
  Segment segment;
  segment.start = start;
  segment.end = end;
  segment.text = std::move(text);
  return segment;
}

Show show_of(std::vector<Segment> segments) {
  Show show;
  show.episodes.emplace_back().transcript.segments = std::move(segments);
  return show;
}

}  // namespace

using MakeImporter = std::unique_ptr<Importer> (*)();

// The streaming importers and the files they read.
const std::pair<const char*, MakeImporter> kImporters[] = {{".srt", srt::make_srt_importer},
                                                           {".vtt", vtt::make_vtt_importer}};

TEST_CASE("SRT and WebVTT read_into hand a sink the model read() builds, for every file",
          "[srt][vtt][streaming]") {
  std::size_t compared = 0;
  for (const auto& [ext, make] : kImporters) {
    for (const fs::path& file : files_with(ext)) {
      INFO(file.string());
      const std::string bytes = read_file(file);
      const Input input{file.string(), bytes};
      std::string whole_diagnostics;
      std::optional<Show> whole;
      std::string whole_error;
      try {
        StreamContext test;
        whole.emplace();
        make()->read(input, *whole, test.context);
        whole_diagnostics = messages(test.host.diagnostics);
      } catch (const Error& e) {
        whole.reset();
        whole_error = e.what();
      }
      StreamContext test;
      ModelRecorder recorder;
      std::unique_ptr<Importer> importer = make();
      auto* streaming = dynamic_cast<StreamingImporter*>(importer.get());
      REQUIRE(streaming);
      try {
        streaming->read_into(input, recorder, test.context);
      } catch (const Error& e) {
        CHECK(e.what() == whole_error);
        continue;
      } catch (const NeedsWholeModel&) {
        CHECK_FALSE(whole);  // only invalid UTF-8 in SRT hands over, and read() rejects it
        continue;
      }
      REQUIRE(whole);
      CHECK(recorder.finished);
      CHECK(recorder.model == *whole);
      CHECK(messages(test.host.diagnostics) == whole_diagnostics);
      ++compared;
    }
  }
  CHECK(compared >= 14 + 35);
}

TEST_CASE("WebVTT and SRT sinks write write()'s bytes for every SRT and WebVTT file",
          "[vtt][srt][streaming]") {
  std::size_t streamed = 0;
  for (const std::string ext : {".srt", ".vtt"}) {
    for (const fs::path& file : files_with(ext)) {
      INFO(file.string());
      const std::string bytes = read_file(file);
      testing::TestContext test;
      Show show;
      Input input{file.string(), bytes};
      try {
        if (ext == ".srt")
          srt::make_srt_importer()->read(input, show, test.context);
        else
          vtt::make_vtt_importer()->read(input, show, test.context);
      } catch (const Error&) {
        continue;
      }
      streamed += streams_identically(show);
    }
  }
  CHECK(streamed >= 40);
}

TEST_CASE("SRT and WebVTT straight into the WebVTT and SRT sinks: the bytes of read() + write()",
          "[streaming]") {
  std::size_t streamed = 0;
  for (const auto& [ext, make_importer] : kImporters) {
    for (const fs::path& file : files_with(ext)) {
      for (MakeExporter make_exporter : kExporters) {
        INFO(file.string());
        const std::string bytes = read_file(file);
        const Input input{file.string(), bytes};
        Show whole;
        try {
          StreamContext test;
          make_importer()->read(input, whole, test.context);
        } catch (const Error&) {
          continue;
        }
        std::string warnings;
        const std::string expected = write_whole(make_exporter, whole, warnings);
        StreamContext test;
        std::string out;
        auto exporter = make_exporter();
        auto sink = dynamic_cast<StreamingExporter&>(*exporter).open("out", out, test.context);
        std::unique_ptr<Importer> importer = make_importer();
        try {
          dynamic_cast<StreamingImporter&>(*importer).read_into(input, *sink, test.context);
        } catch (const NeedsWholeModel&) {
          continue;
        }
        CHECK(out == expected);
        ++streamed;
      }
    }
  }
  CHECK(streamed >= 80);
}

TEST_CASE("WebVTT and SRT sinks hand over what only the whole model can write",
          "[vtt][srt][streaming]") {
  // The exporters sort by start.
  CHECK(every_sink_hands_over(show_of({cue(2000, 3000, "b"), cue(1000, 1500, "a")})));
  // Untimed, open-ended, and long segments are laid out into cues.
  Segment untimed;
  untimed.text = "no time";
  CHECK(every_sink_hands_over(show_of({cue(0, 1000, "a"), untimed})));
  Segment open_ended = cue(0, 0, "no end");
  open_ended.end.reset();
  CHECK(every_sink_hands_over(show_of({open_ended})));
  CHECK(every_sink_hands_over(show_of({cue(0, 60'000, std::string(200, 'x'))})));
  // A second episode.
  Show two = show_of({cue(0, 1000, "a")});
  two.episodes.push_back(two.episodes.front());
  CHECK(every_sink_hands_over(two));
  // What it writes itself: equal starts, ends fixed from the next start, long but short-texted
  // cues, no episode at all.
  CHECK(streams_identically(show_of({cue(1000, 2000, "a"), cue(1000, 1500, "same start")})));
  CHECK(streams_identically(
      show_of({cue(1000, 900, "ends early"), cue(1500, 1200, "too"), cue(5000, 5000, "last")})));
  // Speaker labels at changes, cues without text, dash lines of two speakers.
  Show speakers = show_of({cue(0, 1000, "hi"), cue(1000, 900, " "), cue(2000, 2500, "again"),
                           cue(3000, 3500, "other")});
  auto& turns = speakers.episodes[0].transcript.segments;
  turns[0].speaker = turns[2].speaker = "ANN";
  turns[3].speaker = "BOB";
  Value two_turns = Value::array();
  for (const char* name : {"ANN", "BOB"}) {
    Value turn = Value::object();
    turn.set("speaker", Value(name));
    turn.set("text", Value("line"));
    two_turns.push(std::move(turn));
  }
  turns[3].ext["subtitle.turns"] = std::move(two_turns);
  CHECK(streams_identically(speakers));
  CHECK(streams_identically(show_of({cue(0, 60'000, "short text, long time")})));
  CHECK(streams_identically(Show{}));
  Show from_vtt = show_of({cue(0, 1000, "a & <b>"), cue(500, 1000, "- -> -->")});
  from_vtt.episodes[0].transcript.ext["vtt.header"] = Value(" kept");
  from_vtt.episodes[0].transcript.segments[0].id = "one";
  from_vtt.episodes[0].transcript.segments[0].speaker = "A--";
  from_vtt.episodes[0].transcript.segments[1].ext["vtt.settings"] = Value("align:start");
  CHECK(streams_identically(from_vtt));
}

TEST_CASE("SRT read_into releases the input as it goes and checks UTF-8 ahead",
          "[srt][streaming]") {
  std::string big;
  for (int i = 0; i < 60'000; ++i)
    big += std::to_string(i + 1) + "\n00:00:01,000 --> 00:00:02,000\ncue text, déjà vu\n\n";
  REQUIRE(big.size() > 2'500'000);
  {
    StreamContext test;
    ModelRecorder recorder;
    std::unique_ptr<Importer> importer;
    streaming_srt(importer).read_into(Input{"big.srt", big}, recorder, test.context);
    CHECK(recorder.model.episodes.at(0).transcript.segments.size() == 60'000);
    REQUIRE(test.host.consumed.size() >= 2);
    CHECK(std::is_sorted(test.host.consumed.begin(), test.host.consumed.end()));
    CHECK(test.host.consumed.back() > 2'000'000);
    CHECK(test.host.consumed.back() <= big.size());
  }
  {
    // Invalid UTF-8 late in the file: read() names it, so the stream hands over.
    std::string bad = big + "60001\n00:00:03,000 --> 00:00:04,000\n\xC3\x28\n";
    StreamContext test;
    ModelRecorder recorder;
    std::unique_ptr<Importer> importer;
    CHECK_THROWS_AS(
        streaming_srt(importer).read_into(Input{"bad.srt", bad}, recorder, test.context),
        NeedsWholeModel);
  }
  {
    // A line over the limit before invalid UTF-8: read()'s UTF-8 check comes first.
    std::string bad = "1\n00:00:01,000 --> 00:00:02,000\n" + std::string(100, 'x') + "\n";
    for (int i = 0; i < 300'000; ++i) bad += "filler\n";
    bad += "\xFF\n";
    StreamContext test;
    ConfigNode limit;
    limit.kind = ConfigNode::Kind::scalar;
    limit.scalar = "50";
    ConfigNode limits;
    limits.kind = ConfigNode::Kind::mapping;
    limits.members.emplace_back("max_line_bytes", limit);
    test.project_node.kind = ConfigNode::Kind::mapping;
    test.project_node.members.emplace_back("limits", limits);
    ModelRecorder recorder;
    std::unique_ptr<Importer> importer;
    CHECK_THROWS_AS(
        streaming_srt(importer).read_into(Input{"bad.srt", bad}, recorder, test.context),
        NeedsWholeModel);
  }
}

TEST_CASE("SRT read_into decodes other encodings first", "[srt][streaming]") {
  const std::string utf8 = "1\n00:00:01,000 --> 00:00:02,000\nMAN: caf\xC3\xA9\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("1\n00:00:01,000 --> 00:00:02,000\nMAN: caf")) {
    utf16 += c;
    utf16 += '\0';
  }
  utf16 += "\xE9";
  utf16 += '\0';
  utf16 += "\n";
  utf16 += '\0';
  std::string ignored;
  const Show expected = read_srt_whole(Input{"in.srt", utf8}, ignored);
  StreamContext test;
  ModelRecorder recorder;
  std::unique_ptr<Importer> importer;
  streaming_srt(importer).read_into(Input{"in.srt", utf16}, recorder, test.context);
  CHECK(recorder.model == expected);
  CHECK(test.host.consumed == std::vector<std::size_t>{utf16.size()});
}
