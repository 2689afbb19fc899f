// Tests for the model, extension values and configuration views.
#include <catch2/catch.hpp>

#include "castkit/config_view.hpp"
#include "castkit/model.hpp"

using namespace castkit;

TEST_CASE("Value keeps object keys in insertion order and replaces on set") {
  Value v;
  v.set("b", 1);
  v.set("a", "x");
  v.set("b", true);
  REQUIRE(v.kind == Value::Kind::object);
  REQUIRE(v.members.size() == 2);
  CHECK(v.members[0].first == "b");
  CHECK(v.members[0].second == Value(true));
  CHECK(v.find("a")->string == "x");
  CHECK(v.find("zz") == nullptr);
}

TEST_CASE("models compare by value") {
  Episode a;
  a.title = "One";
  a.chapters.push_back({.start = 1000, .end = 2000, .title = "Intro"});
  a.transcript.segments.push_back({.start = 0, .speaker = "Ann", .text = "Hi"});
  Episode b = a;
  CHECK(a == b);
  b.transcript.segments[0].estimated = true;
  CHECK_FALSE(a == b);
}

TEST_CASE("ConfigView reads typed values and points at wrong types") {
  ConfigNode root{.kind = ConfigNode::Kind::mapping};
  root.members.push_back({"width", ConfigNode{.kind = ConfigNode::Kind::scalar, .scalar = "42",
                                              .file = "castkit.yaml", .line = 3, .column = 10}});
  root.members.push_back({"name", ConfigNode{.kind = ConfigNode::Kind::scalar, .scalar = "abc",
                                             .file = "castkit.yaml", .line = 4, .column = 9}});
  ConfigView view(&root);
  CHECK(view["width"].as_int(0) == 42);
  CHECK(view["width"].as_double(0) == 42.0);
  CHECK(view["missing"].as_int(7) == 7);
  CHECK(view["missing"]["deeper"].as_string("d") == "d");
  CHECK(view.keys() == std::vector<std::string>{"width", "name"});
  try {
    (void)view["name"].as_int(0);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(format_diagnostic(e.diagnostic()) ==
          "castkit.yaml:4:9: error: expected an integer, found \"abc\"");
  }
  ConfigView empty;
  CHECK_FALSE(empty.exists());
  CHECK(empty["x"].as_bool(true));
}
