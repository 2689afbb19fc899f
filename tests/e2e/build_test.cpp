// castkit build end to end with the kv fixture plugin: sources, overrides, transforms, links,
// output paths, and configuration errors with positions.
#include <catch2/catch.hpp>

#include <filesystem>

#include "run_castkit.hpp"

namespace fs = std::filesystem;

namespace {

std::string project(const std::string& name, const std::string& yaml) {
  const std::string dir = scratch_dir(name);
  fs::create_directories(dir + "/src");
  spit(dir + "/src/one.kv", "#kv\ntitle=First Episode\nsegment=Ann|Hello\n");
  spit(dir + "/src/two.kv", "#kv\nshow=Imported Show\ntitle=Second\nsegment=Bob|Bye\n");
  spit(dir + "/castkit.yaml",
       "plugins:\n  paths: [" + std::string(CASTKIT_FIXTURE_DIR) + "/kv]\n" + yaml);
  return dir;
}

const std::string kProject =
    "show:\n  title: My Show\nbase_url: https://example.com/pod\n"
    "episodes:\n  - sources: [src/one.kv]\n    published: 2023-02-09T12:00:00Z\n"
    "  - id: two\n    sources:\n      - path: src/two.kv\n        format: kv\n"
    "    title: Second (edited)\n"
    "outputs:\n  - format: kv-episode\n    path: episodes/{id}.kv\n  - format: kv\n    path: "
    "feed.kv\n"
    "transforms:\n  - name: rename-speakers\n    options:\n      map: {Ann: Ann Smith}\n";

}  // namespace

TEST_CASE("build writes episode files, then the show file linking them") {
  const std::string dir = project("build-ok", kProject);
  RunResult r = run_castkit({"build", dir + "/castkit.yaml"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "wrote " + dir + "/public/episodes/first-episode.kv\nwrote " + dir +
                     "/public/episodes/two.kv\nwrote " + dir +
                     "/public/feed.kv\ncastkit build: 3 files in " + dir + "/public/\n");
  CHECK(
      slurp(dir + "/public/feed.kv") ==
      "#kv\nshow=My Show\nepisode=\ntitle=First Episode\npublished=1675944000000\n"
      "segment=Ann Smith|Hello\nlink=https://example.com/pod/episodes/first-episode.kv text/x-kv\n"
      "episode=\ntitle=Second (edited)\nsegment=Bob|Bye\n"
      "link=https://example.com/pod/episodes/two.kv text/x-kv\n");
  CHECK(slurp(dir + "/public/episodes/two.kv") ==
        "#kv\nshow=My Show\nepisode=\ntitle=Second (edited)\nsegment=Bob|Bye\n");
}

TEST_CASE("build -o sends outputs elsewhere and -q prints nothing") {
  const std::string dir = project("build-outdir", kProject);
  RunResult r = run_castkit({"build", dir + "/castkit.yaml", "-o", dir + "/elsewhere", "-q"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(fs::exists(dir + "/elsewhere/feed.kv"));
  CHECK_FALSE(fs::exists(dir + "/public"));
}

TEST_CASE("an unknown key warns with its position and the build goes on") {
  const std::string dir = project("build-warn", kProject + "extra_key: 1\n");
  RunResult r = run_castkit({"build", dir + "/castkit.yaml"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == dir + "/castkit.yaml:23:1: warning: unknown key \"extra_key\" (ignored)\n");
}

TEST_CASE("configuration errors exit 2 with line and column") {
  const std::string bad_type =
      project("build-type", "episodes:\n  - sources: [src/one.kv]\n    season: first\n");
  RunResult r = run_castkit({"build", bad_type + "/castkit.yaml"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        bad_type + "/castkit.yaml:5:13: error: \"season\": expected an integer, found \"first\"\n");

  const std::string bad_date = project("build-date",
                                       "episodes:\n  - sources: [src/one.kv]\n    published: 9 Feb "
                                       "2023\noutputs:\n  - format: kv\n");
  r = run_castkit({"build", bad_date + "/castkit.yaml"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == bad_date +
                     "/castkit.yaml:5:16: error: expected an ISO 8601 date or date-time "
                     "(e.g. 2023-02-09T12:00:00Z), found \"9 Feb 2023\"\n");

  const std::string bad_yaml = project("build-yaml", "show: {title: [\n");
  r = run_castkit({"build", bad_yaml + "/castkit.yaml"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with(bad_yaml + "/castkit.yaml:4:1: error: "));

  const std::string bad_placeholder = project("build-placeholder",
                                              "episodes:\n  - sources: [src/one.kv]\noutputs:\n  - "
                                              "format: kv-episode\n    path: \"{title}.kv\"\n");
  r = run_castkit({"build", bad_placeholder + "/castkit.yaml"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == bad_placeholder +
                     "/castkit.yaml:7:11: error: unknown placeholder {title} in output path "
                     "(known: {id}, {number}, {season})\n");

  RunResult missing = run_castkit({"build", "/nonexistent/castkit.yaml"});
  CHECK(missing.exit_code == 4);
}

TEST_CASE("a bad source is an input error and leaves earlier outputs untouched") {
  const std::string dir = project("build-bad-source", kProject);
  RunResult first = run_castkit({"build", dir + "/castkit.yaml", "-q"});
  REQUIRE(first.exit_code == 0);
  const std::string feed = slurp(dir + "/public/feed.kv");
  spit(dir + "/src/two.kv", "#kv\ntitle=Second\nbroken line\n");
  RunResult r = run_castkit({"build", dir + "/castkit.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == dir + "/src/two.kv:3:1: error: expected key=value\n");
  CHECK(slurp(dir + "/public/feed.kv") == feed);
}
