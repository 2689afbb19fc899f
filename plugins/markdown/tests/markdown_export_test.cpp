// The markdown exporter: the Changelog convention written back, and import -> export -> import.
#include <catch2/catch.hpp>

#include "markdown_test_support.hpp"

using namespace castkit;
using namespace castkit::markdown::test;

TEST_CASE("round trip: every Changelog transcript imports to the same model after export") {
  for (const char* file :
       {"pages/transcripts_ship-it-89.md", "pages/transcripts_changelog-news-36.md",
        "pages/transcripts_go-time-bonus-77.md",
        "pages/transcripts_changelog--friends-plusplus-ato-2024.md"}) {
    INFO(file);
    Show first = import_markdown(read_test_file(file));
    std::string written = export_markdown(first);
    Show second = import_markdown(written);
    REQUIRE(second.episodes.at(0).transcript.segments.size() ==
            first.episodes.at(0).transcript.segments.size());
    for (std::size_t i = 0; i < first.episodes[0].transcript.segments.size(); ++i) {
      INFO("segment " << i);
      CHECK(second.episodes[0].transcript.segments[i] == first.episodes[0].transcript.segments[i]);
    }
    CHECK(export_markdown(second) == written);
  }
}

TEST_CASE("export: labels at turn starts, escaped anchors, breaks, markup back as Markdown") {
  Show show;
  Episode& episode = show.episodes.emplace_back();
  auto add = [&](std::string speaker, std::optional<Millis> start, std::string text,
                 std::string html = {}) -> Segment& {
    Segment& s = episode.transcript.segments.emplace_back();
    s.speaker = std::move(speaker);
    s.start = start;
    s.text = std::move(text);
    s.html = std::move(html);
    return s;
  };
  add("", std::nullopt, "Intro without a speaker.");
  add("Ann", 62000, "Hello *there*, see [this].");
  add("Ann", std::nullopt, "More from Ann.");
  add("Bob", 3723450, "A link", "A <a href=\"https://example.com/\">link</a>");
  Segment& pause = add("", 5400000, "");
  pause.ext["markdown.break"] = Value(true);
  add("Bob", std::nullopt, "Line one\nline two");
  Segment& estimated = add("Ann", 7200000, "Estimated time is not written.");
  estimated.estimated = true;
  CHECK(export_markdown(show) ==
        "Intro without a speaker.\n\n"
        "**Ann:** \\[01:02\\] Hello \\*there\\*, see \\[this\\].\n\n"
        "More from Ann.\n\n"
        "**Bob:** \\[01:02:03.45\\] A [link](https://example.com/)\n\n"
        "**Break:** \\[01:30:00\\]\n\n"
        "**Bob:** Line one\nline two\n\n"
        "**Ann:** Estimated time is not written.\n");
}

TEST_CASE("export: a model with several episodes and none chosen is a usage error") {
  Show show;
  show.episodes.resize(2);
  RecordingHost host;
  Context context{host, ConfigView(), ConfigView()};
  std::string out;
  CHECK_THROWS_AS(
      markdown::exporter_spec().create()->write(ExportRequest{show, nullptr, "-"}, out, context),
      Error);
}

TEST_CASE("export: HTML that breaks out of its wrapper is converted on its own") {
  Show show;
  Episode& episode = show.episodes.emplace_back();
  Segment stray;
  stray.speaker = "Ann";
  stray.text = "one two";
  stray.html = "<em>one</em><div>two";  // an unclosed block element
  Segment next;
  next.speaker = "Bob";
  next.text = "three";
  next.html = "<strong>three</strong>";
  episode.transcript.segments = {stray, next};
  CHECK(export_markdown(show) == "**Ann:** *one*two\n\n**Bob:** **three**\n");
}
