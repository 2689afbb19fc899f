// The streaming convert path, through the binary with the streaming fixture plugin ("kvs"):
// the same bytes as the whole-model path, the fallback when a sink asks for the whole model,
// warnings printed once, and failures that leave the old output as it was.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "run_castkit.hpp"

namespace {

std::vector<std::string> kvs(std::vector<std::string> args) {
  args.push_back("--plugin-path");
  args.push_back(std::string(CASTKIT_FIXTURE_DIR) + "/kvs");
  return args;
}

/// A kvs input of `episodes` episodes of `segments` segments, with one warn= line in the
/// first episode when `warning`.
std::string kvs_input(int episodes, int segments, bool warning = true) {
  std::string text = "#kv\nshow=Streams\n";
  for (int e = 1; e <= episodes; ++e) {
    text += "episode=\ntitle=Episode " + std::to_string(e) + "\n";
    for (int s = 1; s <= segments; ++s) {
      text += "segment=Ann|line " + std::to_string(s) + " of episode " + std::to_string(e) + "\n";
      if (warning && e == 1 && s == 2) text += "warn=a warning from the importer\n";
    }
  }
  return text;
}

/// How many entries `dir` holds besides . and ..
int entries_in(const std::string& dir) {
  int count = 0;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* entry = ::readdir(d))
      if (std::string(entry->d_name) != "." && std::string(entry->d_name) != "..") ++count;
    ::closedir(d);
  }
  return count;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("streaming writes the same bytes as the whole-model path, to a file and to stdout") {
  const std::string dir = scratch_dir("stream-same");
  // 3 episodes x 40,000 segments: about 4 MB, so the output is flushed in several pieces and the
  // input is mapped rather than read.
  spit(dir + "/in.kvs", kvs_input(3, 40000));
  RunResult streamed = run_castkit(
      kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/streamed.kvs", "-v"}));
  RunResult whole =
      run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/whole.kvs", "--set",
                       "convert.streaming=false", "-v"}));
  REQUIRE(streamed.exit_code == 0);
  REQUIRE(whole.exit_code == 0);
  CHECK(streamed.err.find("castkit: streaming " + dir + "/in.kvs as kvs into kvs") !=
        std::string::npos);
  CHECK(whole.err.find("streaming") == std::string::npos);
  CHECK(slurp(dir + "/streamed.kvs") == kvs_input(3, 40000, false));
  CHECK(slurp(dir + "/streamed.kvs") == slurp(dir + "/whole.kvs"));
  CHECK(count_of(streamed.err, "a warning from the importer") == 1);

  RunResult to_stdout = run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs"}));
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == slurp(dir + "/whole.kvs"));
  CHECK(entries_in(dir) == 3);  // in, streamed, whole: no temporary file left behind
}

TEST_CASE("a sink that asks for the whole model gets it, and warnings are printed once") {
  const std::string dir = scratch_dir("stream-fallback");
  spit(dir + "/in.kvs", kvs_input(2, 30000));
  RunResult r = run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/out.kvs",
                                 "--set", "formats.kvs.whole_after=25000", "-v"}));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("reading the whole model instead: segment 25000 asked for it") !=
        std::string::npos);
  CHECK(count_of(r.err, "a warning from the importer") == 1);
  // The whole-model path writes every segment (its writer ignores the option).
  CHECK(count_of(slurp(dir + "/out.kvs"), "segment=") == 60000);
  CHECK(entries_in(dir) == 2);
}

TEST_CASE("a sink that fails mid-stream is named, and the old output stays as it was") {
  const std::string dir = scratch_dir("stream-fail");
  spit(dir + "/in.kvs", kvs_input(2, 30000));
  spit(dir + "/out.kvs", "old output\n");
  RunResult r = run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/out.kvs",
                                 "--set", "formats.kvs.fail_after=50000"}));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("plugin kvs (" + std::string(CASTKIT_FIXTURE_DIR) +
                   "/kvs/castkit-kvs.so): sink exploded") != std::string::npos);
  CHECK(count_of(r.err, "a warning from the importer") == 1);
  CHECK(slurp(dir + "/out.kvs") == "old output\n");
  CHECK(entries_in(dir) == 2);
}

TEST_CASE("bad input found mid-stream is an input error, and the old output stays as it was") {
  const std::string dir = scratch_dir("stream-bad-input");
  spit(dir + "/in.kvs", kvs_input(2, 30000) + "oops\n");
  spit(dir + "/out.kvs", "old output\n");
  RunResult r = run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/out.kvs"}));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(dir + "/in.kvs:60008:1: error: expected key=value") != std::string::npos);
  CHECK(slurp(dir + "/out.kvs") == "old output\n");
  CHECK(entries_in(dir) == 2);
}

TEST_CASE("an unchanged streamed output is left alone") {
  const std::string dir = scratch_dir("stream-unchanged");
  spit(dir + "/in.kvs", "#kv\nshow=S\nepisode=\ntitle=T\nsegment=A|x\n");
  REQUIRE(run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/out.kvs"}))
              .exit_code == 0);
  // Same bytes again: the file is not replaced (a hard link to it still sees the same inode).
  REQUIRE(::link((dir + "/out.kvs").c_str(), (dir + "/link.kvs").c_str()) == 0);
  REQUIRE(run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/out.kvs"}))
              .exit_code == 0);
  struct stat a, b;
  REQUIRE(::stat((dir + "/out.kvs").c_str(), &a) == 0);
  REQUIRE(::stat((dir + "/link.kvs").c_str(), &b) == 0);
  CHECK(a.st_ino == b.st_ino);
}

TEST_CASE("a streamed output of the same size but other bytes replaces the old one") {
  const std::string dir = scratch_dir("stream-same-size");
  spit(dir + "/in.kvs", "#kv\nshow=S\nepisode=\ntitle=T\nsegment=A|x\n");
  REQUIRE(run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/out.kvs"}))
              .exit_code == 0);
  spit(dir + "/in.kvs", "#kv\nshow=S\nepisode=\ntitle=T\nsegment=A|y\n");
  REQUIRE(run_castkit(kvs({"convert", dir + "/in.kvs", "-t", "kvs", "-o", dir + "/out.kvs"}))
              .exit_code == 0);
  CHECK(slurp(dir + "/out.kvs") == "#kv\nshow=S\nepisode=\ntitle=T\nsegment=A|y\n");
  CHECK(entries_in(dir) == 2);
}
