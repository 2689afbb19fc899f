// Loading fixture plugins: every defect is refused (or reported) with its exact message, and
// the host carries on with the plugins that work.
#include <catch2/catch.hpp>

#include "castkit/version.hpp"
#include "host_services.hpp"
#include "plugin_guard.hpp"
#include "plugin_loader.hpp"
#include "plugin_registry.hpp"

using namespace castkit;
using namespace castkit::host;

namespace {

std::string fixture(const std::string& name) {
  return std::string(CASTKIT_FIXTURE_DIR) + "/" + name + "/castkit-" + name + ".so";
}

std::string refusal_of(const std::string& name) {
  LoadOutcome outcome = load_plugin(fixture(name));
  CHECK_FALSE(outcome.plugin);
  return outcome.refusal;
}

}  // namespace

TEST_CASE("a working plugin loads and registers its formats") {
  LoadOutcome outcome = load_plugin(fixture("kv"));
  REQUIRE(outcome.plugin);
  CHECK(outcome.refusal.empty());
  CHECK(outcome.plugin->name == "kv");
  CHECK(outcome.plugin->version == "1.2.3");
  REQUIRE(outcome.plugin->specs.importers.size() == 1);
  CHECK(outcome.plugin->specs.importers[0].format == "kv");
  CHECK(outcome.plugin->specs.importers[0].probe != nullptr);
  CHECK(outcome.plugin->specs.exporters.size() == 2);
}

TEST_CASE("descriptor defects are refused with messages naming the file and both versions") {
  const std::string minor = std::to_string(CASTKIT_ABI_MINOR);  // the fixtures keep the host's
  CHECK(refusal_of("abi-major") == "plugin abi-major (" + fixture("abi-major") +
                                       "): built for castkit ABI 2." + minor +
                                       ", this castkit speaks 1." + minor);
  CHECK(refusal_of("abi-minor") == "plugin abi-minor (" + fixture("abi-minor") +
                                       "): built for castkit ABI 1.99, this castkit speaks 1." +
                                       minor);
  CHECK(refusal_of("build-tag") ==
        "plugin build-tag (" + fixture("build-tag") +
            "): built with other-compiler/other-stdlib/sdk-0.0.1, this castkit was built with " +
            CASTKIT_BUILD_TAG);
  CHECK(refusal_of("bad-magic") == "plugin bad-magic (" + fixture("bad-magic") +
                                       "): not a castkit plugin: descriptor magic 0x12345678, "
                                       "expected 0x43534B50");
  CHECK(refusal_of("small-struct") ==
        "plugin small-struct (" + fixture("small-struct") +
            "): descriptor is 16 bytes, this castkit needs at least " +
            std::to_string(sizeof(castkit_plugin_descriptor)));
  CHECK(refusal_of("no-entry") == "plugin no-entry (" + fixture("no-entry") +
                                      "): not a castkit plugin: no castkit_plugin_entry_v1 entry "
                                      "point");
  CHECK(refusal_of("register-throws") == "plugin register-throws (" + fixture("register-throws") +
                                             "): registration failed: registration exploded");
}

TEST_CASE("a file that is not a shared library is refused, not fatal") {
  const std::string file = std::string(CASTKIT_FIXTURE_DIR) + "/castkit-garbage.so";
  FILE* f = std::fopen(file.c_str(), "w");
  std::fputs("not an ELF file", f);
  std::fclose(f);
  LoadOutcome outcome = load_plugin(file);
  CHECK_FALSE(outcome.plugin);
  CHECK(outcome.refusal.starts_with("plugin garbage (" + file + "): cannot be loaded: "));
  std::remove(file.c_str());
}

TEST_CASE("the plugin name comes from the file name before the descriptor is trusted") {
  CHECK(plugin_name_from_file("lib/castkit/plugins/castkit-srt.so") == "srt");
  CHECK(plugin_name_from_file("castkit-vtt.so") == "vtt");
}

TEST_CASE("a registry over good and bad plugins keeps the good ones usable") {
  HostServices host(Verbosity::quiet);
  std::vector<std::string> dirs;
  for (const char* name : {"abi-major", "no-entry", "register-throws", "kv"})
    dirs.push_back(std::string(CASTKIT_FIXTURE_DIR) + "/" + name);
  PluginRegistry registry(dirs, "", host);
  REQUIRE(registry.plugins().size() == 4);
  CHECK_FALSE(registry.plugins()[0].refusal.empty());
  CHECK_FALSE(registry.plugins()[1].refusal.empty());
  CHECK_FALSE(registry.plugins()[2].refusal.empty());
  CHECK(registry.plugins()[3].refusal.empty());
  Offer<ImporterSpec> kv = registry.importer("kv");
  REQUIRE(kv.spec->probe);
  Input input{"x.kv", "#kv\ntitle=A\n", {}, {}, {}};
  CHECK(kv.spec->probe(input) == 100);
}

TEST_CASE("guarded() turns foreign exceptions into plugin errors and passes castkit errors") {
  PluginRecord record;
  record.name = "demo";
  record.file = "plugins/castkit-demo.so";
  try {
    guarded(record, [] { throw std::logic_error("boom"); });
    FAIL("no exception");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::plugin);
    CHECK(e.diagnostic().message == "plugin demo (plugins/castkit-demo.so): boom");
  }
  try {
    guarded(record, [] { fail_input("a.srt", 3, 4, "bad"); });
    FAIL("no exception");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    CHECK(format_diagnostic(e.diagnostic()) == "a.srt:3:4: error: bad");
  }
  CHECK(guarded(record, [] { return 5; }) == 5);
}

TEST_CASE("offers taken before plugins are loaded stay valid after") {
  HostServices host(Verbosity::quiet);
  std::vector<std::string> dirs;
  for (const char* name : {"kv", "reader-throws", "factory-throws"})
    dirs.push_back(std::string(CASTKIT_FIXTURE_DIR) + "/" + name);
  PluginRegistry registry(dirs, "", host);
  const std::vector<Offer<ImporterSpec>> offers = registry.importers();
  REQUIRE(offers.size() == 3);
  for (const auto& offer : offers) {
    CHECK(offer.spec->probe == nullptr);  // from the scan: data only
    registry.load(*offer.plugin);
  }
  std::vector<std::string> names;
  for (const auto& offer : offers) {
    names.push_back(offer.spec->format);
    CHECK(offer.spec->probe != nullptr);
  }
  CHECK(names == std::vector<std::string>{"kv", "reader-throws", "factory-throws"});
}
