#include <catch2/catch.hpp>

#include "castkit/feed/append_buffer.hpp"

using castkit::feed::AppendBuffer;

TEST_CASE("an append buffer adds to what the string holds and leaves no room behind") {
  std::string out = "head:";
  {
    AppendBuffer buffer(out, 3);
    buffer.put("one");
    buffer.put(',');
    char* at = buffer.room(3);
    at[0] = 't', at[1] = 'w', at[2] = 'o';
    buffer.advance(at + 3);
  }
  CHECK(out == "head:one,two");
}

TEST_CASE("an append buffer grows past its first guess and keeps every byte") {
  std::string out;
  std::string expected;
  {
    AppendBuffer buffer(out);
    for (int i = 0; i < 5000; ++i) {
      std::string piece = std::to_string(i) + (i % 7 == 0 ? std::string(3000, 'x') : ";");
      buffer.put(piece);
      expected += piece;
    }
  }
  CHECK(out == expected);
}

TEST_CASE("an unused append buffer changes nothing") {
  std::string out = "kept";
  { AppendBuffer buffer(out, 100); }
  CHECK(out == "kept");
}

TEST_CASE("put_run copies text of every length, in the overlapping moves and by memcpy") {
  std::string source;
  for (int i = 0; i < 100; ++i) source += static_cast<char>('!' + i % 90);
  for (std::size_t size = 0; size <= 100; ++size) {
    std::string out = "<";
    {
      AppendBuffer buffer(out);
      buffer.put_run(std::string_view(source).substr(0, size));
      buffer.put('>');
    }
    CHECK(out == "<" + source.substr(0, size) + ">");
  }
}
