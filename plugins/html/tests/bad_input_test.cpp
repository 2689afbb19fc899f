// Hostile and broken pages: clear messages, bounded time and memory, never a crash.
#include <catch2/catch.hpp>

#include <chrono>

#include "test_host.hpp"

using namespace castkit;
using namespace castkit::html::testing;

namespace {

/// The diagnostic (file:line:col: error: message) importing `bytes` raises as an input error.
std::string input_error(const std::string& bytes, const ConfigNode& options = options_node({})) {
  TestHost host;
  try {
    import_page(bytes, "bad.html", "", host, options);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    return format_diagnostic(e.diagnostic());
  }
  FAIL("no error");
  return {};
}

long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - since)
                               .count());
}

const std::string kChangelog =
    read_file(std::string(CASTKIT_TEST_DATA) + "/pages/changelog-shipit-89.reconstructed.html");

}  // namespace

TEST_CASE("a 200 MB page is refused before parsing") {
  const std::string huge(200u << 20, 'a');
  const auto started = std::chrono::steady_clock::now();
  CHECK(input_error(huge) ==
        "bad.html: error: the page is 200 MiB, more than formats.html.max_page_bytes (64 MiB)");
  CHECK(elapsed_ms(started) < 1000);
}

TEST_CASE("formats.html.max_page_bytes lowers the limit") {
  CHECK(input_error(kChangelog, options_node({{"max_page_bytes", "100000"}})) ==
        "bad.html: error: the page is 178254 bytes, more than formats.html.max_page_bytes (100000 "
        "bytes)");
}

TEST_CASE("100,000-deep nesting is refused quickly with its position") {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  const auto started = std::chrono::steady_clock::now();
  CHECK(input_error(page) ==
        "bad.html:1:2567: error: elements nest deeper than formats.html.max_depth (512)");
  CHECK(elapsed_ms(started) < 2000);
}

TEST_CASE("invalid UTF-8 without a declared charset names the byte") {
  CHECK(input_error("<html><body>\n<p>ok</p>\n<p>bad \xFF byte</p></body></html>") ==
        "bad.html:3:8: error: not valid UTF-8 (byte offset 30) and the page declares no charset; "
        "name one with --input-encoding");
}

TEST_CASE("a binary file is refused") {
  static constexpr char kPngStart[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  const std::string png(kPngStart, sizeof kPngStart - 1);
  CHECK(input_error(png) ==
        "bad.html:3:1: error: this is binary data, not an HTML page (a NUL byte at offset 8)");
}

TEST_CASE("formats.html.max_depth sets the nesting limit") {
  std::string page = "<html><body>";
  for (int i = 0; i < 40; ++i) page += "<div>";
  CHECK(input_error(page, options_node({{"max_depth", "32"}})) ==
        "bad.html:1:167: error: elements nest deeper than formats.html.max_depth (32)");
}

TEST_CASE("an empty input has no HTML") {
  CHECK(input_error("") == "bad.html:1:1: error: no HTML found: the page has no elements");
}

TEST_CASE("a truncated page still reads what it has") {
  TestHost host;
  const std::string half = kChangelog.substr(0, kChangelog.size() / 2);
  const Show show = import_page(half, "half.html", "", host);
  const Episode& e = show.episodes.front();
  CHECK(e.title == "Rust efficiencies at AWS scale");
  CHECK(e.chapters.size() == 17);
  CHECK_FALSE(e.transcript.segments.empty());
  CHECK(e.transcript.segments.size() < 161);
}

TEST_CASE("every prefix of a page and random bytes never crash") {
  TestHost host;
  for (std::size_t length = 0; length < 6000; length += 97) {
    try {
      import_page(kChangelog.substr(0, length), "prefix.html", "", host);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::input);
    }
  }
  std::string noise;
  std::uint32_t state = 12345;
  for (int i = 0; i < 100000; ++i) {
    state = state * 1103515245 + 12345;
    noise += static_cast<char>('<' + (state >> 16) % 64);  // printable, tag-heavy, no NUL
  }
  try {
    import_page(noise, "noise.html", "", host);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
  }
}
