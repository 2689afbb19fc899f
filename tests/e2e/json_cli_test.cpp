// The castkit binary with the real json plugin (the model's own format): byte-identical round
// trips through files and stdin/stdout, transforms, merging, and writing several episodes.
#include <catch2/catch.hpp>

#include "run_castkit.hpp"

namespace {

const std::string kGolden = std::string(CASTKIT_SOURCE_DIR) + "/plugins/json/tests/golden/";

const std::string kOneChapter = R"({
  "castkit": "1",
  "show": {
    "title": "S",
    "episodes": [
      {
        "title": "E",
        "chapters": [
          {
            "start_ms": 0,
            "end_ms": 54000,
            "title": "Intro"
          }
        ],
        "transcript": {
          "segments": [
            {
              "start_ms": 1000,
              "speaker": "Ann",
              "text": "Hi"
            }
          ]
        }
      }
    ]
  }
}
)";

}  // namespace

TEST_CASE("json to json is byte-identical, from a file and through stdin and stdout") {
  for (const char* name : {"minimal.json", "rich.json", "values.json"}) {
    const std::string original = slurp(kGolden + name);
    RunResult from_file = run_castkit({"convert", kGolden + name, "-t", "json"});
    CHECK(from_file.exit_code == 0);
    CHECK(from_file.out == original);
    RunResult piped = run_castkit({"convert", "-", "-f", "json", "-t", "json"}, original);
    CHECK(piped.exit_code == 0);
    CHECK(piped.out == original);
  }
}

TEST_CASE("the offset and rename-speakers transforms change the json model") {
  RunResult r = run_castkit(
      {"convert", "-", "-t", "json", "--transform", "offset", "--offset-ms", "30000", "--transform",
       "rename-speakers", "--set", "formats.rename-speakers.map.Ann=Ann Smith"},
      kOneChapter);
  CHECK(r.exit_code == 0);
  std::string expected = kOneChapter;
  expected.replace(expected.find("\"start_ms\": 0"), 13, "\"start_ms\": 30000");
  expected.replace(expected.find("\"end_ms\": 54000"), 15, "\"end_ms\": 84000");
  expected.replace(expected.find("\"start_ms\": 1000"), 16, "\"start_ms\": 31000");
  expected.replace(expected.find("\"Ann\""), 5, "\"Ann Smith\"");
  CHECK(r.out == expected);
}

TEST_CASE("a bad json input is exit 1 with a position") {
  RunResult r = run_castkit({"convert", "-", "-f", "json", "-t", "json"},
                            "{\"castkit\": \"1\", \"show\": [}");
  CHECK(r.exit_code == 1);
  CHECK(r.err.starts_with("-:1:"));
  CHECK(r.out.empty());
}

TEST_CASE("json input is read on 1 or 2 threads as --json-threads says, other counts refused") {
  const std::string original = slurp(kGolden + "rich.json");
  for (const char* count : {"1", "2"}) {
    INFO("--json-threads " << count);
    RunResult r =
        run_castkit({"convert", kGolden + "rich.json", "-t", "json", "--json-threads", count});
    CHECK(r.exit_code == 0);
    CHECK(r.out == original);
  }
  for (const std::string count : {"0", "3"}) {
    RunResult r =
        run_castkit({"convert", kGolden + "rich.json", "-t", "json", "--json-threads", count});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("formats.json.threads: expected 1 to 2 threads, found " + count) !=
          std::string::npos);
  }
}
