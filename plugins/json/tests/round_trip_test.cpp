// Lossless round trips: model -> json -> model, golden files re-exported byte for byte,
// deterministic output, one normalisation pass.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "json_format.hpp"
#include "model_reader.hpp"
#include "model_writer.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::json;
using namespace castkit::json::testing;

namespace {

std::string to_json(const Show& show, int indent = 2) {
  std::string out;
  write_model(show, out, {.indent = indent});
  return out;
}

Show from_json(std::string_view text, std::vector<Diagnostic>* warnings = nullptr) {
  Show show;
  read_model(text, "test.json", show, {}, [&](const Diagnostic& d) {
    if (warnings) warnings->push_back(d);
  });
  return show;
}

}  // namespace

TEST_CASE("a model with every field set survives json and back unchanged") {
  const Show rich = rich_model();
  const std::string text = to_json(rich);
  std::vector<Diagnostic> warnings;
  const Show back = from_json(text, &warnings);
  CHECK(warnings.empty());
  CHECK(back.episodes.size() == rich.episodes.size());
  CHECK(back.episodes[0].transcript == rich.episodes[0].transcript);
  CHECK(back.episodes[0].ext == rich.episodes[0].ext);
  CHECK(back.episodes[1] == rich.episodes[1]);
  CHECK(back == rich);
}

TEST_CASE("the one-line layout round trips too") {
  const Show rich = rich_model();
  const std::string text = to_json(rich, 0);
  CHECK(text.find('\n') == text.size() - 1);
  CHECK(from_json(text) == rich);
}

TEST_CASE("the rich model's json is the golden file rich.json, byte for byte") {
  const std::string path = golden_dir() + "/rich.json";
  const std::string text = to_json(rich_model());
  if (std::getenv("CASTKIT_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << text;
  CHECK(text == read_file(path));
}

TEST_CASE("every golden file is re-exported byte for byte") {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string original = read_file(entry.path().string());
    INFO(entry.path().filename().string());
    std::vector<Diagnostic> warnings;
    const std::string again = to_json(from_json(original, &warnings));
    CHECK(warnings.empty());
    if (again != original) {  // leave the output beside the golden file's name for a diff
      const auto actual = std::filesystem::temp_directory_path() /
                          ("castkit-json-" + entry.path().filename().string() + ".actual");
      std::ofstream(actual, std::ios::binary) << again;
      FAIL_CHECK("re-export differs: diff " << entry.path() << " " << actual);
    }
  }
  CHECK(files >= 3);
}

TEST_CASE("output is deterministic: same model, same bytes, whatever the history") {
  Show a = rich_model();
  Show b = a;
  // Extension keys inserted in another order still come out sorted.
  a.ext.clear();
  a.ext["z.last"] = Value(1);
  a.ext["a.first"] = Value(2);
  b.ext.clear();
  b.ext["a.first"] = Value(2);
  b.ext["z.last"] = Value(1);
  CHECK(to_json(a) == to_json(b));
  CHECK(to_json(a) == to_json(a));
  const std::string text = to_json(a);
  CHECK(text.find("\"a.first\"") < text.find("\"z.last\""));
}

TEST_CASE("one normalisation pass makes any accepted input stable") {
  // Keys out of order, compact, escapes, an offset time, a whole number written as 3.0.
  const std::string messy =
      "\xEF\xBB\xBF{\"show\":{\"episodes\":[{\"number\":3.0,\"title\":\"caf\\u00e9 "
      "\\ud83c\\udf99\","
      "\"published\":\"2021-06-01T14:30:00.5+02:00\",\"chapters\":[{\"title\":\"b\",\"start_ms\":5,"
      "\"toc\":true}]}],\"title\":\"T\"},\"castkit\":\"1\"}";
  const Show first = from_json(messy);
  REQUIRE(first.episodes.size() == 1);
  const Episode& e = first.episodes[0];
  CHECK(e.title == "café 🎙");
  CHECK(e.number == 3.0);
  CHECK(e.published == 1'622'550'600'500);  // 2021-06-01T12:30:00.500Z
  CHECK(e.chapters[0].start == 5);
  const std::string normalised = to_json(first);
  CHECK(normalised.find("\"published\": \"2021-06-01T12:30:00.500Z\"") != std::string::npos);
  CHECK(normalised.find("\"number\": 3,") != std::string::npos);
  CHECK(to_json(from_json(normalised)) == normalised);

  // Escapes JSON does not need are written as the characters themselves.
  const std::string escaped = R"({"castkit":"1","show":{"title":"\u007f\/\u2028\u00e9"}})";
  CHECK(to_json(from_json(escaped)).find("\"title\": \"\x7f/\u2028é\"") != std::string::npos);
}

TEST_CASE("reading fills the given show: fields replaced, episodes appended") {
  Show show;
  show.title = "old";
  show.author = "kept";
  show.episodes.resize(1);
  read_model(R"({"castkit":"1","show":{"title":"new","episodes":[{"title":"e2"}]}})", "x.json",
             show, {}, [](const Diagnostic&) {});
  CHECK(show.title == "new");
  CHECK(show.author == "kept");
  REQUIRE(show.episodes.size() == 2);
  CHECK(show.episodes[1].title == "e2");
}

TEST_CASE("unknown keys are warnings with positions, or errors when strict") {
  const std::string text =
      "{\"castkit\": \"1\",\n \"show\": {\"title\": \"x\", \"colour\": [1, {\"a\": 2}]}}";
  std::vector<Diagnostic> warnings;
  const Show show = from_json(text, &warnings);
  CHECK(show.title == "x");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].severity == Severity::warning);
  CHECK(warnings[0].line == 2);
  CHECK(warnings[0].column == 25);
  CHECK(warnings[0].message == "show.colour: unknown key, ignored");

  Show strict_show;
  try {
    read_model(text, "x.json", strict_show, {.strict = true}, [](const Diagnostic&) {});
    FAIL("strict mode accepted an unknown key");
  } catch (const Error& error) {
    CHECK(format_diagnostic(error.diagnostic()) == "x.json:2:25: error: show.colour: unknown key");
  }
}

