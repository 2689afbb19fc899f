// Site profile files: loading, errors with positions, matching.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "castkit/diagnostics.hpp"
#include "html_document.hpp"
#include "site_profile.hpp"
#include "test_host.hpp"

using namespace castkit;
using namespace castkit::html;

namespace {

std::string write_profile(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "castkit-html-profile-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

std::string usage_error(const std::string& text) {
  const std::string path = write_profile("bad.yaml", text);
  try {
    load_profile(path);
  } catch (const castkit::Error& e) {
    CHECK(e.kind() == castkit::ErrorKind::usage);
    return format_diagnostic(e.diagnostic()).substr(path.size());
  }
  FAIL("no error for " << text);
  return {};
}

}  // namespace

TEST_CASE("the shipped changelog profile loads") {
  const auto profiles = load_profiles({CASTKIT_PLUGIN_SOURCE_DIR "/../../config/sites"});
  REQUIRE_FALSE(profiles.empty());
  const SiteProfile& changelog = profiles.front();
  CHECK(changelog.name == "changelog");
  CHECK(matches_url(changelog, "https://changelog.com/shipit/89"));
  CHECK_FALSE(matches_url(changelog, "https://example.com/shipit/89"));
  CHECK(changelog.lists.count("transcript"));
  CHECK(changelog.lists.at("transcript").skip_first == 1);
}

TEST_CASE("profile errors point at the line and column") {
  CHECK(usage_error("name: x\nfields:\n  title: \"//h1[\"\n") ==
        ":3:10: error: site profile: bad XPath \"//h1[\": Unrecognized node test at character 6");
  CHECK(usage_error("name: x\nfields:\n  colour: //h1\n") ==
        ":3:3: error: site profile: unknown field \"colour\" (expected audio, audio_type, "
        "description, "
        "duration, episode_type, guid, image, link, number, published, season, show, subtitle, "
        "summary, title)");
  CHECK(usage_error("name: x\nfields:\n  title: {xpath: //h1, type: colour}\n") ==
        ":3:30: error: site profile: unknown type \"colour\" (expected text, html, number, offset, "
        "clock, minutes, duration, datetime or url)");
  CHECK(usage_error("name: [unclosed\n").starts_with(":2:1: error: site profile: "));
  CHECK(usage_error("fields: {}\n") == ":1:1: error: site profile: the profile has no name:");
  CHECK(usage_error("name: x\nchapters:\n  start: td[1]\n") ==
        ":3:3: error: site profile: chapters has no each:");
}

TEST_CASE("a signature identifies a page without its URL") {
  const std::string path = write_profile(
      "sig.yaml", "name: sig\nsignatures:\n  - meta: generator\n    value: WordPress 5.2\n");
  const SiteProfile profile = load_profile(path);
  HtmlPage page;
  parse_page("<html><head><meta name=generator content='WordPress 5.2'></head><body></body></html>",
             "", "p.html", {}, page);
  CHECK(matching_signature(profile, page.document) == "signature meta generator=WordPress 5.2");
  HtmlPage other;
  parse_page("<html><head><meta name=generator content='Hugo'></head></html>", "", "p.html", {},
             other);
  CHECK_FALSE(matching_signature(profile, other.document));
}

TEST_CASE("profiles from formats.html.sites come first and apply by URL") {
  const auto dir = std::filesystem::temp_directory_path() / "castkit-html-sites-option";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "mine.yaml")
      << "name: mine\nurls: [\"https://mine.example/ep/*\"]\n"
         "fields:\n  title: \"//h1\"\n  audio: {xpath: \"//audio/@src\", type: url}\n";
  castkit::html::testing::TestHost host;
  const ConfigNode options = castkit::html::testing::options_node({{"sites", dir.string()}});
  const Show show = castkit::html::testing::import_page(
      "<html><body><h1>Mine</h1><audio src='/a.mp3'></audio></body></html>", "mine.html",
      "https://mine.example/ep/1", host, options);
  const Episode& e = show.episodes.front();
  CHECK(e.title == "Mine");
  CHECK(e.enclosure->url == "https://mine.example/a.mp3");
  CHECK(castkit::html::testing::provenance_of(e, "title") ==
        "site profile mine (URL https://mine.example/ep/1): //h1");
  const auto dirs = castkit::html::site_directories(ConfigView(&options));
  REQUIRE(dirs.size() >= 2);
  CHECK(dirs.front() == dir.string());
  CHECK(dirs.back().ends_with("config/sites"));
}
