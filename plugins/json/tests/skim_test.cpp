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
    for (const auto kernel : {skim::Kernel::best, skim::Kernel::avx2, skim::Kernel::baseline}) {
      REQUIRE(skim::skip_value(text, 0, kernel) == value.size());
      REQUIRE(skim::skip_value(value.substr(0, value.size() - 1), 0, kernel) == skim::npos);
    }
  }
  CHECK(skim::skip_value(R"("a\\")", 0) == 5);
  CHECK(skim::skip_value(R"("a\")", 0) == skim::npos);
  CHECK(skim::skip_value("123, 4", 0) == 3);
  CHECK(skim::skip_value("", 0) == skim::npos);
}

TEST_CASE("every kernel agrees on deep nesting, long strings and escapes across blocks") {
  // Containers that close many blocks after they open (the bracket-count skip), strings that
  // span blocks, and runs of backslashes ending at every position of a 64-byte block.
  std::vector<std::string> values;
  values.push_back(std::string(500, '[') + std::string(500, ']'));
  values.push_back("[" + std::string(300, '{') + "\"x\":1" + std::string(300, '}') + "]");
  values.push_back(R"({"s":")" + std::string(1000, 'x') + R"(]}}"})");
  for (std::size_t run = 1; run <= 5; ++run)
    for (std::size_t at = 0; at < 70; ++at)
      values.push_back("[\"" + std::string(at, 'a') + std::string(run, '\\') +
                       (run % 2 ? "\"" : "") + "]\"]");
  for (const std::string& value : values) {
    INFO(value);
    // Followed by more values, so that the value ends inside a full block, at every offset.
    for (std::size_t pad = 0; pad < 64; ++pad) {
      const std::string text =
          value + "," + std::string(pad, ' ') + "{\"k\":[[1]]}, [] " + std::string(128, ']');
      CHECK(skim::skip_value(text, 0, skim::Kernel::best) == value.size());
      CHECK(skim::skip_value(text, 0, skim::Kernel::avx2) == value.size());
      CHECK(skim::skip_value(text, 0, skim::Kernel::baseline) == value.size());
    }
  }
}
