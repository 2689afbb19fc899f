// The markdown importer on bad input: a clear error or a bounded result, never a crash or hang.
#include <catch2/catch.hpp>

#include "markdown_test_support.hpp"

using namespace castkit;
using namespace castkit::markdown::test;

namespace {

// The diagnostic of the input error `bytes` gives.
Diagnostic error_of(const std::string& bytes) {
  try {
    import_markdown(bytes, nullptr, "bad.md");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    return error.diagnostic();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("empty and blank input: no transcript paragraphs") {
  CHECK(error_of("").message.find("no transcript paragraphs found") != std::string::npos);
  CHECK(error_of("\n\n   \n").message.find("no transcript paragraphs found") != std::string::npos);
}

TEST_CASE("binary input: NUL byte with its position") {
  Diagnostic d = error_of(std::string("**Ann:** hi\n\x01\x02\x00\x03", 16));
  CHECK(d.file == "bad.md");
  CHECK(d.line == 2);
  CHECK(d.column == 3);
  CHECK(d.message.find("binary data") != std::string::npos);
}

TEST_CASE("invalid UTF-8 and a file truncated inside a character are input errors") {
  Diagnostic invalid = error_of("**Ann:** caf\xe9 au lait\n");
  CHECK(invalid.line == 1);
  CHECK(invalid.message.find("--input-encoding") != std::string::npos);
  std::string ship = read_test_file("pages/transcripts_ship-it-89.md");
  std::size_t quote = ship.find("\xe2\x80");  // the first multi-byte character, if any
  if (quote != std::string::npos)
    CHECK_THROWS_AS(import_markdown(ship.substr(0, quote + 1)), Error);
  // Cut in the middle of a paragraph: what is there is read.
  Show cut = import_markdown(ship.substr(0, ship.size() / 2));
  CHECK(cut.episodes.at(0).transcript.segments.size() > 50);
}

TEST_CASE("a legacy encoding is read with the input's encoding") {
  RecordingHost host;
  Context context{host, ConfigView(), ConfigView()};
  std::string bytes = "**Ann:** caf\xe9\n";
  Input input{"latin1.md", bytes, "", "", "ISO-8859-1"};
  Show show;
  markdown::importer_spec().create()->read(input, show, context);
  CHECK(show.episodes.at(0).transcript.segments.at(0).text == "café");
}

TEST_CASE("100,000-deep nesting of emphasis, brackets and block quotes stays bounded") {
  const std::size_t depth = 100000;
  Show emphasis =
      import_markdown("**Ann:** " + std::string(depth, '*') + "x" + std::string(depth, '*'));
  CHECK(emphasis.episodes.at(0).transcript.segments.at(0).speaker == "Ann");
  Show brackets =
      import_markdown("**Ann:** " + std::string(depth, '[') + "x" + std::string(depth, ']'));
  CHECK(brackets.episodes.at(0).transcript.segments.at(0).text.size() == 2 * depth + 1);
  std::string links;
  for (std::size_t i = 0; i < depth / 10; ++i) links += "[a](";
  Show open_links = import_markdown("**Ann:** " + links);
  CHECK(open_links.episodes.at(0).transcript.segments.size() == 1);
  Show quotes = import_markdown(std::string(depth, '>') + " **Ann:** deep");
  CHECK(quotes.episodes.at(0).transcript.segments.at(0).text == "deep");
  // Exporting deep markup falls back to plain text instead of walking a deep HTML tree.
  std::string written = export_markdown(emphasis);
  CHECK(written.starts_with("**Ann:**"));
}

TEST_CASE("a paragraph longer than max_block_bytes is refused with its line") {
  std::string bytes = "**Ann:** short\n\n**Bob:** " + std::string(2 << 20, 'a') + "\n";
  Diagnostic d = error_of(bytes);
  CHECK(d.line == 3);
  CHECK(d.message.find("max_block_bytes") != std::string::npos);
}

TEST_CASE("a generated 100 MB transcript is read piece by piece") {
  const std::string turn_a = "**Ann:** \\[01:00\\] " + std::string(400, 'a') + " *emphasis*\n\n";
  const std::string turn_b = "**Bob:** " + std::string(400, 'b') + "\n\n";
  std::string bytes;
  bytes.reserve(100u << 20);
  std::size_t pairs = 0;
  while (bytes.size() < (100u << 20)) {
    bytes += turn_a;
    bytes += turn_b;
    ++pairs;
  }
  Show show = import_markdown(bytes);
  const auto& segments = show.episodes.at(0).transcript.segments;
  REQUIRE(segments.size() == 2 * pairs);
  CHECK(segments.back().speaker == "Bob");
  CHECK(count_turns(show.episodes[0].transcript, "Ann") == static_cast<int>(pairs));
}
