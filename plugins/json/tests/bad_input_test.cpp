// Bad input: every case gives a castkit::Error with a position and a clear message, never a
// crash, a hang or unbounded memory.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "castkit/text.hpp"
#include "model_reader.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::json;

namespace {

/// The diagnostic of reading `text`, formatted; fails the test when reading succeeds.
std::string error_of(std::string_view text, ReadOptions options = {}) {
  Show show;
  try {
    read_model(text, "in.json", show, options, [](const Diagnostic&) {});
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    return format_diagnostic(error.diagnostic());
  }
  FAIL("accepted bad input: " << text.substr(0, 80));
  return {};
}

std::string marked(std::string_view show_body) {
  return "{\"castkit\":\"1\",\"show\":" + std::string(show_body) + "}";
}

// Peak resident memory of this process in KiB, and a way to reset it (Linux).
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return 0;
}
void reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

}  // namespace

TEST_CASE("wrong types name the path, what was expected and what was found") {
  const std::string text =
      marked("{\"episodes\":[{},{},{},{\"chapters\":[{\"start_ms\":\"12\"}]}]}");
  CHECK(error_of(text) ==
        "in.json:1:70: error: show.episodes[3].chapters[0].start_ms: expected an integer, found a "
        "string");
  CHECK(error_of(marked("{\"title\":5}")) ==
        "in.json:1:32: error: show.title: expected a string, found a number");
  CHECK(error_of(marked("{\"episodes\":{}}")) ==
        "in.json:1:35: error: show.episodes: expected an array, found an object");
  CHECK(error_of(marked("{\"locked\":\"yes\"}")) ==
        "in.json:1:33: error: show.locked: expected true or false, found a string");
  CHECK(error_of(marked("{\"episodes\":[{\"duration_ms\":1.5}]}")) ==
        "in.json:1:51: error: show.episodes[0].duration_ms: expected an integer, found a number "
        "with a fraction or exponent");
  CHECK(error_of(marked("{\"episodes\":[{\"season\":99999999999999999999}]}")) ==
        "in.json:1:46: error: show.episodes[0].season: integer out of range (the largest is "
        "9223372036854775807)");
  CHECK(error_of(marked("{\"episodes\":[{\"enclosure\":{\"length\":-1}}]}")) ==
        "in.json:1:59: error: show.episodes[0].enclosure.length: expected a non-negative integer "
        "below 2^64");
  CHECK(error_of(marked("{\"episodes\":[{\"published\":\"yesterday\"}]}")) ==
        "in.json:1:49: error: show.episodes[0].published: expected an ISO 8601 time such as "
        "\"2021-06-01T12:30:00Z\", found \"yesterday\"");
  CHECK(error_of(marked("{\"episodes\":[{\"chapters\":[{\"title\":\"x\"}]}]}")) ==
        "in.json:1:49: error: show.episodes[0].chapters[0]: a chapter needs \"start_ms\"");
}

TEST_CASE("documents that are not castkit models say so") {
  CHECK(error_of("") == "in.json: error: the input is empty; expected a JSON object");
  CHECK(error_of("  [1, 2]") ==
        "in.json:1:3: error: expected a JSON object with \"castkit\": \"1\" at the top level, "
        "found an array");
  CHECK(error_of(
            testing::read_file(std::string(CASTKIT_TEST_DATA) + "/rss/pc20-chapters-example.json"))
            .ends_with("not a castkit model: the top-level object has no \"castkit\": \"1\" "
                       "member; Podcasting 2.0 chapters are read with -f chapters"));
  CHECK(error_of("{\"castkit\":\"2\",\"show\":{}}") ==
        "in.json:1:12: error: castkit: castkit JSON version \"2\" is not supported; this castkit "
        "reads version 1");
  CHECK(error_of("{\"castkit\":\"1\",\"show\":{}} x") ==
        "in.json:1:28: error: the JSON document does not end where its top-level value ends: it "
        "is truncated or followed by other text");
}

TEST_CASE("a truncated document fails cleanly at every cut") {
  const std::string whole = testing::read_file(testing::golden_dir() + "/rich.json");
  int cuts = 0;
  for (std::size_t length = 0; length + 1 < whole.size(); length += 37) {
    const std::string message = error_of(std::string_view(whole).substr(0, length));
    CHECK(message.starts_with("in.json"));
    ++cuts;
  }
  CHECK(cuts > 50);
  const std::string half = whole.substr(0, whole.size() / 2);
  const auto end = castkit::position_at(half, half.size());
  const std::string message = error_of(half);
  CHECK(message.starts_with("in.json:" + std::to_string(end.line) + ":" +
                            std::to_string(end.column) + ": error: "));
  CHECK(message.find("truncated") != std::string::npos);
}

