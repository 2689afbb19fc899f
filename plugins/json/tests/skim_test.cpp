// Skimming finds where a JSON value ends, whatever strings, escapes and nesting it holds.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "json_skim.hpp"
#include "json_writer.hpp"

using namespace castkit::json;

namespace {

/// Writes a random JSON value: nested containers, strings full of quotes, backslashes and
/// brackets, numbers and literals.
void random_value(Writer& w, std::mt19937& random, int depth) {
  const auto pick = random() % (depth > 4 ? 3 : 5);
  if (pick == 0) {
    std::string text;
    const std::string alphabet = "ab\"\\{}[],: \n\xC3\xA9";
    for (auto n = random() % 40; n > 0; --n) text += alphabet[random() % alphabet.size()];
    w.string(text);
  } else if (pick == 1) {
    w.integer(static_cast<std::int64_t>(random()) - 1000);
  } else if (pick == 2) {
    w.boolean(random() % 2);
  } else if (pick == 3) {
    w.begin_array();
    for (auto n = random() % 6; n > 0; --n) random_value(w, random, depth + 1);
    w.end_array();
  } else {
    w.begin_object();
    for (auto n = random() % 6; n > 0; --n) {
      w.key(std::string(random() % 3, '}') + "k\\\"");
      random_value(w, random, depth + 1);
    }
    w.end_object();
  }
}

}  // namespace

TEST_CASE("skip_value finds the end of random values, long and short") {
  std::mt19937 random(5);
  for (int round = 0; round < 3000; ++round) {
    std::string value;
    Writer w(value, round % 2 ? 0 : 2);
    w.begin_array();  // a container, so the value is long enough for the block path
    for (auto n = random() % 8; n > 0; --n) random_value(w, random, 1);
    w.end_array();
    while (!value.empty() && value.back() == '\n') value.pop_back();
    const std::string text = value + ", [1]]";
    INFO(value);
    REQUIRE(skim::skip_value(text, 0) == value.size());
    REQUIRE(skim::skip_value(value.substr(0, value.size() - 1), 0) == skim::npos);
  }
  CHECK(skim::skip_value(R"("a\\")", 0) == 5);
  CHECK(skim::skip_value(R"("a\")", 0) == skim::npos);
  CHECK(skim::skip_value("123, 4", 0) == 3);
  CHECK(skim::skip_value("", 0) == skim::npos);
}
