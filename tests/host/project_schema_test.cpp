// The project schema: wrong types fail at their exact line:col, unknown keys warn at the key.
#include <catch2/catch.hpp>

#include "castkit/host.hpp"
#include "project_config.hpp"
#include "project_schema.hpp"

using namespace castkit;
using namespace castkit::host;

namespace {

/// Records reports.
class RecordingHost final : public Host {
 public:
  void report(const Diagnostic& d) override { lines.push_back(format_diagnostic(d)); }
  void log(LogLevel, std::string_view) override {}
  FetchResponse fetch(const FetchRequest&) override { return {}; }
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>&) override { return {}; }
  std::vector<std::string> lines;
};

std::string check(const std::string& yaml, RecordingHost& host) {
  KeyPositions keys;
  const ConfigNode root = parse_config(yaml, "castkit.yaml", &keys);
  try {
    check_project_schema(root, keys, host);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    return format_diagnostic(e.diagnostic());
  }
  return "ok";
}

}  // namespace

TEST_CASE("a valid project passes without warnings") {
  RecordingHost host;
  CHECK(
      check("show:\n  title: T\n  explicit: false\n  owner: {name: A, email: a@x}\n"
            "  categories: [Technology, {text: News, subcategories: [Tech News]}]\n"
            "base_url: https://x/\nepisodes:\n  - id: e1\n    season: 2\n    number: 3.5\n"
            "    sources: [a.md, {path: b.srt, format: srt}]\n    enclosure: {url: u, length: 12}\n"
            "    persons: [{name: A, role: host}]\noutputs:\n  - {format: rss, path: feed.xml}\n"
            "formats:\n  srt: {crlf: true, anything: [1, 2]}\n"
            "transforms:\n  - name: offset\n    options: {ms: 5000, free: x}\n",
            host) == "ok");
  CHECK(host.lines.empty());
}

TEST_CASE("unknown keys are warnings at the key's line and column") {
  RecordingHost host;
  CHECK(
      check(
          "show:\n  title: T\n  titel: typo\nepisodes:\n  - sources: []\n    sesaon: 2\nextra: 1\n",
          host) == "ok");
  REQUIRE(host.lines.size() == 3);
  CHECK(host.lines[0] == "castkit.yaml:3:3: warning: unknown key \"titel\" in show (ignored)");
  CHECK(host.lines[1] ==
        "castkit.yaml:6:5: warning: unknown key \"sesaon\" in episodes.0 (ignored)");
  CHECK(host.lines[2] == "castkit.yaml:7:1: warning: unknown key \"extra\" (ignored)");
}

TEST_CASE("wrong types are errors at the value's line and column") {
  RecordingHost host;
  CHECK(check("episodes:\n  - season: two\n", host) ==
        "castkit.yaml:2:13: error: \"season\": expected an integer, found \"two\"");
  CHECK(check("show:\n  explicit: maybe\n", host) ==
        "castkit.yaml:2:13: error: \"explicit\": expected a boolean (true or false), found "
        "\"maybe\"");
  CHECK(check("episodes:\n  sources: a\n", host) ==
        "castkit.yaml:2:3: error: \"episodes\": expected a list, found a mapping");
  CHECK(check("outputs:\n  - format: [rss]\n", host) ==
        "castkit.yaml:2:13: error: \"format\": expected a string, found a list");
  CHECK(check("episodes:\n  - plain\n", host) ==
        "castkit.yaml:2:5: error: expected a mapping, found \"plain\"");
  CHECK(check("subtitles:\n  max_lines: 2\n  target_cps: fast\n", host) ==
        "castkit.yaml:3:15: error: \"target_cps\": expected a number, found \"fast\"");
}
