// The text importer on the reference page (Ship It! #89) and on a second page of another shape.
#include <catch2/catch.hpp>

#include "text_test_support.hpp"

using namespace castkit;
using namespace castkit::text_page::test;

namespace {

Millis mmss(int minutes, int seconds) {
  return (minutes * 60 + seconds) * 1000;
}

const char* kReference = "pages/000_09b7be0048653942.txt";

}  // namespace

TEST_CASE("reference page: summary and description from the opening paragraphs") {
  RecordingHost host;
  Show show = import_page(read_test_file(kReference), host);
  REQUIRE(show.episodes.size() == 1);
  const Episode& e = show.episodes[0];
  CHECK(e.summary.starts_with("Tim McNamara is known as New Zealand’s Rust guy."));
  CHECK(e.summary.find("Rust components.") != std::string::npos);
  CHECK(e.summary.find("\n\nThe main reason why Gerhard") != std::string::npos);
  CHECK(e.description.starts_with("<p>Tim McNamara is known"));
  CHECK(e.description.find("</p>\n<p>The main reason") != std::string::npos);
  CHECK(e.title.empty());    // this rendering has no title line
  CHECK(e.persons.empty());  // and its Featuring section is empty
}

TEST_CASE("reference page: sponsors with name, text and the address the text gives") {
  RecordingHost host;
  const Episode e = import_page(read_test_file(kReference), host).episodes.at(0);
  REQUIRE(e.sponsors.size() == 3);
  CHECK(e.sponsors[0].name == "Fastly");
  CHECK(e.sponsors[0].text.starts_with("Our bandwidth partner."));
  CHECK(e.sponsors[0].url == "https://fastly.com");
  CHECK(e.sponsors[1].name == "Fly.io");
  CHECK(e.sponsors[1].text.starts_with("The home of Changelog.com — Deploy"));
  CHECK(e.sponsors[1].url == "https://fly.io/changelog");
  CHECK(e.sponsors[2].name == "Changelog++");
  CHECK(e.sponsors[2].url.empty());  // the rendering gives no address for it
}

TEST_CASE("reference page: the 8 notes (titles only: the rendering has no URLs)") {
  RecordingHost host;
  const Episode e = import_page(read_test_file(kReference), host).episodes.at(0);
  REQUIRE(e.notes.size() == 8);
  CHECK(e.notes[0].title == "📝 Why Discord is Switching from Go to Rust");
  CHECK(e.notes[2].title == "📝 Optimizing 700 CPUs Away With Rust - Alan Ning, SRE at Tenable.io");
  CHECK(e.notes[7].title == "Rust Nation 2023");
  for (const NoteLink& note : e.notes) CHECK(note.url.empty());
}

TEST_CASE("reference page: all 17 chapters, end = start + duration") {
  RecordingHost host;
  const Episode e = import_page(read_test_file(kReference), host).episodes.at(0);
  REQUIRE(e.chapters.size() == 17);
  CHECK(e.chapters[0].title == "Welcome");
  CHECK(e.chapters[0].start == 0);
  CHECK(e.chapters[0].end == mmss(0, 54));
  CHECK(e.chapters[1].title == "Tim McNamara");
  CHECK(e.chapters[1].start == mmss(1, 16));
  CHECK(e.chapters[1].end == mmss(2, 28));
  CHECK(e.chapters[6].title == "Rust is interesting, but does it really make sense for me?");
  CHECK(e.chapters[10].title == "Sponsor: Changelog++");
  CHECK(e.chapters[10].start == mmss(37, 11));
  CHECK(e.chapters[10].end == mmss(38, 10));
  CHECK(e.chapters[15].start == mmss(61, 39));
  CHECK(e.chapters[16].title == "Outro");
  CHECK(e.chapters[16].start == mmss(62, 46));
  CHECK(e.chapters[16].end == mmss(63, 28));
  for (std::size_t i = 1; i < e.chapters.size(); ++i)
    CHECK(e.chapters[i].start >= e.chapters[i - 1].start);
}

TEST_CASE("reference page: transcript paragraphs with the 13 anchors exact, a note on speakers") {
  RecordingHost host;
  const Episode e = import_page(read_test_file(kReference), host).episodes.at(0);
  const auto& segments = e.transcript.segments;
  CHECK(segments.front().text == "Tim. Fourth time lucky.");  // the lead-in line is skipped
  CHECK(segments.back().text == "Take care. Bye-bye.");       // and the closing one too
  std::vector<Millis> anchors;
  for (const Segment& s : segments) {
    CHECK(s.speaker.empty());
    CHECK_FALSE(s.estimated);
    if (s.start) anchors.push_back(*s.start);
  }
  CHECK(anchors == std::vector<Millis>{mmss(5, 56), mmss(10, 17), mmss(14, 14), mmss(18, 3),
                                       mmss(22, 8), mmss(25, 58), mmss(30, 31), mmss(34, 23),
                                       mmss(41, 58), mmss(46, 6), mmss(50, 26), mmss(54, 15),
                                       mmss(57, 38)});
  int inline_times = 0;
  for (const Segment& s : segments) {
    if (s.start == mmss(5, 56)) CHECK(s.text.starts_with("Typically, people"));
    if (s.text.find("[unintelligible 00:") != std::string::npos) ++inline_times;
  }
  CHECK(inline_times == 5);
  // "[laughs] So timClicks ..." starts with a bracket that is not a time: text, no anchor.
  bool laughs = false;
  for (const Segment& s : segments)
    if (s.text.starts_with("[laughs] So timClicks")) laughs = !s.start;
  CHECK(laughs);
  REQUIRE(host.diagnostics.size() == 1);
  CHECK(host.diagnostics[0].severity == Severity::note);
  CHECK(host.diagnostics[0].line == 36);
  CHECK(host.diagnostics[0].message.find("no speaker names") != std::string::npos);
  // Read with another input (the Markdown transcript it asks for), the page does not ask.
  RecordingHost with_company;
  import_page(read_test_file(kReference), with_company, "page.txt", nullptr, 1);
  CHECK(with_company.diagnostics.empty());
}

