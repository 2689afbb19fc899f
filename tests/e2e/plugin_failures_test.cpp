// The binary with broken plugins on its path: each failure is reported with its exact message
// and exit code, and the working plugins keep working in the same run.
#include <catch2/catch.hpp>

#include "castkit/version.hpp"
#include "run_castkit.hpp"

namespace {

std::string dir_of(const std::string& name) {
  return std::string(CASTKIT_FIXTURE_DIR) + "/" + name;
}
std::string file_of(const std::string& name) {
  return dir_of(name) + "/castkit-" + name + ".so";
}

std::vector<std::string> with_fixtures(std::vector<std::string> args,
                                       const std::vector<std::string>& names) {
  for (const auto& n : names) {
    args.push_back("--plugin-path");
    args.push_back(dir_of(n));
  }
  return args;
}

const std::string kKv = "#kv\ntitle=Hello\nsegment=Ann|Hi\n";

}  // namespace

TEST_CASE("castkit plugins lists refused plugins with why, and the good ones") {
  RunResult r =
      run_castkit(with_fixtures({"plugins"}, {"abi-major", "abi-minor", "build-tag", "bad-magic",
                                              "no-entry", "register-throws", "kv"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("kv 1.2.3  " + file_of("kv")) != std::string::npos);
  const std::string minor = std::to_string(CASTKIT_ABI_MINOR);  // the fixtures keep the host's
  CHECK(r.out.find("plugin abi-major (" + file_of("abi-major") + "): built for castkit ABI 2." +
                   minor + ", this castkit speaks 1." + minor) != std::string::npos);
  CHECK(r.out.find("plugin abi-minor (" + file_of("abi-minor") +
                   "): built for castkit ABI 1.99, this castkit speaks 1." + minor) !=
        std::string::npos);
  CHECK(r.out.find("plugin build-tag (" + file_of("build-tag") +
                   "): built with other-compiler/other-stdlib/sdk-0.0.1, this castkit was built "
                   "with " CASTKIT_BUILD_TAG) != std::string::npos);
  CHECK(r.out.find("plugin bad-magic (" + file_of("bad-magic") +
                   "): not a castkit plugin: descriptor magic 0x12345678") != std::string::npos);
  CHECK(r.out.find("plugin no-entry (" + file_of("no-entry") +
                   "): not a castkit plugin: no castkit_plugin_entry_v1 entry point") !=
        std::string::npos);
  CHECK(r.out.find("plugin register-throws (" + file_of("register-throws") +
                   "): registration failed: registration exploded") != std::string::npos);
}

TEST_CASE("a plugin needing a symbol the process lacks is refused with the symbol's name") {
  RunResult r = run_castkit(with_fixtures({"plugins"}, {"undefined-symbol", "kv"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("plugin undefined-symbol (" + file_of("undefined-symbol") +
                   "): cannot be loaded: " + file_of("undefined-symbol") +
                   ": undefined symbol: castkit_fixture_function_nobody_defines") !=
        std::string::npos);
  CHECK(r.out.find("kv 1.2.3  " + file_of("kv")) != std::string::npos);
}

TEST_CASE("a plugin that crashes while registering is refused, remembered, and the host goes on") {
  const std::string dir = scratch_dir("crash");
  const std::vector<std::string> env = {"CASTKIT_REGISTRY=" + dir + "/registry.bin"};
  const std::string refusal = "plugin register-crashes (" + file_of("register-crashes") +
                              "): crashed while loading or registering (Aborted)";
  RunResult listed =
      run_castkit(with_fixtures({"plugins", "-v"}, {"register-crashes", "kv"}), "", env);
  CHECK(listed.exit_code == 0);
  CHECK(listed.out.find(refusal) != std::string::npos);
  CHECK(listed.err.find("registry: scanning " + file_of("register-crashes")) != std::string::npos);
  RunResult again = run_castkit(
      with_fixtures({"convert", "-", "-t", "kv", "-v"}, {"register-crashes", "kv"}), kKv, env);
  CHECK(again.exit_code == 0);
  CHECK(again.out == "#kv\nepisode=\ntitle=Hello\nsegment=Ann|Hi\n");
  CHECK(again.err.find("registry: scanning") == std::string::npos);
}

TEST_CASE("refused plugins do not stop a conversion with a good one") {
  RunResult r = run_castkit(
      with_fixtures({"convert", "-", "-t", "kv"}, {"abi-major", "no-entry", "kv"}), kKv);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "#kv\nepisode=\ntitle=Hello\nsegment=Ann|Hi\n");
}

TEST_CASE("a factory that throws is a plugin failure, exit 3") {
  RunResult r = run_castkit(
      with_fixtures({"convert", "-", "-f", "factory-throws", "-t", "kv"}, {"factory-throws", "kv"}),
      kKv);
  CHECK(r.exit_code == 3);
  CHECK(r.err ==
        "error: plugin factory-throws (" + file_of("factory-throws") + "): factory exploded\n");
}

TEST_CASE("a reader that throws is a plugin failure, exit 3") {
  RunResult r = run_castkit(
      with_fixtures({"convert", "-", "-f", "reader-throws", "-t", "kv"}, {"reader-throws", "kv"}),
      kKv);
  CHECK(r.exit_code == 3);
  CHECK(r.err ==
        "error: plugin reader-throws (" + file_of("reader-throws") + "): reader exploded\n");
}

TEST_CASE("an exporter that throws a non-castkit exception is a plugin failure, exit 3") {
  RunResult r = run_castkit(with_fixtures({"convert", "-", "-f", "kv", "-t", "exporter-throws"},
                                          {"exporter-throws", "kv"}),
                            kKv);
  CHECK(r.exit_code == 3);
  CHECK(r.err.starts_with("error: plugin exporter-throws (" + file_of("exporter-throws") +
                          "): vector::_M_range_check"));
  CHECK(r.out.empty());
}

TEST_CASE("asking for a refused plugin's format names the known formats") {
  RunResult r =
      run_castkit(with_fixtures({"convert", "-", "-t", "abi-major"}, {"abi-major", "kv"}), kKv);
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("error: unknown output format \"abi-major\" (known: "));
  CHECK(r.err.find("kv") != std::string::npos);
}

TEST_CASE("castkit plugins FILE inspects plugin files, exit 3 when one is refused") {
  RunResult good = run_castkit({"plugins", file_of("kv")});
  CHECK(good.exit_code == 0);
  CHECK(good.out == "kv 1.2.3  " + file_of("kv") +
                        "\n  reads:      kv\n  writes:     kv, kv-episode\n  checks:     kv\n");
  RunResult crash = run_castkit({"plugins", file_of("register-crashes"), file_of("no-entry")});
  CHECK(crash.exit_code == 3);
  CHECK(crash.out ==
        "refused: plugin register-crashes (" + file_of("register-crashes") +
            "): crashed while loading or registering (Aborted)\nrefused: plugin no-entry (" +
            file_of("no-entry") +
            "): not a castkit plugin: no castkit_plugin_entry_v1 entry point\n");
}
