// Which cue text the WebVTT writers copy as it is: short and long texts (the 16-byte blocks and
// the bytes after them), escapes, carriage returns and blank or space-led lines anywhere.
#include <catch2/catch.hpp>

#include <string>

#include "plain_cue_text.hpp"

using castkit::vtt::is_plain_cue_text;

TEST_CASE("plain cue text: ordinary lines are copied as they are", "[vtt][plain]") {
  CHECK(is_plain_cue_text("x"));
  CHECK(is_plain_cue_text("Hello there.\nSecond line"));
  CHECK(is_plain_cue_text("a line of exactly 16"));
  CHECK(is_plain_cue_text(std::string(16, 'a')));
  CHECK(is_plain_cue_text(std::string(32, 'a')));
  CHECK(is_plain_cue_text(std::string(47, 'a') + "\nb"));
  CHECK(is_plain_cue_text("quietly breaks fearless concurrency \xE2\x80\x94 which is wild."));
  CHECK(is_plain_cue_text("an -- arrow-less line, tabs\tinside and a form\ffeed inside"));
}

TEST_CASE("plain cue text: escapes, CRs and blank or space-led lines are not", "[vtt][plain]") {
  CHECK_FALSE(is_plain_cue_text(""));
  CHECK_FALSE(is_plain_cue_text(" leading space"));
  CHECK_FALSE(is_plain_cue_text("\tleading tab"));
  CHECK_FALSE(is_plain_cue_text("\fform feed"));
  CHECK_FALSE(is_plain_cue_text("\nempty first line"));
  CHECK_FALSE(is_plain_cue_text("ends with a line end\n"));
  // Every special character at every place of a short text, a text of one block and a longer
  // text whose last block overlaps the one before.
  for (const std::size_t size : {std::size_t{5}, std::size_t{16}, std::size_t{37}}) {
    for (std::size_t at = 0; at < size; ++at) {
      for (const char c : {'&', '<', '>', '\r'}) {
        std::string text(size, 'a');
        text[at] = c;
        INFO("size " << size << ", '" << c << "' at " << at);
        CHECK_FALSE(is_plain_cue_text(text));
      }
      if (at < 2) continue;  // a first line of its own
      std::string text(size, 'a');
      text[at - 1] = '\n';
      for (const char c : {' ', '\t', '\f', '\n'}) {
        text[at] = c;
        INFO("size " << size << ", a line starting with " << int{c} << " at " << at);
        CHECK_FALSE(is_plain_cue_text(text));
      }
      text[at] = 'b';
      CHECK(is_plain_cue_text(text));
    }
    std::string ending(size, 'a');
    ending.back() = '\n';
    CHECK_FALSE(is_plain_cue_text(ending));
  }
}
