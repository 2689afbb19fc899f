// The text importer on bad input: a clear error or a bounded result, never a crash or hang.
#include <catch2/catch.hpp>

#include "text_test_support.hpp"

using namespace castkit;
using namespace castkit::text_page::test;

namespace {

Diagnostic error_of(const std::string& bytes, const ConfigNode* project = nullptr) {
  RecordingHost host;
  try {
    import_page(bytes, host, "bad.txt", project);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    return error.diagnostic();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("empty, blank and sectionless input") {
  CHECK(error_of("").message.find("empty input") != std::string::npos);
  CHECK(error_of(" \r\n\n").message.find("empty input") != std::string::npos);
  CHECK(error_of("Just a paragraph.\nAnother.\n").message.find("no episode page sections") !=
        std::string::npos);
}

TEST_CASE("binary input: NUL byte with its position") {
  Diagnostic d = error_of(std::string("Summary\nChap\0ters\n", 18));
  CHECK(d.line == 2);
  CHECK(d.column == 5);
  CHECK(d.message.find("binary data") != std::string::npos);
}

TEST_CASE("invalid UTF-8 and a page truncated inside a character") {
  Diagnostic d = error_of("Summary \xff\nChapters\n");
  CHECK(d.line == 1);
  CHECK(d.message.find("--input-encoding") != std::string::npos);
  std::string page = read_test_file("pages/000_09b7be0048653942.txt");
  std::size_t apostrophe = page.find("\xe2\x80\x99");
  CHECK(error_of(page.substr(0, apostrophe + 1)).message.find("UTF-8") != std::string::npos);
}

TEST_CASE("truncated pages keep what is there") {
  std::string page = read_test_file("pages/000_09b7be0048653942.txt");
  RecordingHost host;
  // Cut inside the chapter table: the rows before the cut, no transcript.
  std::size_t cut = page.find("9 | 27:09");
  Show show = import_page(page.substr(0, cut + 5), host);
  const Episode& e = show.episodes.at(0);
  CHECK(e.chapters.size() == 8);
  CHECK(e.transcript.segments.empty());
  REQUIRE(host.diagnostics.size() == 1);  // the half row "9 | 2" is not a chapter
  CHECK(host.diagnostics[0].severity == Severity::warning);
}

TEST_CASE("a line longer than limits.max_line_bytes is refused with its line number") {
  ConfigNode project;
  project.kind = ConfigNode::Kind::mapping;
  ConfigNode limits;
  limits.kind = ConfigNode::Kind::mapping;
  ConfigNode max_line;
  max_line.kind = ConfigNode::Kind::scalar;
  max_line.scalar = "1000";
  limits.members.emplace_back("max_line_bytes", max_line);
  project.members.emplace_back("limits", limits);
  Diagnostic d = error_of("Summary\nTranscript\n" + std::string(2000, 'x') + "\n", &project);
  CHECK(d.line == 3);
  CHECK(d.message.find("limits.max_line_bytes") != std::string::npos);
}

TEST_CASE("a generated 100 MB page is read in one pass") {
  std::string page = "Summary line.\nChapters\n1 | 00:00 | Start | 00:10 |\nTranscript\n";
  const std::string paragraph = "[01:00] " + std::string(500, 'w') + " [not 00:01] words\n";
  std::size_t count = 0;
  page.reserve(100u << 20);
  while (page.size() < (100u << 20)) {
    page += paragraph;
    ++count;
  }
  RecordingHost host;
  Show show = import_page(page, host);
  CHECK(show.episodes.at(0).transcript.segments.size() == count);
  CHECK(show.episodes[0].transcript.segments.back().start == 60000);
}

TEST_CASE("deeply nested brackets are just text") {
  RecordingHost host;
  std::string deep = "Summary\nTranscript\n" + std::string(100000, '[') + "00:01" +
                     std::string(100000, ']') + "\n";
  Show show = import_page(deep, host);
  REQUIRE(show.episodes.at(0).transcript.segments.size() == 1);
  CHECK_FALSE(show.episodes[0].transcript.segments[0].start);
}
