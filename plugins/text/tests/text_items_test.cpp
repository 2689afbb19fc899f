// The line parsers behind the text importer: chapter rows, people, sponsors, notes, headings.
#include <catch2/catch.hpp>

#include "page_items.hpp"
#include "page_sections.hpp"

using namespace castkit;
using namespace castkit::text_page;

TEST_CASE("chapter rows: piped, spaced, with and without number and duration") {
  auto piped = parse_chapter_row("16 | 1:01:39 | Wrap up | 01:05 |");
  REQUIRE(piped);
  CHECK(piped->start == 3699000);
  CHECK(piped->end == 3764000);
  CHECK(piped->title == "Wrap up");
  auto spaced = parse_chapter_row("3  05:13   Intro to   Katherine 00:45");
  REQUIRE(spaced);
  CHECK(spaced->start == 313000);
  CHECK(spaced->end == 358000);
  CHECK(spaced->title == "Intro to   Katherine");
  auto bare = parse_chapter_row("00:54 Sponsor: Synadia");
  REQUIRE(bare);
  CHECK(bare->start == 54000);
  CHECK_FALSE(bare->end);
  CHECK(bare->title == "Sponsor: Synadia");
  auto numbered_title = parse_chapter_row("23 | 1:14:14 | Must-listen! Ship It! #62 | 00:12 |");
  REQUIRE(numbered_title);
  CHECK(numbered_title->title == "Must-listen! Ship It! #62");
  CHECK_FALSE(parse_chapter_row(
      "Chapter Number | Chapter Start Time | Chapter Title | Chapter Duration |"));
  CHECK_FALSE(parse_chapter_row("1 | 00:00 |"));
  CHECK_FALSE(parse_chapter_row("Welcome 00:00 Intro"));  // text first: not a row
  CHECK_FALSE(parse_chapter_row("1 | 99:99 | Bad time | 00:10 |"));
}

TEST_CASE("people: names, roles and links") {
  auto plain = parse_person("Tim McNamara");
  REQUIRE(plain);
  CHECK(plain->name == "Tim McNamara");
  CHECK(plain->role.empty());
  auto linked = parse_person("Gerhard Lazu – Host – https://gerhard.io");
  REQUIRE(linked);
  CHECK(linked->role == "host");
  CHECK(linked->href == "https://gerhard.io");
  auto cohost = parse_person("Jerod Santo (co-host)");
  REQUIRE(cohost);
  CHECK(cohost->name == "Jerod Santo");
  CHECK(cohost->role == "co-host");
  auto not_a_role = parse_person("Ghostly Hostname – Website");
  REQUIRE(not_a_role);
  CHECK(not_a_role->role.empty());
}

TEST_CASE("sponsors: explicit URLs win, call-to-action addresses need a known domain") {
  CHECK(parse_sponsor("A – text https://a.example.com/x, more").url == "https://a.example.com/x");
  CHECK(parse_sponsor("B – Learn more at b.io.").url == "https://b.io");
  CHECK(parse_sponsor("C – Written in Node.js at scale").url.empty());
  CHECK(parse_sponsor("D – Tenable.io uses it").url.empty());  // no call to action
}

TEST_CASE("notes: items with URLs, group headings skipped, plain lines without bullets") {
  std::vector<Line> grouped{{"Favs:", 1}, {"- One https://one.example", 2}, {"* Two", 3}};
  auto notes = parse_notes(grouped);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].title == "One");
  CHECK(notes[0].url == "https://one.example");
  CHECK(notes[1].title == "Two");
  std::vector<Line> plain{{"First link", 1}, {"Second link (https://two.example)", 2}};
  notes = parse_notes(plain);
  REQUIRE(notes.size() == 2);
  CHECK(notes[1].title == "Second link");
  CHECK(notes[1].url == "https://two.example");
}

TEST_CASE("headings: the section names, any case, an optional colon, nothing after Transcript") {
  CHECK(heading_kind("Notes & Links") == SectionKind::notes);
  CHECK(heading_kind("CHAPTERS:") == SectionKind::chapters);
  CHECK_FALSE(heading_kind("Chapters and more"));
  std::vector<Line> lines{{"Summary", 1}, {"Transcript", 2}, {"Chapters", 3}, {"text", 4}};
  PageSections page = split_sections(lines);
  REQUIRE(page.sections.size() == 1);
  CHECK(page.sections[0].lines.size() == 2);
  CHECK(page.opening.size() == 1);
}
