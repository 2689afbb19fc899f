// The streaming SRT reader's UTF-8 check: what the SDK's check says, for characters across the
// 64-byte blocks it skips, bad bytes at every place, and texts shorter than a block.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "castkit/text.hpp"
#include "utf8_check.hpp"

using castkit::srt::is_valid_utf8;

namespace {

bool sdk_valid(const std::string& text) {
  return !castkit::find_invalid_utf8(text);
}

}  // namespace

TEST_CASE("UTF-8 check: characters across block ends, bad bytes anywhere", "[srt][utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8(std::string(200, 'a')));
  const std::string characters[] = {"\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x8E\x99"};
  for (const std::string& character : characters) {
    // The character at every offset around the first two block ends.
    for (std::size_t at = 50; at < 140; ++at) {
      std::string text(150, 'a');
      text.replace(at, character.size(), character);
      INFO("a " << character.size() << "-byte character at " << at);
      CHECK(is_valid_utf8(text));
      // Cut short, or its last byte turned into ASCII: invalid wherever it is.
      std::string cut = text.substr(0, at + character.size() - 1);
      CHECK_FALSE(is_valid_utf8(cut));
      std::string broken = text;
      broken[at + character.size() - 1] = 'b';
      CHECK_FALSE(is_valid_utf8(broken));
      // A stray continuation byte after it.
      std::string stray = text;
      stray.insert(at + character.size(), 1, '\x80');
      CHECK_FALSE(is_valid_utf8(stray));
    }
  }
  for (std::size_t at = 0; at < 130; ++at) {
    for (const char bad : {'\x80', '\xC0', '\xF8', '\xFF'}) {
      std::string text(130, 'x');
      text[at] = bad;
      INFO("byte " << int{static_cast<unsigned char>(bad)} << " at " << at);
      CHECK_FALSE(is_valid_utf8(text));
    }
  }
  CHECK_FALSE(is_valid_utf8(std::string(70, 'a') + "\xED\xA0\x80"));  // a surrogate
  CHECK_FALSE(is_valid_utf8(std::string(70, 'a') + "\xC1\xBF"));      // overlong
}

TEST_CASE("UTF-8 check: agrees with the SDK on random texts", "[srt][utf8]") {
  std::mt19937 random(7);
  const std::string pieces[] = {"a",    "bc d\n",   "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x8E\x99",
                                "\x80", "\xE2\x80", "\xFF"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 120);
    for (int i = 0; i < count; ++i) {
      // Mostly ASCII, so that whole blocks of it occur.
      const std::size_t piece = random() % 40 < 36 ? random() % 2 : 2 + random() % 6;
      text += pieces[piece];
    }
    INFO(text);
    CHECK(is_valid_utf8(text) == sdk_valid(text));
  }
}