TEST_CASE("unknown top-level keys are reported only for castkit JSON") {
  std::vector<Diagnostic> warnings;
  from_json("{\"generator\": \"x\", \"castkit\": \"1\"}", &warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(format_diagnostic(warnings[0]) ==
        "test.json:1:2: warning: generator: unknown key, ignored");
  Show show;
  CHECK_THROWS_WITH(read_model("{\"generator\": 1, \"castkit\": \"1\"}", "x.json", show,
                               {.strict = true}, [](const Diagnostic&) {}),
                    "generator: unknown key");
}

TEST_CASE("the plugin's importer and exporter work through the contract") {
  RecordingHost host;
  ConfigNode options_node;
  options_node.kind = ConfigNode::Kind::mapping;
  ConfigNode indent;
  indent.kind = ConfigNode::Kind::scalar;
  indent.scalar = "0";
  options_node.members.emplace_back("indent", indent);
  Context context{host, ConfigView(&options_node), ConfigView()};

  const Show rich = rich_model();
  const ExporterSpec exporter = exporter_spec();
  CHECK(exporter.format == "json");
  CHECK(exporter.scope == ExportScope::show);
  CHECK(exporter.media_type == "application/json");
  std::string out;
  exporter.create()->write({rich, nullptr, "out.json"}, out, context);
  CHECK(out == to_json(rich, 0));

  const ImporterSpec importer = importer_spec();
  const Input input{.name = "out.json", .bytes = out};
  CHECK(importer.probe(input) == 100);
  Show back;
  importer.create()->read(input, back, context);
  CHECK(back == rich);
  CHECK(host.diagnostics.empty());

  options_node.members[0].second.scalar = "12";
  out.clear();
  CHECK_THROWS_WITH(exporter.create()->write({rich, nullptr, "out.json"}, out, context),
                    Catch::Contains("expected 0 to 8 spaces"));
}

TEST_CASE("invalid UTF-8 and NaN in the model are written as valid JSON, with warnings") {
  RecordingHost host;
  Context context{host, ConfigView(), ConfigView()};
  Show show;
  show.title = "bad \xC3 byte";
  show.ext["x.nan"] = Value(std::nan(""));
  Episode e;
  e.number = std::numeric_limits<double>::infinity();
  show.episodes.push_back(e);
  std::string out;
  exporter_spec().create()->write({show, nullptr, "out.json"}, out, context);
  const Show back = from_json(out);
  CHECK(back.title == "bad \xEF\xBF\xBD byte");
  CHECK(back.ext.at("x.nan").is_null());
  CHECK_FALSE(back.episodes[0].number.has_value());
  REQUIRE(host.diagnostics.size() == 2);
  CHECK(host.diagnostics[0].message == "1 bytes of invalid UTF-8 in the model written as U+FFFD");
}
