// Guessing where pretty-printed list elements end: the closing line is found by every kernel at
// every offset, and the cutter's guesses agree with skimming on castkit's own output.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "closing_line.hpp"
#include "json_skim.hpp"
#include "list_cutter.hpp"
#include "model_writer.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::json;

namespace {

/// find_closing_line written the plain way, for comparison.
std::size_t reference_closing_line(std::string_view text, std::size_t pos,
                                   std::string_view indent) {
  for (std::size_t i = pos; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    const std::string_view line = text.substr(i + 1);
    if (line.starts_with(indent) && line.size() > indent.size() && line[indent.size()] == '}')
      return i + indent.size() + 2;
  }
  return skim::npos;
}

constexpr skim::Kernel kKernels[] = {skim::Kernel::best, skim::Kernel::avx2,
                                     skim::Kernel::baseline};

}  // namespace

TEST_CASE("an element's indentation is the whitespace that starts its line") {
  CHECK(layout::element_indent("[\n  {", 4) == "  ");
  CHECK(layout::element_indent("[\n\t {", 4) == "\t ");
  CHECK(layout::element_indent("[\r\n{", 3) == "");
  CHECK(!layout::element_indent("[{", 1));
  CHECK(!layout::element_indent("[ {", 2));
  CHECK(!layout::element_indent("  {", 2));
}

TEST_CASE("every kernel finds the first closing line at the element's indentation") {
  // Near misses at every offset of a block: deeper and shallower closers, a '}' that ends a
  // line of text, a line break right before the end of the text.
  std::mt19937 random(7);
  const std::string pieces[] = {"\n  }",  "\n    }", "\n }",     "x}",    "\n  ]",
                                "\n  },", "\n",      "\"a\": 1", "\n  x}"};
  for (int round = 0; round < 2000; ++round) {
    std::string text = "{";
    for (auto n = random() % 12; n > 0; --n) {
      text += std::string(random() % 70, 'a');
      text += pieces[random() % std::size(pieces)];
    }
    const std::string_view indent = round % 3 == 0 ? "\t" : "  ";
    INFO(text);
    for (std::size_t pos = 0; pos < std::min<std::size_t>(text.size(), 5); ++pos)
      for (const skim::Kernel kernel : kKernels)
        REQUIRE(layout::find_closing_line(text, pos, indent, kernel) ==
                reference_closing_line(text, pos, indent));
  }
  CHECK(layout::find_closing_line("{\"a\": 1\n  }", 0, "  ") == 11);
  CHECK(layout::find_closing_line("{\"a\": 1\n  }", 0, "    ") == skim::npos);
  CHECK(layout::find_closing_line("{\"a\": 1\n  ", 0, "  ") == skim::npos);
  CHECK(layout::find_closing_line("{\"a\": 1}", 0, "") == skim::npos);
}

TEST_CASE("the cutter guesses where each element of castkit's output ends, as skimming finds") {
  Show show = testing::rich_model();
  for (int i = 0; i < 40; ++i) show.episodes.push_back(show.episodes[i % 2]);
  for (const int indent : {1, 2, 4}) {
    std::string text;
    write_model(show, text, {.indent = indent});
    const std::size_t open = text.find("\"episodes\": [");
    REQUIRE(open != std::string::npos);
    const std::string name = "in.json";
    const EpisodeList list{
        .text = text, .first = skim::skip_whitespace(text, open + 13), .bom = 0, .name = &name};
    const ReadOptions options;  // the cutters keep a reference
    Cutter guessing(list, options, Cutting::guess_from_layout),
        skimming(list, options, Cutting::skim);
    Piece guessed, skimmed;
    std::size_t count = 0;
    while (guessing.next(guessed)) {
      REQUIRE(skimming.next(skimmed));
      CHECK(guessed.guessed);
      CHECK(!skimmed.guessed);
      CHECK(guessed.begin == skimmed.begin);
      CHECK(guessed.end == skimmed.end);
      ++count;
    }
    CHECK(!skimming.next(skimmed));
    CHECK(guessed.kind == Piece::Kind::end);
    CHECK(guessed.end == skimmed.end);
    CHECK(count == show.episodes.size());
  }
}