TEST_CASE("binary input and invalid UTF-8 are refused with their position") {
  std::mt19937 random(7);
  std::string binary(4096, '\0');
  for (auto& c : binary) c = static_cast<char>(random() % 256);
  CHECK(error_of(binary).starts_with("in.json"));
  CHECK(error_of("\x89PNG\r\n\x1a\n\0\0\0\rIHDR").starts_with("in.json"));

  const std::string bad_utf8 = "{\"castkit\":\"1\",\n\"show\":{\"title\":\"caf\xE9\"}}";
  CHECK(error_of(bad_utf8) ==
        "in.json:2:21: error: invalid UTF-8 at byte offset 36; JSON must be UTF-8 (for another "
        "encoding, use --input-encoding)");
}

TEST_CASE("raw control characters inside strings are refused") {
  CHECK(error_of(marked("{\"title\":\"a\x01b\"}")) ==
        "in.json:1:34: error: a string holds a raw control character");
}

TEST_CASE("a declared encoding or a UTF-16 byte order mark is converted first") {
  Show show;
  read_model(marked("{\"title\":\"caf\xE9\"}"), "in.json", show, {.encoding = "cp1252"},
             [](const Diagnostic&) {});
  CHECK(show.title == "café");

  const std::string utf8 = marked("{\"title\":\"x\"}");
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) utf16 += std::string{c, '\0'};
  Show from_utf16;
  read_model(utf16, "in.json", from_utf16, {}, [](const Diagnostic&) {});
  CHECK(from_utf16.title == "x");
}

TEST_CASE("100,000 levels of nesting give a clear error, not a stack overflow") {
  const std::size_t levels = 100'000;
  const std::string arrays = std::string(levels, '[') + std::string(levels, ']');
  CHECK(error_of(arrays) ==
        "in.json:1:1: error: expected a JSON object with \"castkit\": \"1\" at the top level, "
        "found an array");
  const std::string in_ext = marked("{\"ext\":{\"deep\":" + arrays + "}}");
  CHECK(error_of(in_ext).find("show.ext.deep[0][0][0]") != std::string::npos);
  CHECK(error_of(in_ext).find("nested more than 512 levels deep") != std::string::npos);

  std::string objects;
  for (std::size_t i = 0; i < levels; ++i) objects += "{\"a\":";
  objects += "1" + std::string(levels, '}');
  CHECK(error_of(marked("{\"unknown\":" + objects + "}")).find("nested more than 512 levels") !=
        std::string::npos);
}

TEST_CASE("a 50 MB input streams through in memory bounded by its size") {
  // 12,000 episodes with chapters, persons and a transcript paragraph, as castkit writes them.
  std::string episode =
      R"({"title": "Episode: a title long enough to look real", "description": ")" +
      std::string(2500, 'd') +
      R"(", "published": "2020-09-13T12:26:40Z", "persons": [{"name": "Host", )"
      R"("role": "host"}, {"name": "Guest", "role": "guest"}], "chapters": [)";
  for (int c = 0; c < 15; ++c)
    episode += (c ? ", " : "") + std::string(R"({"start_ms": )") + std::to_string(c * 60'000) +
               R"(, "title": "Chapter )" + std::to_string(c) + "\"}";
  episode += R"(], "transcript": {"segments": [{"start_ms": 0, "speaker": "Host", "text": ")" +
             std::string(800, 't') + "\"}]}}";
  std::string text = R"({"castkit": "1", "show": {"episodes": [)";
  for (int i = 0; i < 12'000; ++i) text += (i ? ",\n" : "\n") + episode;
  text += "]}}\n";
  REQUIRE(text.size() > 50'000'000);

  reset_peak_rss();
  const long before = peak_rss_kib();
  Show show;
  read_model(text, "big.json", show, {}, [](const Diagnostic&) {});
  const long after = peak_rss_kib();
  CHECK(show.episodes.size() == 12'000);
  CHECK(show.episodes.back().chapters.size() == 15);
#if defined(__SANITIZE_ADDRESS__)
  (void)before, (void)after;  // AddressSanitizer's shadow memory and quarantine skew the peak
#else
  const long growth_bytes = (after - before) * 1024L;
  // The model itself takes about as much as the text; simdjson's buffers about as much again.
  INFO("peak growth " << growth_bytes / 1'000'000 << " MB for " << text.size() / 1'000'000
                      << " MB");
  // The padded copy simdjson needs (1x), the model (about 2x for this chapter-heavy data: each
  // Chapter is ~250 bytes before its strings), simdjson's structural index (small here).
  CHECK(growth_bytes < static_cast<long>(4 * text.size()));
#endif
}
