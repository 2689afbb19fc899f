#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "castkit/diagnostics.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::chapters::test;

namespace {
/// A JSON chapters document reduced to what the spec defines: unknown and 1.0-only keys
/// dropped, empty strings dropped, numbers as doubles, version fixed.
nlohmann::json normalised(const std::string& text) {
  nlohmann::json in = nlohmann::json::parse(text);
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"author", "title", "podcastName", "fileName"})
    if (in.contains(key) && !in[key].get<std::string>().empty()) out[key] = in[key];
  out["version"] = "1.2.0";
  out["chapters"] = nlohmann::json::array();
  for (const auto& chapter : in["chapters"]) {
    nlohmann::json c = nlohmann::json::object();
    for (const char* key : {"title", "img", "url"})
      if (chapter.contains(key) && !chapter[key].get<std::string>().empty()) c[key] = chapter[key];
    for (const char* key : {"startTime", "endTime"})
      if (chapter.contains(key)) c[key] = chapter[key].get<double>();
    if (chapter.contains("toc") && !chapter["toc"].get<bool>()) c["toc"] = false;
    if (chapter.contains("location")) c["location"] = chapter["location"];
    out["chapters"].push_back(c);
  }
  return out;
}
}  // namespace

TEST_CASE(
    "every JSON chapters file in the corpus: file -> model -> chapters is equal after "
    "normalisation") {
  for (const char* name :
       {"rss/pc20-chapters-example.json", "rss/pc20-chapters-example-complex.json"}) {
    INFO(name);
    std::string original = read_data(name);
    Show show = import_as("chapters", original, name);
    REQUIRE(show.episodes.size() == 1);
    CHECK_FALSE(show.episodes[0].chapters.empty());
    std::string written = export_as("chapters", show);
    CHECK(normalised(written) == normalised(original));
    // Writing is stable: the written file reads back to the same bytes.
    CHECK(export_as("chapters", import_as("chapters", written)) == written);
  }
}

TEST_CASE("float seconds in the file, milliseconds in the model") {
  Show show = import_as(
      "chapters",
      R"({"version":"1.2.0","chapters":[{"startTime":0},{"startTime":187.25,"endTime":200.001,"title":"B","toc":false}]})");
  const auto& chapters = show.episodes[0].chapters;
  REQUIRE(chapters.size() == 2);
  CHECK(chapters[1].start == 187250);
  CHECK(chapters[1].end == 200001);
  CHECK_FALSE(chapters[1].toc);
  std::string out = export_as("chapters", show);
  CHECK(out.find("\"startTime\": 187.25") != std::string::npos);
  CHECK(out.find("\"endTime\": 200.001") != std::string::npos);
  CHECK(out.find("\"startTime\": 0") != std::string::npos);
}

TEST_CASE("the chapters exporter declares its link role and media type") {
  Specs specs;
  const auto& spec = specs.exporter("chapters");
  CHECK(spec.link_role == LinkRole::chapters);
  CHECK(spec.media_type == "application/json+chapters");
  CHECK(spec.scope == ExportScope::episode);
}

TEST_CASE("bad JSON chapters: truncated, binary, not chapters") {
  std::string complete = read_data("rss/pc20-chapters-example.json");
  CHECK_THROWS_AS(import_as("chapters", complete.substr(0, complete.size() / 2)), Error);
  CHECK_THROWS_AS(import_as("chapters", std::string("\x00\x01\xFF{", 4)), Error);
  CHECK_THROWS_WITH(import_as("chapters", R"({"segments":[]})"), Catch::Contains("\"chapters\""));
  std::string deep(100000, '[');
  CHECK_THROWS_AS(import_as("chapters", deep), Error);
  CHECK_THROWS_AS(import_as("chapters", deep + std::string(100000, ']')),
                  Error);  // well-formed, not chapters
  const std::string too_large = R"({"chapters":[{"startTime":1e400,"title":"A"}]})";
  CHECK_THROWS_AS(import_as("chapters", too_large), Error);
  CHECK_THROWS_WITH(import_as("chapters", too_large),
                    Catch::Contains("number overflow parsing '1e400'"));
  std::string latin1 = "{\"chapters\":[{\"startTime\":1,\"title\":\"Caf\xE9\"}]}";
  CHECK_THROWS_WITH(import_as("chapters", latin1), Catch::Contains("--input-encoding"));
}

TEST_CASE("probe") {
  Specs specs;
  std::string file = read_data("rss/pc20-chapters-example.json");
  CHECK(specs.importer("chapters").probe(Input{"x", file, {}, {}, {}}) >= 90);
  CHECK(specs.importer("chapters").probe(Input{"x", "{\"segments\": []}", {}, {}, {}}) == 0);
}
