// Transcript merge: a transcript without speakers (a page rendering) and the same transcript with
// speakers (the episode's Markdown) become one, aligned by normalised paragraph text.
#include <catch2/catch.hpp>

#include "model_merge.hpp"

using namespace castkit;
using namespace castkit::host;

namespace {

Segment paragraph(std::string text, std::string speaker = {},
                  std::optional<Millis> start = std::nullopt) {
  Segment s;
  s.text = std::move(text);
  s.speaker = std::move(speaker);
  s.start = start;
  return s;
}

Segment pause(Millis start) {
  Segment s;
  s.start = start;
  s.ext["markdown.break"] = Value(true);
  return s;
}

}  // namespace

TEST_CASE("speakers come from the later transcript, the page's text and times stay") {
  Transcript page;
  page.segments = {paragraph("Tim. Fourth time lucky."),
                   paragraph("I’m so sorry, Gerhard… But now I’m here – like, my time is yours."),
                   paragraph("Typically, people are very understanding.", "", 356000),
                   paragraph("Right. [laughs]")};
  Transcript markdown;
  markdown.segments = {
      paragraph("Tim. Fourth time lucky.", "Gerhard Lazu"),
      paragraph("I'm so sorry, Gerhard... But now I'm here -- like, my time is yours.",
                "Tim McNamara"),
      paragraph("Typically, people are very understanding.", "Tim McNamara", 356000),
      pause(2218000), paragraph("Right. \\[laughs\\]", "Gerhard Lazu", 2518000)};
  merge_transcript(page, std::move(markdown));
  const auto& s = page.segments;
  REQUIRE(s.size() == 5);
  CHECK(s[0].speaker == "Gerhard Lazu");
  CHECK(s[1].speaker == "Tim McNamara");
  CHECK(s[1].text == "I’m so sorry, Gerhard… But now I’m here – like, my time is yours.");
  CHECK(s[2].start == 356000);
  CHECK(s[3].ext.count("markdown.break") == 1);  // only the Markdown has the break: inserted
  CHECK(s[3].start == 2218000);
  CHECK(s[4].speaker == "Gerhard Lazu");
  CHECK(s[4].text == "Right. [laughs]");
  CHECK(s[4].start == 2518000);  // an exact time fills a missing one
}

TEST_CASE("exact times replace estimated ones, exact times of the first input win") {
  Transcript first;
  first.segments = {paragraph("One two three.", "", 1000), paragraph("Four five six.", "", 5000)};
  first.segments[0].estimated = true;
  Transcript second;
  second.segments = {paragraph("One two three.", "Ann", 1500),
                     paragraph("Four five six.", "Bob", 4000)};
  merge_transcript(first, std::move(second));
  CHECK(first.segments[0].start == 1500);
  CHECK_FALSE(first.segments[0].estimated);
  CHECK(first.segments[1].start == 5000);
  CHECK(first.segments[1].speaker == "Bob");
}

TEST_CASE("lines only the first input has stay in place without a speaker") {
  Transcript first;
  first.segments = {paragraph("Play the audio."), paragraph("Hello there, everyone."),
                    paragraph("Hi.")};
  Transcript second;
  second.segments = {paragraph("Hello there, everyone.", "Ann"), paragraph("Hi.", "Bob")};
  merge_transcript(first, std::move(second));
  REQUIRE(first.segments.size() == 3);
  CHECK(first.segments[0].speaker.empty());
  CHECK(first.segments[1].speaker == "Ann");
  CHECK(first.segments[2].speaker == "Bob");
}

TEST_CASE("a paragraph edited in the middle still aligns by its start and end") {
  Transcript first;
  first.segments = {
      paragraph("This sentence is long enough to compare and it was edited here, "
                "but it ends the same way as before.")};
  Transcript second;
  second.segments = {
      paragraph("This sentence is long enough to compare and it was changed a bit, "
                "but it ends the same way as before.",
                "Ann")};
  merge_transcript(first, std::move(second));
  CHECK(first.segments[0].speaker == "Ann");
}

TEST_CASE("when the first input has speakers, or the texts differ, the first transcript stays") {
  Transcript labelled;
  labelled.segments = {paragraph("Hello.", "Ann")};
  Transcript other;
  other.segments = {paragraph("Hello.", "Bob"), paragraph("Extra.", "Bob")};
  merge_transcript(labelled, std::move(other));
  REQUIRE(labelled.segments.size() == 1);
  CHECK(labelled.segments[0].speaker == "Ann");

  Transcript page;
  page.segments = {paragraph("Completely different words."), paragraph("Nothing alike.")};
  Transcript unrelated;
  unrelated.segments = {paragraph("Another episode entirely.", "Ann"),
                        paragraph("With other paragraphs.", "Bob")};
  merge_transcript(page, std::move(unrelated));
  REQUIRE(page.segments.size() == 2);
  CHECK(page.segments[0].speaker.empty());
}

TEST_CASE("an empty transcript takes the other one") {
  Transcript empty;
  Transcript full;
  full.language = "en";
  full.segments = {paragraph("Hi.", "Ann")};
  merge_transcript(empty, std::move(full));
  CHECK(empty.segments.size() == 1);
  CHECK(empty.language == "en");
  Transcript kept;
  kept.segments = {paragraph("Kept.")};
  merge_transcript(kept, Transcript{});
  CHECK(kept.segments.size() == 1);
}

TEST_CASE("a paragraph the page splits at a line break keeps its speaker on both lines") {
  Transcript page;
  page.segments = {paragraph("We need to bring them closer to you."),
                   paragraph("So Fastly and DNS is three milliseconds flat for me."),
                   paragraph("Now, Alan from Tenable.")};
  Transcript markdown;
  markdown.segments = {
      paragraph("We need to bring them closer to you.\nSo Fastly and DNS is three milliseconds "
                "flat for me.",
                "Gerhard Lazu"),
      paragraph("Now, Alan from Tenable.", "Gerhard Lazu")};
  merge_transcript(page, std::move(markdown));
  REQUIRE(page.segments.size() == 3);
  for (const Segment& s : page.segments) CHECK(s.speaker == "Gerhard Lazu");
}
