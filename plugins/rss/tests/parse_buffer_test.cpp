#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "parse_buffer.hpp"

using castkit::rss::ParseBuffer;

TEST_CASE("a parse buffer is a writable copy, mapped on its own when large") {
  const std::string small = "<rss version=\"2.0\"/>";
  ParseBuffer copy(small);
  CHECK(copy.view() == small);
  CHECK_FALSE(copy.mapped());
  copy.data()[1] = 'R';
  CHECK(copy.view() == "<Rss version=\"2.0\"/>");
  CHECK(small == "<rss version=\"2.0\"/>");

  std::string large(5 * 1024 * 1024 + 7, '\0');
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<char>('a' + i % 26);
  ParseBuffer big(large);
  CHECK(big.view() == large);
#if defined(__linux__)
  CHECK(big.mapped());
#endif
  big.data()[large.size() - 1] = '!';
  CHECK(big.view().back() == '!');

  // Moves hand the bytes over and leave an empty buffer behind.
  ParseBuffer moved(std::move(big));
  CHECK(moved.size() == large.size());
  CHECK(moved.view().substr(0, 26) == "abcdefghijklmnopqrstuvwxyz");
  CHECK(big.size() == 0);
  CHECK(big.data() != nullptr);
  copy = std::move(moved);
  CHECK(copy.size() == large.size());
#if defined(__linux__)
  CHECK(copy.mapped());
#endif
  copy = ParseBuffer(small);
  CHECK(copy.view() == small);
  CHECK_FALSE(copy.mapped());

  const ParseBuffer empty{std::string_view()};
  CHECK(empty.size() == 0);
  CHECK(empty.view().empty());
}
