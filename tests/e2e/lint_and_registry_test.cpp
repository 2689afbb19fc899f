// castkit lint through a plugin's checker, and the registry cache seen from the command line.
#include <catch2/catch.hpp>

#include <sys/time.h>

#include <filesystem>

#include "run_castkit.hpp"

namespace {

const std::string kKvDir = std::string(CASTKIT_FIXTURE_DIR) + "/kv";

}  // namespace

TEST_CASE("lint prints findings with positions and exits 1 on errors") {
  RunResult bad = run_castkit({"lint", "-", "--plugin-path", kKvDir}, "#kv\ntitle=\nnonsense\n");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err == "-:2:7: warning: empty value\n-:3:1: error: expected key=value\n-: 1 error\n");
  RunResult warn_only =
      run_castkit({"lint", "-", "-f", "kv", "--plugin-path", kKvDir}, "#kv\ntitle=\n");
  CHECK(warn_only.exit_code == 0);
  CHECK(warn_only.err == "-:2:7: warning: empty value\n-: 0 errors\n");
  RunResult quiet = run_castkit({"lint", "-", "-q", "--plugin-path", kKvDir}, "#kv\ntitle=\n");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  RunResult no_checker =
      run_castkit({"lint", "-", "-f", "kv-episode", "--plugin-path", kKvDir}, "#kv\n");
  CHECK(no_checker.exit_code == 2);
  CHECK(no_checker.err.starts_with("error: unknown lint format \"kv-episode\" (known: "));
}

TEST_CASE("the registry cache is built once and rebuilt only for a changed plugin") {
  namespace fs = std::filesystem;
  const std::string dir = scratch_dir("registry-cli");
  fs::create_directories(dir + "/plugins");
  fs::copy_file(kKvDir + "/castkit-kv.so", dir + "/plugins/castkit-kv.so");
  const std::vector<std::string> env = {"CASTKIT_REGISTRY=" + dir + "/registry.bin"};
  const std::vector<std::string> args = {"convert",       "-", "-t", "kv", "-v", "--plugin-path",
                                         dir + "/plugins"};
  const std::string scan_line = "castkit: registry: scanning " + dir + "/plugins/castkit-kv.so\n";

  RunResult first = run_castkit(args, "#kv\n", env);
  CHECK(first.exit_code == 0);
  CHECK(first.err.find(scan_line) != std::string::npos);
  CHECK(fs::exists(dir + "/registry.bin"));

  RunResult second = run_castkit(args, "#kv\n", env);
  CHECK(second.exit_code == 0);
  CHECK(second.err.find("registry: scanning") == std::string::npos);
  // Only the plugin the run needs is loaded.
  CHECK(second.err.find("castkit: loading plugin kv (" + dir + "/plugins/castkit-kv.so)\n") !=
        std::string::npos);

  struct timeval times[2] = {{1000000000, 0}, {1000000000, 0}};
  REQUIRE(::utimes((dir + "/plugins/castkit-kv.so").c_str(), times) == 0);
  RunResult third = run_castkit(args, "#kv\n", env);
  CHECK(third.err.find(scan_line) != std::string::npos);

  // castkit formats and --help answer from the cache without loading any plugin.
  RunResult formats = run_castkit({"formats", "-v", "--plugin-path", dir + "/plugins"}, "", env);
  CHECK(formats.exit_code == 0);
  CHECK(formats.err.find("loading plugin") == std::string::npos);
  CHECK(formats.err.find("registry: scanning") == std::string::npos);
}

TEST_CASE("the search order is --plugin-path, CASTKIT_PLUGIN_PATH, plugins.paths") {
  namespace fs = std::filesystem;
  const std::string dir = scratch_dir("search-order");
  for (const char* sub : {"/a", "/b", "/c"}) {
    fs::create_directories(dir + sub);
    fs::copy_file(kKvDir + "/castkit-kv.so", dir + sub + "/castkit-kv.so");
  }
  spit(dir + "/c.yaml", "plugins:\n  paths: [c]\n");
  auto loaded_from = [&](std::vector<std::string> args, std::vector<std::string> env) {
    args.insert(args.begin(), {"convert", "-", "-t", "kv", "-v", "--config", dir + "/c.yaml"});
    const RunResult r = run_castkit(args, "#kv\n", env);
    CHECK(r.exit_code == 0);
    const auto at = r.err.find("castkit: loading plugin kv (");
    REQUIRE(at != std::string::npos);
    return r.err.substr(at + 28, r.err.find(')', at) - at - 28);
  };
  CHECK(loaded_from({"--plugin-path", dir + "/a"}, {"CASTKIT_PLUGIN_PATH=" + dir + "/b"}) ==
        dir + "/a/castkit-kv.so");
  CHECK(loaded_from({}, {"CASTKIT_PLUGIN_PATH=/nonexistent:" + dir + "/b"}) ==
        dir + "/b/castkit-kv.so");
  CHECK(loaded_from({}, {}) == dir + "/c/castkit-kv.so");
}
