// Which cue text the WebVTT writers copy as it is: short and long texts (the 16-byte blocks and
// the bytes after them), escapes, carriage returns and blank or space-led lines anywhere.
#include <catch2/catch.hpp>

#include <string>

#include "plain_cue_text.hpp"

using castkit::vtt::copy_plain_cue_text;
using castkit::vtt::is_plain_cue_text;

namespace {

// copy_plain_cue_text's answer, which must be is_plain_cue_text's, with the copy checked.
bool plain_and_copied(const std::string& text) {
  std::string copy(text.size(), '\0');
  const bool plain = copy_plain_cue_text(text, copy.data());
  CHECK(plain == is_plain_cue_text(text));
  if (plain) CHECK(copy == text);
  return plain;
}

}  // namespace

TEST_CASE("plain cue text: ordinary lines are copied as they are", "[vtt][plain]") {
  CHECK(plain_and_copied("x"));
  CHECK(plain_and_copied("Hello there.\nSecond line"));
  CHECK(plain_and_copied("exactly 16 bytes"));
  CHECK(plain_and_copied(std::string(16, 'a')));
  CHECK(plain_and_copied(std::string(32, 'a')));
  CHECK(plain_and_copied(std::string(47, 'a') + "\nb"));
  CHECK(plain_and_copied("quietly breaks fearless concurrency \xE2\x80\x94 which is wild."));
  CHECK(plain_and_copied("an -- arrow-less line, tabs\tinside and a form\ffeed inside"));
}

TEST_CASE("plain cue text: escapes, CRs and blank or space-led lines are not", "[vtt][plain]") {
  CHECK_FALSE(plain_and_copied(""));
  CHECK_FALSE(plain_and_copied(" leading space"));
  CHECK_FALSE(plain_and_copied("\tleading tab"));
  CHECK_FALSE(plain_and_copied("\fform feed"));
  CHECK_FALSE(plain_and_copied("\nempty first line"));
  CHECK_FALSE(plain_and_copied("ends with a line end\n"));
  // Every special character at every place of a short text, a text of one block and a longer
  // text whose last block overlaps the one before.
  for (const std::size_t size : {std::size_t{5}, std::size_t{16}, std::size_t{37}}) {
    for (std::size_t at = 0; at < size; ++at) {
      for (const char c : {'&', '<', '>', '\r'}) {
        std::string text(size, 'a');
        text[at] = c;
        INFO("size " << size << ", '" << c << "' at " << at);
        CHECK_FALSE(plain_and_copied(text));
      }
      if (at < 2) continue;  // a first line of its own
      std::string text(size, 'a');
      text[at - 1] = '\n';
      for (const char c : {' ', '\t', '\f', '\n'}) {
        text[at] = c;
        INFO("size " << size << ", a line starting with " << int{c} << " at " << at);
        CHECK_FALSE(plain_and_copied(text));
      }
      text[at] = 'b';
      CHECK(plain_and_copied(text));
    }
    std::string ending(size, 'a');
    ending.back() = '\n';
    CHECK_FALSE(plain_and_copied(ending));
  }
}
