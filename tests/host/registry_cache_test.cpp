// The registry cache: a round trip keeps every spec field; a run loads a plugin to learn what it
// offers only when its file is new or changed.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/time.h>

#include <filesystem>

#include "castkit/version.hpp"
#include "host_services.hpp"
#include "plugin_registry.hpp"
#include "registry_cache.hpp"

using namespace castkit;
using namespace castkit::host;

TEST_CASE("the cache format keeps every field the host needs") {
  PluginRecord record;
  record.key = "/x/castkit-a.so";
  record.size = 1234;
  record.mtime_ns = 1700000000123456789;
  record.name = "a";
  record.version = "1.0";
  record.specs.importers.push_back(
      ImporterSpec{.format = "srt",
                   .description = "SubRip: \"quoted\"\nnewline",
                   .extensions = {"srt", "sub.srt"},
                   .media_types = {"application/x-subrip"},
                   .signatures = {"-->", "1:2"},
                   .options = {{"crlf", "formats.srt.crlf", "CRLF", false}}});
  record.specs.exporters.push_back(ExporterSpec{.format = "vtt",
                                                .description = "WebVTT",
                                                .extension = "vtt",
                                                .media_type = "text/vtt",
                                                .scope = ExportScope::episode,
                                                .link_role = LinkRole::captions});
  record.specs.transforms.push_back(TransformSpec{.name = "offset", .description = "shift"});
  record.specs.checkers.push_back(CheckerSpec{.format = "rss", .description = "lint"});
  PluginRecord refused;
  refused.key = "/x/castkit-b.so";
  refused.name = "b";
  refused.refusal =
      "plugin b (/x/castkit-b.so): built for castkit ABI 2.0, this castkit speaks 1.0";

  const std::string bytes = serialize_registry({record, refused});
  const std::vector<PluginRecord> back = parse_registry(bytes);
  REQUIRE(back.size() == 2);
  CHECK(back[0].key == record.key);
  CHECK(back[0].size == 1234);
  CHECK(back[0].mtime_ns == record.mtime_ns);
  const ImporterSpec& i = back[0].specs.importers.at(0);
  CHECK(i.format == "srt");
  CHECK(i.description == "SubRip: \"quoted\"\nnewline");
  CHECK(i.extensions == std::vector<std::string>{"srt", "sub.srt"});
  CHECK(i.media_types == std::vector<std::string>{"application/x-subrip"});
  CHECK(i.signatures == std::vector<std::string>{"-->", "1:2"});
  REQUIRE(i.options.size() == 1);
  CHECK(i.options[0].key == "formats.srt.crlf");
  CHECK_FALSE(i.options[0].takes_value);
  CHECK(i.probe == nullptr);
  const ExporterSpec& e = back[0].specs.exporters.at(0);
  CHECK(e.scope == ExportScope::episode);
  CHECK(e.link_role == LinkRole::captions);
  CHECK(e.media_type == "text/vtt");
  CHECK(back[0].specs.transforms.at(0).name == "offset");
  CHECK(back[0].specs.checkers.at(0).format == "rss");
  CHECK(back[1].refusal == refused.refusal);

  SECTION("read brief, it has everything but descriptions and option help") {
    const std::vector<PluginRecord> brief = parse_registry(bytes, RegistryTexts::brief);
    REQUIRE(brief.size() == 2);
    const ImporterSpec& b = brief[0].specs.importers.at(0);
    CHECK(b.description.empty());
    CHECK(b.extensions == i.extensions);
    CHECK(b.signatures == i.signatures);
    REQUIRE(b.options.size() == 1);
    CHECK(b.options[0].name == "crlf");
    CHECK(b.options[0].key == "formats.srt.crlf");
    CHECK(b.options[0].help.empty());
    CHECK(brief[0].specs.exporters.at(0).description.empty());
    CHECK(brief[0].specs.exporters.at(0).media_type == "text/vtt");
    CHECK(brief[0].specs.transforms.at(0).description.empty());
    CHECK(brief[0].specs.checkers.at(0).description.empty());
    CHECK(brief[1].refusal == refused.refusal);
  }

  SECTION("anything malformed gives an empty cache") {
    CHECK(parse_registry("").empty());
    CHECK(parse_registry(bytes.substr(0, bytes.size() - 3)).empty());
    CHECK(parse_registry("castkit-registry 0\n").empty());
    std::string corrupt = bytes;
    corrupt[corrupt.find("3:srt")] = '9';
    CHECK(parse_registry(corrupt).empty());
  }
}

