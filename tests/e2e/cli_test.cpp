// The castkit command as a process: exit codes, help, tables, stdin/stdout, atomic output.
#include <catch2/catch.hpp>

#include <filesystem>

#include "run_castkit.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> kv(std::vector<std::string> args) {
  args.push_back("--plugin-path");
  args.push_back(std::string(CASTKIT_FIXTURE_DIR) + "/kv");
  return args;
}

const std::string kTwoEpisodes = "#kv\nshow=S\nepisode=\ntitle=One\nepisode=\ntitle=Two\n";

}  // namespace

TEST_CASE("version and help exit 0, no command is a usage error") {
  RunResult version = run_castkit({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.starts_with("castkit 0.1.0 (plugin ABI 1.2, "));
  RunResult help = run_castkit({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("exit codes: 0 ok, 1 bad input") != std::string::npos);
  CHECK(run_castkit({}).exit_code == 2);
  RunResult unknown = run_castkit({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "error: unknown command \"frobnicate\" (see castkit --help)\n");
}

TEST_CASE("every command has --help, listing plugin options from the registry") {
  for (const char* command : {"convert", "lint", "plugins", "formats"}) {
    RunResult r = run_castkit(kv({command, "--help"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with(std::string("usage: castkit ") + command));
  }
  RunResult convert = run_castkit(kv({"convert", "--help"}));
  CHECK(convert.out.find("--kv-shout") != std::string::npos);
  CHECK(convert.out.find("upper-case titles [kv]") != std::string::npos);
}

TEST_CASE("castkit formats shows a table") {
  RunResult r = run_castkit(kv({"formats"}));
  CHECK(r.exit_code == 0);
  CHECK(
      r.out.starts_with("FORMAT           IMPORT EXPORT CHECK EXTENSIONS           DESCRIPTION\n"));
  CHECK(
      r.out.find(
          "\nkv               yes    yes    yes   kv                   key=value test format\n") !=
      std::string::npos);
  CHECK(r.out.find("\nkv-episode       -      yes    -     kv                   one episode as "
                   "key=value\n") != std::string::npos);
  CHECK(r.out.find("\nTRANSFORM        DESCRIPTION\n") != std::string::npos);
}

TEST_CASE("convert reads stdin and writes stdout, and plugin options set configuration") {
  RunResult r = run_castkit(kv({"convert", "-", "-t", "kv", "--kv-shout"}), "#kv\ntitle=hello\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "#kv\nepisode=\ntitle=HELLO\n");
  RunResult same = run_castkit(kv({"convert", "-", "-t", "kv", "--set", "formats.kv.shout=yes"}),
                               "#kv\ntitle=hello\n");
  CHECK(same.out == r.out);
}

TEST_CASE("several inputs merge into one model") {
  const std::string dir = scratch_dir("merge");
  spit(dir + "/a.kv", "#kv\ntitle=From A\n");
  spit(dir + "/b.kv", "#kv\nshow=Show B\nsegment=Ann|Hi\n");
  RunResult r = run_castkit(kv({"convert", dir + "/a.kv", dir + "/b.kv", "-t", "kv"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "#kv\nshow=Show B\nepisode=\ntitle=From A\nsegment=Ann|Hi\n");
  // Each importer hears how many other inputs share its model (Input::other_inputs).
  spit(dir + "/c.kv", "#kv\ncompany=\ntitle=C\n");
  RunResult three =
      run_castkit(kv({"convert", dir + "/a.kv", dir + "/b.kv", dir + "/c.kv", "-t", "kv"}));
  CHECK(three.err == dir + "/c.kv:2:1: note: read with 2 other inputs\n");
  RunResult alone = run_castkit(kv({"convert", dir + "/c.kv", "-t", "kv"}));
  CHECK(alone.err == dir + "/c.kv:2:1: note: read with 0 other inputs\n");
}

TEST_CASE("exit codes are 1 for bad input, 2 for usage, 4 for I/O") {
  RunResult bad =
      run_castkit(kv({"convert", "-", "-f", "kv", "-t", "kv"}), "#kv\ntitle=x\nnonsense\n");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err == "-:3:1: error: expected key=value\n");
  RunResult unknown_format = run_castkit(kv({"convert", "-", "-f", "nope", "-t", "kv"}), "#kv\n");
  CHECK(unknown_format.exit_code == 2);
  RunResult no_to = run_castkit(kv({"convert", "-"}), "#kv\n");
  CHECK(no_to.exit_code == 2);
  RunResult bad_option = run_castkit(kv({"convert", "-", "-t", "kv", "--frob"}), "#kv\n");
  CHECK(bad_option.exit_code == 2);
  CHECK(bad_option.err == "error: unknown option --frob (see castkit convert --help)\n");
  RunResult missing = run_castkit(kv({"convert", "/nonexistent/in.kv", "-t", "kv"}));
  CHECK(missing.exit_code == 4);
  CHECK(missing.err == "/nonexistent/in.kv: error: cannot open: No such file or directory\n");
  RunResult unsniffable = run_castkit(kv({"convert", "-", "-t", "kv"}), "plain words");
  CHECK(unsniffable.exit_code == 1);
  CHECK(unsniffable.err.starts_with(
      "-: error: cannot tell the input format; name it with -f FORMAT"));
}

TEST_CASE("a JSON number too large for a double is bad input at its place, not a plugin failure") {
  RunResult big = run_castkit({"convert", "-", "-f", "chapters", "-t", "json"},
                              "{\"chapters\": [\n  {\"startTime\": 1e400, \"title\": \"A\"}]}");
  CHECK(big.exit_code == 1);
  CHECK(big.err ==
        "-:2:17: error: not a readable JSON chapters file: number overflow parsing '1e400'\n");
  CHECK(big.out.empty());
}

TEST_CASE("episode-scope exporters need one episode") {
  RunResult many = run_castkit(kv({"convert", "-", "-t", "kv-episode"}), kTwoEpisodes);
  CHECK(many.exit_code == 2);
  CHECK(many.err ==
        "error: the kv-episode output holds one episode and the input has 2 episodes; "
        "choose one with --episode N (1-2)\n");
  RunResult second =
      run_castkit(kv({"convert", "-", "-t", "kv-episode", "--episode", "2"}), kTwoEpisodes);
  CHECK(second.exit_code == 0);
  CHECK(second.out == "#kv\nshow=S\nepisode=\ntitle=Two\n");
  RunResult out_of_range =
      run_castkit(kv({"convert", "-", "-t", "kv-episode", "--episode", "3"}), kTwoEpisodes);
  CHECK(out_of_range.exit_code == 2);
}

TEST_CASE("a failing run leaves the old output byte-identical and no temporary file") {
  const std::string dir = scratch_dir("atomic");
  const std::string out = dir + "/out.kv";
  spit(out, "old output\n");
  RunResult bad_input =
      run_castkit(kv({"convert", "-", "-f", "kv", "-t", "kv", "-o", out}), "#kv\nbroken\n");
  CHECK(bad_input.exit_code == 1);
  RunResult failing_exporter = run_castkit(
      kv({"convert", "-", "-t", "kv", "-o", out, "--set", "formats.kv.fail=true"}), "#kv\n");
  CHECK(failing_exporter.exit_code == 4);
  CHECK(failing_exporter.err == out + ": error: asked to fail\n");
  CHECK(slurp(out) == "old output\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  RunResult ok = run_castkit(kv({"convert", "-", "-t", "kv", "-o", out}), "#kv\ntitle=New\n");
  CHECK(ok.exit_code == 0);
  CHECK(slurp(out) == "#kv\nepisode=\ntitle=New\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("explain prints the provenance of guessed fields on stderr") {
  RunResult r =
      run_castkit(kv({"convert", "-", "-t", "kv", "--explain"}), "#kv\ntitle=T\nguess=og:title\n");
  CHECK(r.exit_code == 0);
  CHECK(r.err == "episode 1 (T):\n  title: og:title\n");
}

TEST_CASE("a show-level format with --episode keeps only that episode") {
  RunResult r = run_castkit(kv({"convert", "-", "-t", "kv", "--episode", "1"}), kTwoEpisodes);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "#kv\nshow=S\nepisode=\ntitle=One\n");
}

TEST_CASE("an input over limits.max_input_bytes is refused before it is read") {
  const std::string dir = scratch_dir("limit");
  spit(dir + "/big.kv", "#kv\ntitle=" + std::string(100, 'x') + "\n");
  RunResult r = run_castkit(
      kv({"convert", dir + "/big.kv", "-t", "kv", "--set", "limits.max_input_bytes=50"}));
  CHECK(r.exit_code == 1);
  CHECK(r.err == dir +
                     "/big.kv: error: input is larger than 50 bytes (raise limits.max_input_bytes "
                     "to read it)\n");
  RunResult piped =
      run_castkit(kv({"convert", "-", "-t", "kv", "--set", "limits.max_input_bytes=50"}),
                  "#kv\ntitle=" + std::string(100, 'x') + "\n");
  CHECK(piped.exit_code == 1);
}

TEST_CASE("a --config file gives options and is checked like a project") {
  const std::string dir = scratch_dir("config");
  spit(dir + "/c.yaml", "formats:\n  kv:\n    shout: true\nunknown: 1\n");
  RunResult r =
      run_castkit(kv({"convert", "-", "-t", "kv", "--config", dir + "/c.yaml"}), "#kv\ntitle=a\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "#kv\nepisode=\ntitle=A\n");
  CHECK(r.err == dir + "/c.yaml:4:1: warning: unknown key \"unknown\" (ignored)\n");
  spit(dir + "/bad.yaml", "formats:\n  kv:\n    shout: loud\n");
  RunResult bad = run_castkit(kv({"convert", "-", "-t", "kv", "--config", dir + "/bad.yaml"}),
                              "#kv\ntitle=a\n");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err ==
        dir + "/bad.yaml:3:12: error: expected a boolean (true or false), found \"loud\"\n");
}
