// Configuration: YAML positions, syntax errors at their line:col, --set overrides, overlays.
#include <catch2/catch.hpp>

#include "project_config.hpp"

using namespace castkit;
using namespace castkit::host;

namespace {

std::string error_of(auto&& call) {
  try {
    call();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

}  // namespace

TEST_CASE("every node keeps the line and column it was written at") {
  const ConfigNode root =
      parse_config("show:\n  title: Ship It\nepisodes:\n  - id: ep89\n", "p.yaml");
  ConfigView view(&root);
  const ConfigNode* title = view["show"]["title"].node();
  REQUIRE(title);
  CHECK(title->scalar == "Ship It");
  CHECK(title->file == "p.yaml");
  CHECK(title->line == 2);
  CHECK(title->column == 10);
  const ConfigNode* id = view["episodes"].items().at(0)["id"].node();
  CHECK(id->line == 4);
  CHECK(id->column == 9);
}

TEST_CASE("typed getters point at the bad value") {
  const ConfigNode root = parse_config("subtitles:\n  max_lines: two\n", "p.yaml");
  CHECK(error_of([&] { ConfigView(&root)["subtitles"]["max_lines"].as_int(2); }) ==
        "p.yaml:2:14: error: expected an integer, found \"two\"");
}

TEST_CASE("YAML syntax errors are usage errors at their position") {
  CHECK(error_of([] {
          parse_config("show:\n  title: [unclosed\n", "p.yaml");
        }).starts_with("p.yaml:3:1: error: "));
  CHECK(error_of([] { parse_config("- a\n- b\n", "p.yaml"); }) ==
        "p.yaml:1:1: error: expected a mapping of settings at the top level");
}

TEST_CASE("an alias inside the value it names is refused, not followed for ever") {
  CHECK(error_of([] { parse_config("show: &a [*a, *a]\n", "p.yaml"); }) ==
        "p.yaml:1:7: error: nested more than 64 levels deep (is an alias inside the value it "
        "names?)");
  CHECK(error_of([] {
          parse_config("a: &a {b: *a}\n", "p.yaml");
        }).starts_with("p.yaml:1:4: error: nested more than 64 levels deep"));
}

TEST_CASE("aliases of aliases may not expand past 16 values a byte (a billion laughs)") {
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 10; ++level) {
    std::string alias = "*a" + std::to_string(level - 1);
    bomb += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + alias;
    for (int i = 1; i < 10; ++i) bomb += ", " + alias;
    bomb += "]\n";
  }
  CHECK(error_of([&] { parse_config(bomb, "p.yaml"); })
            .starts_with("p.yaml:1:31: error: the aliases expand to more values than castkit reads "
                         "from a file this size (16 per byte)"));
  // Naming a shared list a few times is fine.
  const ConfigNode root = parse_config(
      "base: &sources [{path: a.md}, {path: b.srt}]\nepisodes:\n  - sources: *sources\n"
      "  - sources: *sources\n",
      "p.yaml");
  ConfigView view(&root);
  CHECK(view["episodes"].items().at(1)["sources"].items().at(1)["path"].node()->scalar == "b.srt");
}

TEST_CASE("YAML nested deeper than yaml-cpp reads says so") {
  const std::string deep = "show:\n  title: " + std::string(100000, '[') + std::string(100000, ']');
  CHECK(error_of([&] { parse_config(deep, "p.yaml"); }) ==
        "p.yaml:2:200010: error: nested more than 499 levels deep");
}

TEST_CASE("an empty file is an empty mapping") {
  const ConfigNode root = parse_config("", "p.yaml");
  CHECK(root.kind == ConfigNode::Kind::mapping);
  CHECK(root.members.empty());
}

TEST_CASE("set arguments create and replaces dotted keys") {
  ConfigNode root = parse_config("formats:\n  srt:\n    crlf: false\n", "p.yaml");
  apply_set_argument(root, "formats.srt.crlf=true");
  apply_set_argument(root, "subtitles.max_line_chars=37");
  ConfigView view(&root);
  CHECK(view["formats"]["srt"]["crlf"].as_bool(false));
  CHECK(view["formats"]["srt"]["crlf"].node()->file == "--set");
  CHECK(view["subtitles"]["max_line_chars"].as_int(0) == 37);
  CHECK(error_of([&] { apply_set_argument(root, "nokey"); }).find("--set expects KEY=VALUE") !=
        std::string::npos);
}

TEST_CASE("a project overlays the defaults key by key") {
  ConfigNode base = parse_config(
      "output_dir: public/\nsubtitles:\n  max_lines: 2\n  max_line_chars: 42\n", "d.yaml");
  const ConfigNode over =
      parse_config("subtitles:\n  max_lines: 3\nbase_url: https://x/\n", "p.yaml");
  overlay_config(base, over);
  ConfigView view(&base);
  CHECK(view["subtitles"]["max_lines"].as_int(0) == 3);
  CHECK(view["subtitles"]["max_line_chars"].as_int(0) == 42);
  CHECK(view["output_dir"].as_string() == "public/");
  CHECK(view["base_url"].as_string() == "https://x/");
}