TEST_CASE("a plugin is scanned once, and again only when its file changes") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(CASTKIT_FIXTURE_DIR) / "cache-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "plugins");
  fs::copy_file(fs::path(CASTKIT_FIXTURE_DIR) / "kv" / "castkit-kv.so",
                dir / "plugins" / "castkit-kv.so");
  fs::copy_file(fs::path(CASTKIT_FIXTURE_DIR) / "abi-major" / "castkit-abi-major.so",
                dir / "plugins" / "castkit-abi-major.so");
  const std::string cache = (dir / "registry.bin").string();
  HostServices host(Verbosity::quiet);
  const std::vector<std::string> dirs{(dir / "plugins").string()};

  {
    PluginRegistry first(dirs, cache, host);
    CHECK(first.scanned() == 2);
    CHECK(fs::exists(cache));
  }
  {
    PluginRegistry second(dirs, cache, host);
    CHECK(second.scanned() == 0);
    REQUIRE(second.plugins().size() == 2);
    // The refusal comes from the cache too.
    CHECK(second.plugins()[0].refusal.find("built for castkit ABI 2." +
                                           std::to_string(CASTKIT_ABI_MINOR)) != std::string::npos);
    CHECK_FALSE(second.plugins()[1].loaded);
    CHECK(second.importers().size() == 1);
    // Asking for the format loads the plugin then.
    auto offer = second.importer("kv");
    CHECK(offer.plugin->loaded);
    CHECK(offer.spec->create != nullptr);
  }
  // Touch one plugin: only it is scanned again.
  const fs::path kv = dir / "plugins" / "castkit-kv.so";
  struct timeval times[2] = {{1000000000, 0}, {1000000000, 0}};
  REQUIRE(::utimes(kv.c_str(), times) == 0);
  {
    PluginRegistry third(dirs, cache, host);
    CHECK(third.scanned() == 1);
  }
  {
    PluginRegistry fourth(dirs, cache, host);
    CHECK(fourth.scanned() == 0);
  }
  // A run that reads the cache brief and has to rewrite it (a plugin changed) keeps the texts
  // of the plugins it did not scan.
  {
    PluginRegistry full(dirs, cache, host);
    REQUIRE(full.importers().size() == 1);
    CHECK_FALSE(full.importers()[0].spec->description.empty());
  }
  struct timeval later[2] = {{1100000000, 0}, {1100000000, 0}};
  REQUIRE(::utimes((dir / "plugins" / "castkit-abi-major.so").c_str(), later) == 0);
  {
    PluginRegistry brief(dirs, cache, host, RegistryTexts::brief);
    CHECK(brief.scanned() == 1);
    REQUIRE(brief.importers().size() == 1);
  }
  {
    PluginRegistry full(dirs, cache, host);
    CHECK(full.scanned() == 0);
    REQUIRE(full.importers().size() == 1);
    CHECK_FALSE(full.importers()[0].spec->description.empty());
    PluginRegistry brief(dirs, cache, host, RegistryTexts::brief);
    CHECK(brief.importers()[0].spec->description.empty());
  }
  // A removed plugin disappears from the registry.
  fs::remove(dir / "plugins" / "castkit-abi-major.so");
  {
    PluginRegistry fifth(dirs, cache, host);
    CHECK(fifth.scanned() == 0);
    CHECK(fifth.plugins().size() == 1);
  }
}
