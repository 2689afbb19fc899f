// The markdown importer on the four Changelog transcripts in tests/data and on small cases.
#include <catch2/catch.hpp>

#include "markdown_test_support.hpp"

using namespace castkit;
using namespace castkit::markdown::test;

namespace {

const Transcript& transcript_of(const Show& show) {
  return show.episodes.at(0).transcript;
}

std::vector<Millis> anchors(const Transcript& transcript) {
  std::vector<Millis> out;
  for (const Segment& segment : transcript.segments)
    if (segment.start) out.push_back(*segment.start);
  return out;
}

Millis mmss(int minutes, int seconds) {
  return (minutes * 60 + seconds) * 1000;
}

}  // namespace

TEST_CASE("ship-it-89: 125 turns, the right speakers and all 14 anchors exact") {
  Show show = import_markdown(read_test_file("pages/transcripts_ship-it-89.md"));
  const Transcript& t = transcript_of(show);
  CHECK(count_turns(t, "Gerhard Lazu") == 62);
  CHECK(count_turns(t, "Tim McNamara") == 62);
  CHECK(count_turns(t, "Break") == 1);
  CHECK(anchors(t) == std::vector<Millis>{mmss(5, 56), mmss(10, 17), mmss(14, 14), mmss(18, 3),
                                          mmss(22, 8), mmss(25, 58), mmss(30, 31), mmss(34, 23),
                                          mmss(36, 58), mmss(41, 58), mmss(46, 6), mmss(50, 26),
                                          mmss(54, 15), mmss(57, 38)});
  for (const Segment& segment : t.segments) CHECK_FALSE(segment.estimated);
  REQUIRE(t.segments.size() > 2);
  CHECK(t.segments[0].speaker == "Gerhard Lazu");
  CHECK(t.segments[0].text == "Tim. Fourth time lucky.");
  CHECK(t.segments[0].html.empty());
  // Smart punctuation, as changelog.com renders: ' -> ’, ... -> …, -- -> –.
  CHECK(t.segments[1].text.starts_with("I’m so sorry, Gerhard."));
  CHECK(t.segments[1].text.find("third time… But now I’m here, and I want to know that – like") !=
        std::string::npos);
}

TEST_CASE("ship-it-89: a paragraph-initial anchor is removed from the text, inline times stay") {
  Show show = import_markdown(read_test_file("pages/transcripts_ship-it-89.md"));
  const Transcript& t = transcript_of(show);
  auto at = [&](Millis start) -> const Segment& {
    for (const Segment& s : t.segments)
      if (s.start == start) return s;
    FAIL("no segment at " << start);
    throw;
  };
  CHECK(at(mmss(5, 56)).text.starts_with("Typically, people are very understanding"));
  CHECK(at(mmss(5, 56)).speaker == "Tim McNamara");  // a continuation paragraph of Tim's turn
  CHECK(at(mmss(25, 58)).text == "Oh, yeah.");       // the anchor right after the label
  CHECK(at(mmss(25, 58)).speaker == "Gerhard Lazu");
  const Segment& pause = at(mmss(36, 58));
  CHECK(pause.ext.count("markdown.break") == 1);
  CHECK(pause.speaker.empty());
  CHECK(pause.text.empty());
  int inline_times = 0;
  for (const Segment& s : t.segments)
    if (s.text.find("[unintelligible 00:") != std::string::npos) ++inline_times;
  CHECK(inline_times == 5);
}

TEST_CASE("changelog-news-36: labels alone on their line, breaks without time, links, code") {
  Show show = import_markdown(read_test_file("pages/transcripts_changelog-news-36.md"));
  const Transcript& t = transcript_of(show);
  CHECK(count_turns(t, "Jerod Santo") == 5);
  CHECK(count_turns(t, "The Goonies") == 1);
  CHECK(count_turns(t, "Break") == 3);
  CHECK(anchors(t).empty());
  REQUIRE(t.segments.size() >= 2);
  CHECK(t.segments[0].speaker == "Jerod Santo");
  CHECK(t.segments[0].text.starts_with("What up, nerds?"));
  CHECK(t.segments[1].speaker == "Jerod Santo");  // continues the turn
  CHECK(t.segments[1].text == "Let’s do it.");
  bool saw_goonies = false, saw_code = false;
  for (const Segment& s : t.segments) {
    if (s.speaker == "The Goonies") {
      saw_goonies = true;
      CHECK(s.text == "This is our time. Our time down here.");
      CHECK(s.html ==
            "<a href=\"https://www.youtube.com/watch?v=sWrUYfkW3GI\">This is our time. Our time "
            "down here.</a>");
    }
    if (s.text.find("between musl, which Alpine uses") != std::string::npos) {
      saw_code = true;
      CHECK(s.html.find("<code>musl</code>") != std::string::npos);
    }
  }
  CHECK(saw_goonies);
  CHECK(saw_code);
}