TEST_CASE("a second page shape: header, roles, URLs, grouped notes, chapters without pipes") {
  RecordingHost host;
  Show show = import_page(read_test_file("pages/text_page_interviews_612.txt"), host);
  CHECK(show.title == "Changelog Interviews");
  const Episode& e = show.episodes.at(0);
  CHECK(e.number == 612);
  CHECK(e.title == "Parsing podcasts for fun and profit");
  CHECK(e.summary.starts_with("Ada Example and Grace Sample join us"));
  CHECK(e.summary.ends_with("the joy of tables rendered as text."));
  REQUIRE(e.persons.size() == 3);
  CHECK(e.persons[0].name == "Ada Example");
  CHECK(e.persons[0].role == "guest");
  CHECK(e.persons[1].name == "Grace Sample");
  CHECK(e.persons[1].role == "guest");
  CHECK(e.persons[2].name == "Jerod Example");
  CHECK(e.persons[2].role == "host");
  REQUIRE(e.sponsors.size() == 3);
  CHECK(e.sponsors[0].url == "https://acme.example.dev/changelog");
  CHECK(e.sponsors[1].name == "Widgets Inc");
  CHECK(e.sponsors[1].url == "https://widgets.example.com/podcast");
  CHECK(e.sponsors[2].name.empty());
  CHECK(e.sponsors[2].text == "Someone wrote this sponsor line without a dash");
  REQUIRE(e.notes.size() == 3);
  CHECK(e.notes[0].title == "Parsing text tables");
  CHECK(e.notes[0].url == "https://example.org/tables");
  CHECK(e.notes[1].title == "🎬 A talk about chapters");
  CHECK(e.notes[1].url.empty());
  CHECK(e.notes[2].title == "The plain text manifesto");
  CHECK(e.notes[2].url == "https://example.net/plain-text");
  REQUIRE(e.chapters.size() == 5);
  CHECK(e.chapters[2].title == "Why text?");
  CHECK(e.chapters[2].start == mmss(3, 30));
  CHECK(e.chapters[2].end == mmss(28, 30));
  CHECK(e.chapters[4].title == "Wrap up");
  CHECK(e.chapters[4].start == mmss(64, 0));
  CHECK(e.chapters[4].end == mmss(64, 59));
  const auto& segments = e.transcript.segments;
  REQUIRE(segments.size() == 5);
  CHECK(segments[0].text == "Welcome back, everyone. Today we are talking about text.");
  CHECK(segments[2].start == mmss(3, 30));
  CHECK(segments[2].text ==
        "So why text? Because everything can read it [inaudible 00:03:41.50] and it lasts.");
  CHECK(segments[4].start == mmss(64, 2));
  REQUIRE(host.diagnostics.size() == 1);
  CHECK(host.diagnostics[0].line == 43);
}

TEST_CASE("probe: the page structure is recognised with a modest confidence") {
  auto probe = text_page::importer_spec().probe;
  std::string page = read_test_file(kReference);
  Confidence confidence = probe(Input{"x", page, "", "", ""});
  CHECK(confidence > 0);
  CHECK(confidence < 50);
  CHECK(probe(Input{"x", "Just a note.\nChapters\nnothing else\n", "", "", ""}) == 0);
  CHECK(probe(Input{"x", "", "", "", ""}) == 0);
}

TEST_CASE("a Featuring heading above the summary: sentences there are the summary") {
  RecordingHost host;
  Show show = import_page(
      "Changelog Interviews – Episode #520\nState of the log\nwith Adam & Jerod\nFeaturing\n"
      "All Episodes\nOur 5th annual year-end wrap-up episode! Sit back, relax and join us.\n"
      "Featuring\nAdam Example – Host\nNotes & Links\n- A note\n",
      host);
  const Episode& e = show.episodes.at(0);
  CHECK(e.title == "State of the log");
  CHECK(e.summary == "Our 5th annual year-end wrap-up episode! Sit back, relax and join us.");
  REQUIRE(e.persons.size() == 1);
  CHECK(e.persons[0].name == "Adam Example");
  CHECK(e.notes.size() == 1);
}