TEST_CASE("go-time-bonus-77: three speakers, a dotted name, links and emphasis as plain text") {
  Show show = import_markdown(read_test_file("pages/transcripts_go-time-bonus-77.md"));
  const Transcript& t = transcript_of(show);
  CHECK(count_turns(t, "Adam Stacoviak") == 3);
  CHECK(count_turns(t, "Russ Cox") == 4);
  CHECK(count_turns(t, "Erik St. Martin") == 1);
  CHECK(t.segments.size() == 8);
  CHECK(t.segments[0].text.starts_with("How closely did we touch WASM on the show?"));
  CHECK(t.segments[0].html.starts_with(
      "How closely did we touch <a href=\"http://webassembly.org/\">WASM</a> on the show?"));
  const Segment& last = t.segments.back();
  CHECK(last.text.find("[laughter]\nEverything has to compile") != std::string::npos);
  CHECK(last.text.find("like VisualJ or something") != std::string::npos);
  CHECK(last.html.find("<em>VisualJ</em>") != std::string::npos);
  CHECK(last.html.find("[laughter]<br />\nEverything") != std::string::npos);
}

TEST_CASE("friends-plusplus: 69 quick turns, a time in the middle of a paragraph stays text") {
  Show show =
      import_markdown(read_test_file("pages/transcripts_changelog--friends-plusplus-ato-2024.md"));
  const Transcript& t = transcript_of(show);
  CHECK(count_turns(t, "Adam Stacoviak") == 35);
  CHECK(count_turns(t, "Jerod Santo") == 34);
  CHECK(t.segments.size() == 69);
  CHECK(anchors(t).empty());
  bool found = false;
  for (const Segment& s : t.segments)
    if (s.text == "Hello? DEF? Are you making fun of [03:32] on this podcast?") found = true;
  CHECK(found);
}

TEST_CASE("anchors: escaped or not, mm:ss, hh:mm:ss and hh:mm:ss.ff") {
  Show show = import_markdown(
      "Lead-in text before any label.\n\n"
      "**Ann:** [01:02] one\n\n"
      "\\[01:02:03\\] two\n\n"
      "**Bob:**\n\\[00:15:51.20\\] three\n\n"
      "**Break:** \\[1:00:00\\]\n\n"
      "**Bob:** four [02:00] stays\n\n"
      "**Bob:** five, a new turn of the same speaker\n\n"
      "[not a time] six\n");
  const auto& s = transcript_of(show).segments;
  REQUIRE(s.size() == 8);
  CHECK(s[0].speaker.empty());
  CHECK(s[0].text == "Lead-in text before any label.");
  CHECK(s[1].speaker == "Ann");
  CHECK(s[1].start == mmss(1, 2));
  CHECK(s[1].text == "one");
  CHECK(s[2].speaker == "Ann");
  CHECK(s[2].start == 3723000);
  CHECK(s[2].text == "two");
  CHECK(s[3].speaker == "Bob");
  CHECK(s[3].start == 951200);
  CHECK(s[3].text == "three");
  CHECK(s[4].ext.count("markdown.break") == 1);
  CHECK(s[4].start == 3600000);
  CHECK(s[5].text == "four [02:00] stays");
  CHECK_FALSE(s[5].start);
  CHECK(s[5].ext.count("markdown.new_turn") == 0);
  CHECK(s[6].speaker == "Bob");
  CHECK(s[6].ext.count("markdown.new_turn") == 1);
  CHECK(s[6].text == "five, a new turn of the same speaker");
  CHECK(s[7].speaker == "Bob");
  CHECK_FALSE(s[7].start);
  CHECK(s[7].text == "[not a time] six");
}

TEST_CASE("smart punctuation can be turned off") {
  ConfigNode options;
  options.kind = ConfigNode::Kind::mapping;
  ConfigNode off;
  off.kind = ConfigNode::Kind::scalar;
  off.scalar = "false";
  options.members.emplace_back("smart", off);
  Show show = import_markdown("**Ann:** It's -- \"quoted\"...\n", &options);
  CHECK(transcript_of(show).segments.at(0).text == "It's -- \"quoted\"...");
  Show smart = import_markdown("**Ann:** It's -- \"quoted\"...\n");
  CHECK(transcript_of(smart).segments.at(0).text == "It’s – “quoted”…");
}

TEST_CASE("probe: labelled transcripts are recognised, other text is not") {
  auto probe = markdown::importer_spec().probe;
  std::string ship = read_test_file("pages/transcripts_ship-it-89.md");
  CHECK(probe(Input{"a.md", ship, "", "", ""}) >= 50);
  CHECK(probe(Input{"a.txt", "Just some text.\nNothing else.\n", "", "", ""}) == 0);
  Confidence by_name = probe(Input{"notes.md", "Just some text.\n", "", "", ""});
  CHECK(by_name > 0);
  CHECK(by_name < 35);
  CHECK(probe(Input{"x.md", std::string("\0\1", 2), "", "", ""}) == 0);
}

TEST_CASE("YAML front matter is skipped, a lone --- line is Markdown") {
  Show show = import_markdown("---\ntitle: Episode 1\ndate: 2024-01-01\n---\n\n**Ann:** Hi.\n");
  const auto& s = show.episodes.at(0).transcript.segments;
  REQUIRE(s.size() == 1);
  CHECK(s[0].text == "Hi.");
  Show unclosed = import_markdown("---\n**Ann:** Hi.\n");
  CHECK(unclosed.episodes.at(0).transcript.segments.at(0).speaker == "Ann");
  Show rules = import_markdown("---\n\n**Ann:** Hi.\n\n---\n\n**Bob:** Bye.\n");
  CHECK(rules.episodes.at(0).transcript.segments.size() == 2);
  Show syntax = import_markdown(read_test_file("pages/syntax_show_900.md"));
  CHECK(syntax.episodes.at(0).transcript.segments.at(0).text.starts_with("Wes and Scott talk"));
}
