// Tests of the subtitle layout: text units, cue and line breaking, timing, and every property
// issue 3 §6 asks for on the reference episode (Ship It! #89).
#include <catch2/catch.hpp>

#include <fstream>
#include <limits>
#include <sstream>

#include "castkit_common/subtitle_layout.hpp"
#include "cue_text.hpp"
#include "text_units.hpp"
#ifdef CASTKIT_HAVE_MARKDOWN_READER
#include "markdown_transcript_reader.hpp"
#endif
#ifdef CASTKIT_HAVE_TEXT_PAGE_READER
#include "text_page_reader.hpp"
#endif

using namespace castkit;
using castkit::layout::Options;

namespace {

/// A host that keeps what it is told.
struct RecordingHost : Host {
  std::vector<Diagnostic> reports;
  void report(const Diagnostic& d) override { reports.push_back(d); }
  void log(LogLevel, std::string_view) override {}
  FetchResponse fetch(const FetchRequest&) override { throw std::logic_error("no network"); }
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>&) override { return {}; }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

#ifndef CASTKIT_HAVE_MARKDOWN_READER
// Test-only reader for the Changelog Markdown convention: "**Name:** text" opens a turn,
// "\[mm:ss\]" at the start of a paragraph is its time; backslash escapes are dropped.
Transcript read_changelog_markdown(const std::string& markdown) {
  Transcript transcript;
  std::istringstream lines(markdown);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    Segment segment;
    std::string_view rest = line;
    if (rest.starts_with("**")) {
      const auto close = rest.find(":**");
      segment.speaker = std::string(rest.substr(2, close - 2));
      rest.remove_prefix(close + 3);
      while (rest.starts_with(" ")) rest.remove_prefix(1);
    }
    if (rest.starts_with("\\[") && rest.size() > 3 && rest[2] >= '0' && rest[2] <= '9') {
      const auto close = rest.find("\\]");
      const std::string stamp(rest.substr(2, close - 2));
      int parts[3] = {0, 0, 0}, count = 0;
      for (std::istringstream in(stamp); count < 3 && in >> parts[count]; ++count) in.ignore(1);
      const Millis seconds =
          count == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : parts[0] * 60 + parts[1];
      segment.start = seconds * 1000;
      rest.remove_prefix(close + 2);
    }
    for (char c : rest)
      if (c != '\\') segment.text += c;
    transcript.segments.push_back(std::move(segment));
  }
  return transcript;
}
#endif

// Ship It! #89 as the markdown plugin reads it (or the fallback reader above when that plugin
// is not built), with its last chapter from the episode page.
Episode reference_episode() {
  const std::string markdown = read_file(CASTKIT_TEST_DATA "/pages/transcripts_ship-it-89.md");
  Episode episode;
#ifdef CASTKIT_HAVE_MARKDOWN_READER
  episode.transcript =
      markdown::read_transcript(markdown, markdown::ReadOptions{}, "ship-it-89.md");
#else
  episode.transcript = read_changelog_markdown(markdown);
#endif
  // The page's last chapter, "Outro", starts at 1:02:46 and lasts 0:42: the episode's known end.
  Chapter outro;
  outro.start = (62 * 60 + 46) * 1000;
  outro.end = outro.start + 42 * 1000;
  outro.title = "Outro";
  episode.chapters.push_back(outro);
  return episode;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (auto word : layout::detail::split_words(text)) out.emplace_back(word);
  return out;
}

// The properties every laid-out transcript must have.
void require_well_formed(const std::vector<Segment>& cues, const Options& options) {
  for (std::size_t i = 0; i < cues.size(); ++i) {
    INFO("cue " << i << ": " << cues[i].text);
    REQUIRE(cues[i].start);
    REQUIRE(cues[i].end);
    REQUIRE(*cues[i].end > *cues[i].start);
    REQUIRE(*cues[i].end - *cues[i].start <= options.max_duration);
    if (i > 0) {
      REQUIRE(*cues[i].start > *cues[i - 1].start);
      REQUIRE(*cues[i].start - *cues[i - 1].end >= options.min_gap);
    }
  }
}

}  // namespace

TEST_CASE("characters are code points, not bytes") {
  using layout::detail::count_code_points;
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("h\xC3\xA9llo") == 5);      // é
  CHECK(count_code_points("\xE2\x80\x94") == 1);      // —
  CHECK(count_code_points("\xF0\x9F\x8E\x99") == 1);  // 🎙
  CHECK(count_code_points("\xFF\xC3") == 2);          // invalid bytes count one each
}

TEST_CASE("syllable estimates") {
  using layout::detail::estimate_syllables;
  CHECK(estimate_syllables("cat") == 1);
  CHECK(estimate_syllables("time") == 1);
  CHECK(estimate_syllables("little") == 2);
  CHECK(estimate_syllables("conversation") == 4);
  CHECK(estimate_syllables("Rust,") == 1);
  CHECK(estimate_syllables("100") == 3);
  CHECK(estimate_syllables("--") == 0);
  CHECK(estimate_syllables("\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82") == 2);  // привет
  CHECK(estimate_syllables("\xE6\x97\xA5\xE6\x9C\xAC") == 2);                          // 日本
}

TEST_CASE("break classes: sentence, clause, conjunction, word") {
  using layout::detail::break_class;
  using layout::detail::BreakClass;
  CHECK(break_class("done.", "Then") == BreakClass::sentence);
  CHECK(break_class("really?\"", "he") == BreakClass::sentence);
  CHECK(break_class("said...", "and") == BreakClass::sentence);
  CHECK(break_class("first,", "then") == BreakClass::clause);
  CHECK(break_class("that", "--") == BreakClass::clause);
  CHECK(break_class("apples", "and") == BreakClass::conjunction);
  CHECK(break_class("went", "to") == BreakClass::conjunction);
  CHECK(break_class("big", "house") == BreakClass::word);
}

TEST_CASE("cue text never splits a word and keeps every word in order") {
  Options options;
  const std::string text =
      "I actually don't know whether or not it exceeds the other implementations of the "
      "storage node internal API, or whether or not at least it meets the very high standard, "
      "if you know what I mean. Supercalifragilisticexpialidociousandthensomemorewords is long.";
  const auto cues = layout::detail::split_into_cues(text, options);
  std::vector<std::string> rejoined;
  for (const auto& cue : cues) {
    const auto lines = lines_of(cue.text);
    REQUIRE(lines.size() <= 2);
    for (const auto& line : lines) {
      const auto words = words_of(line);
      if (words.size() > 1) CHECK(layout::detail::count_code_points(line) <= 42);
      rejoined.insert(rejoined.end(), words.begin(), words.end());
    }
  }
  CHECK(rejoined == words_of(text));
}

TEST_CASE("line limits count UTF-8 code points") {
  Options options;
  std::string word = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";  // 5 × é, 10 bytes
  std::string text;
  for (int i = 0; i < 14; ++i) text += (i ? " " : "") + word;  // 14 × 5 + 13 = 83 code points
  const auto cues = layout::detail::split_into_cues(text, options);
  REQUIRE(cues.size() == 1);
  for (const auto& line : lines_of(cues[0].text))
    CHECK(layout::detail::count_code_points(line) <= 42);
  CHECK(cues[0].chars == 83);
}

TEST_CASE("line breaks prefer sentence ends, then clauses, then conjunctions") {
  Options options;
  CHECK(layout::detail::break_into_lines(
            layout::detail::split_words("We shipped it yesterday. The team was really happy "
                                        "about it."),
            options) == "We shipped it yesterday.\nThe team was really happy about it.");
  CHECK(layout::detail::break_into_lines(
            layout::detail::split_words("When the build finished, everybody went home early"),
            options) == "When the build finished,\neverybody went home early");
  CHECK(layout::detail::break_into_lines(
            layout::detail::split_words("The compiler is fast and the binaries are really small"),
            options) == "The compiler is fast\nand the binaries are really small");
  // A lone word on a line loses to a slightly worse break elsewhere.
  CHECK(layout::detail::break_into_lines(
            layout::detail::split_words("where at like the engineering manager level,"), options) ==
        "where at like the\nengineering manager level,");
  CHECK(layout::detail::break_into_lines(layout::detail::split_words("Short text."), options) ==
        "Short text.");
}

TEST_CASE("options come from the subtitles section") {
  ConfigNode root{ConfigNode::Kind::mapping};
  auto scalar = [](std::string text) {
    ConfigNode node{ConfigNode::Kind::scalar};
    node.scalar = std::move(text);
    node.file = "castkit.yaml";
    node.line = 7;
    node.column = 3;
    return node;
  };
  root.members = {{"max_line_chars", scalar("37")},    {"max_lines", scalar("3")},
                  {"min_duration_ms", scalar("1000")}, {"max_duration_ms", scalar("6000")},
                  {"target_cps", scalar("15")},        {"max_cps", scalar("18.5")},
                  {"min_gap_ms", scalar("120")}};
  const Options options = layout::options_from(ConfigView(&root));
  CHECK(options.max_line_chars == 37);
  CHECK(options.max_lines == 3);
  CHECK(options.min_duration == 1000);
  CHECK(options.max_duration == 6000);
  CHECK(options.target_cps == 15);
  CHECK(options.max_cps == 18.5);
  CHECK(options.min_gap == 120);

  const Options defaults = layout::options_from(ConfigView());
  CHECK(defaults.max_line_chars == 42);
  CHECK(defaults.target_cps == 17);

  root.members[0].second = scalar("0");
  try {
    layout::options_from(ConfigView(&root));
    FAIL("max_line_chars 0 accepted");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::usage);
    CHECK(format_diagnostic(error.diagnostic()) ==
          "castkit.yaml:7:3: error: subtitles.max_line_chars must be from 1 to 1000");
  }
  root.members[0].second = scalar("4294967338");  // would wrap to 42 as a 32-bit int
  CHECK_THROWS_WITH(layout::options_from(ConfigView(&root)), Catch::Contains("from 1 to 1000"));
  root.members[0].second = scalar("42");
  root.members[5].second = scalar("10");  // max_cps below target_cps
  CHECK_THROWS_WITH(layout::options_from(ConfigView(&root)),
                    Catch::Contains("max_cps must not be less than subtitles.target_cps"));
  root.members[5].second = scalar("20");
  root.members[0].second = scalar("many");
  CHECK_THROWS_WITH(layout::options_from(ConfigView(&root)), Catch::Contains("integer"));
}

TEST_CASE("command-line options set every subtitles key") {
  std::vector<std::string> keys;
  for (const auto& spec : layout::option_specs()) {
    CHECK(spec.takes_value);
    CHECK(spec.key == "subtitles." + [&] {
      std::string key = spec.name;
      for (char& c : key)
        if (c == '-') c = '_';
      return key;
    }());
    keys.push_back(spec.key.substr(10));
  }
  CHECK(keys == std::vector<std::string>{"max_line_chars", "max_lines", "min_duration_ms",
                                         "max_duration_ms", "target_cps", "max_cps", "min_gap_ms"});
}

TEST_CASE("needs_layout: untimed or paragraph-sized segments") {
  Options options;
  Transcript cues;
  cues.segments.push_back(Segment{1000, 3000, false, "A", "Hello there."});
  CHECK_FALSE(layout::needs_layout(cues, options));
  cues.segments.push_back(Segment{4000, std::nullopt, false, "A", "No end."});
  CHECK(layout::needs_layout(cues, options));
  Transcript long_cue;
  long_cue.segments.push_back(Segment{0, 60000, false, "A", std::string(300, 'a')});
  CHECK(layout::needs_layout(long_cue, options));
  Transcript slow_song;  // a long cue with little text stays as it is
  slow_song.segments.push_back(Segment{0, 9000, false, "", "la la la"});
  CHECK_FALSE(layout::needs_layout(slow_song, options));
}

TEST_CASE("reference episode: every property of readable cues") {
  const Episode episode = reference_episode();
  const Options options;
  RecordingHost host;
  const auto& paragraphs = episode.transcript.segments;
  REQUIRE(paragraphs.size() > 125);
  const auto cues = layout::layout_cues(episode, options, host);
  REQUIRE(cues.size() > paragraphs.size());
  require_well_formed(cues, options);

  SECTION("at most 2 lines of at most 42 characters, no word split, no word lost") {
    std::vector<std::string> all_words;
    for (const auto& cue : cues) {
      const auto lines = lines_of(cue.text);
      REQUIRE(lines.size() <= 2);
      for (const auto& line : lines) {
        CHECK(layout::detail::count_code_points(line) <= 42);
        const auto words = words_of(line);
        all_words.insert(all_words.end(), words.begin(), words.end());
      }
    }
    std::vector<std::string> source_words;
    for (const auto& paragraph : paragraphs) {
      const auto words = words_of(paragraph.text);
      source_words.insert(source_words.end(), words.begin(), words.end());
    }
    CHECK(all_words == source_words);  // so no word was split either
  }

  SECTION("every anchor is exactly the start of its paragraph's first cue, not estimated") {
    std::size_t anchors = 0, cue_index = 0;
    for (const auto& paragraph : paragraphs) {
      const auto expected = layout::detail::split_into_cues(paragraph.text, options).size();
      if (paragraph.start && expected > 0) {
        ++anchors;
        CHECK(*cues[cue_index].start == *paragraph.start);
        CHECK_FALSE(cues[cue_index].estimated);
      }
      cue_index += expected;
    }
    CHECK(anchors == 13);  // 14 anchors; the Break's has no text of its own
    std::size_t exact = 0;
    for (const auto& cue : cues) exact += cue.estimated ? 0 : 1;
    CHECK(exact == anchors + 1);  // and the cue the Break's anchor starts
  }

  SECTION("the Break's time starts the next cue, exactly (an anchored start is not estimated)") {
    const Millis break_time = (36 * 60 + 58) * 1000;
    const auto at_break = std::find_if(
        cues.begin(), cues.end(), [&](const Segment& cue) { return *cue.start == break_time; });
    REQUIRE(at_break != cues.end());
    CHECK_FALSE(at_break->estimated);
    CHECK((at_break + 1)->estimated);
    CHECK(at_break->speaker == "Gerhard Lazu");
  }

  SECTION("a speaker on every cue, a new cue at every speaker change") {
    std::size_t cue_index = 0;
    std::string speaker;
    for (const auto& paragraph : paragraphs) {
      const auto count = layout::detail::split_into_cues(paragraph.text, options).size();
      if (!paragraph.speaker.empty() && count > 0) speaker = paragraph.speaker;
      for (std::size_t k = 0; k < count; ++k) {
        CHECK(!cues[cue_index + k].speaker.empty());
        CHECK(cues[cue_index + k].speaker == speaker);
      }
      // The paragraph's text starts its first cue: a speaker change is always a cue start.
      if (count > 0)
        CHECK(words_of(cues[cue_index].text).front() == words_of(paragraph.text).front());
      cue_index += count;
    }
    CHECK(cue_index == cues.size());
  }

  SECTION("within the episode, reading speed within the ceiling, durations within bounds") {
    CHECK(*cues.back().end <= *episode.chapters.back().end);
    std::size_t too_fast = 0, too_short = 0;
    for (const auto& cue : cues) {
      const double seconds = double(*cue.end - *cue.start) / 1000.0;
      if (double(layout::detail::count_code_points(cue.text)) / seconds > options.max_cps)
        ++too_fast;
      if (*cue.end - *cue.start < options.min_duration) ++too_short;
    }
    // Nothing forces a shorter cue here: the anchors leave room for every cue.
    CHECK(too_short == 0);
    CHECK(too_fast == 0);
    CHECK(host.reports.empty());
  }
}

TEST_CASE("anchors too close for their text degrade with a warning") {
  Episode episode;
  auto& segments = episode.transcript.segments;
  segments.push_back(Segment{0, std::nullopt, false, "A",
                             "This is a fairly long paragraph that needs several cues. It keeps "
                             "going on and on, well past what anyone can read in two seconds."});
  segments.push_back(Segment{2000, std::nullopt, false, "B", "Two seconds later."});
  segments.push_back(Segment{2100, std::nullopt, false, "A", "Far too soon. And more words."});
  segments.push_back(Segment{1500, std::nullopt, false, "B", "Back in time."});
  segments.push_back(Segment{std::nullopt, std::nullopt, false, "", "Same speaker as before."});
  Options options;
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, options, host);
  require_well_formed(cues, options);
  CHECK(*cues[0].start == 0);
  REQUIRE(host.reports.size() >= 2);
  for (const auto& report : host.reports) CHECK(report.severity == Severity::warning);
  auto reported = [&](std::string_view words) {
    return std::any_of(host.reports.begin(), host.reports.end(), [&](const Diagnostic& d) {
      return d.message.find(words) != std::string::npos;
    });
  };
  CHECK(reported("need"));
  CHECK(reported("of \"Back in time.\" is not after the previous time 00:00:02.100"));
  CHECK(cues.back().speaker == "B");
  CHECK(cues.back().estimated);
}

TEST_CASE("after the last anchor: the measured rate, never past the duration") {
  Episode episode;
  auto& segments = episode.transcript.segments;
  const std::string sentence = "Every sentence here takes about the same time to say aloud. ";
  segments.push_back(Segment{0, std::nullopt, false, "A", sentence + sentence});
  segments.push_back(Segment{10000, std::nullopt, false, "B", sentence + sentence});
  segments.push_back(Segment{std::nullopt, std::nullopt, false, "A", sentence + sentence});
  Options options;
  RecordingHost host;
  auto cues = layout::layout_cues(episode, options, host);
  require_well_formed(cues, options);
  // The second and third paragraphs are spoken at the rate of the first: 10 s each.
  CHECK(*cues.back().end > 28000);
  CHECK(*cues.back().end < 31000);
  CHECK(host.reports.empty());

  episode.duration = 25000;
  cues = layout::layout_cues(episode, options, host);
  require_well_formed(cues, options);
  CHECK(*cues.back().end <= 25000);
  CHECK(*cues.back().end > 24000);
}

TEST_CASE("absurd times are ignored with a warning, never overflow") {
  Episode episode;
  auto& segments = episode.transcript.segments;
  const Millis huge = std::numeric_limits<Millis>::max();
  segments.push_back(Segment{1000, huge, false, "A", "Ends at the end of time."});
  segments.push_back(Segment{huge - 5, std::nullopt, false, "A", "Starts there."});
  segments.push_back(Segment{std::numeric_limits<Millis>::min(), 0, false, "B", "Before time."});
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, Options{}, host);
  require_well_formed(cues, Options{});
  CHECK(*cues[0].start == 1000);
  CHECK(host.reports.size() == 2);
}

TEST_CASE("times from segment ends bound their paragraph") {
  Episode episode;
  auto& segments = episode.transcript.segments;
  segments.push_back(Segment{1000, 4000, false, "A", "Short and timed."});
  segments.push_back(Segment{10000, std::nullopt, false, "B", "Later."});
  Options options;
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, options, host);
  REQUIRE(cues.size() == 2);
  CHECK(*cues[0].start == 1000);
  CHECK(*cues[0].end == 4000);
  CHECK(*cues[1].start == 10000);
  CHECK_FALSE(cues[0].estimated);
  CHECK_FALSE(cues[1].estimated);
}

TEST_CASE("an untimed transcript starts at 0 at the default speaking rate") {
  Episode episode;
  episode.transcript.segments.push_back(
      Segment{std::nullopt, std::nullopt, false, "Host", "Welcome to the show."});
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, Options{}, host);
  REQUIRE(cues.size() == 1);
  CHECK(*cues[0].start == 0);
  CHECK(cues[0].estimated);
  CHECK(*cues[0].end - *cues[0].start >= Options{}.min_duration);
}

TEST_CASE("every limit is honoured when configured") {
  Episode episode = reference_episode();
  Options options;
  options.max_line_chars = 32;
  options.max_lines = 1;
  options.max_duration = 5000;
  options.min_gap = 200;
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, options, host);
  require_well_formed(cues, options);
  for (const auto& cue : cues) {
    REQUIRE(lines_of(cue.text).size() == 1);
    if (words_of(cue.text).size() > 1) CHECK(layout::detail::count_code_points(cue.text) <= 32);
  }
}

TEST_CASE("room for a \"Name:\" label where the writer puts one (SRT)") {
  const Episode episode = reference_episode();
  Options options;
  options.speaker_label_in_text = true;
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, options, host);
  require_well_formed(cues, options);
  std::size_t labelled = 0;
  for (std::size_t i = 0; i < cues.size(); ++i) {
    const auto lines = lines_of(cues[i].text);
    REQUIRE(lines.size() <= 2);
    std::string first_line = lines.front();
    if (i == 0 || cues[i].speaker != cues[i - 1].speaker) {
      first_line = cues[i].speaker + ": " + first_line;
      ++labelled;
    }
    INFO(first_line);
    CHECK(layout::detail::count_code_points(first_line) <= 42);
  }
  CHECK(labelled > 100);
}

TEST_CASE("a very long paragraph is laid out block by block, keeping every word") {
  std::string with_sentences, without_sentences;
  for (int i = 0; i < 30000; ++i) {
    with_sentences += "word" + std::to_string(i % 97) + (i % 12 == 11 ? ". " : " ");
    without_sentences += "and" + std::to_string(i % 89) + " ";
  }
  for (const std::string* text : {&with_sentences, &without_sentences}) {
    const auto cues = layout::detail::split_into_cues(*text, Options{});
    std::vector<std::string> rejoined;
    for (const auto& cue : cues) {
      const auto lines = lines_of(cue.text);
      REQUIRE(lines.size() <= 2);
      for (const auto& line : lines) {
        REQUIRE(layout::detail::count_code_points(line) <= 42);
        const auto words = words_of(line);
        rejoined.insert(rejoined.end(), words.begin(), words.end());
      }
    }
    CHECK(rejoined == words_of(*text));
  }
  Episode episode;
  episode.transcript.segments.push_back(Segment{0, std::nullopt, false, "A", with_sentences});
  episode.duration = 3'600'000;
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, Options{}, host);
  require_well_formed(cues, Options{});
  CHECK(*cues.back().end <= 3'600'000);
}

#ifdef CASTKIT_HAVE_TEXT_PAGE_READER
TEST_CASE("reference page rendering: anchors exact, within the last chapter's end") {
  const std::string page = read_file(CASTKIT_TEST_DATA "/pages/000_09b7be0048653942.txt");
  const Episode episode =
      text_page::read_page(page, text_page::ReadOptions{}, "000_09b7be0048653942.txt").episode;
  REQUIRE(episode.chapters.size() == 17);
  const Options options;
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, options, host);
  require_well_formed(cues, options);
  CHECK(host.reports.empty());
  CHECK(*cues.back().end <= *episode.chapters.back().end);
  std::size_t anchors = 0, cue_index = 0;
  for (const auto& paragraph : episode.transcript.segments) {
    const auto count = layout::detail::split_into_cues(paragraph.text, options).size();
    if (paragraph.start && count > 0) {
      ++anchors;
      CHECK(*cues[cue_index].start == *paragraph.start);
      CHECK_FALSE(cues[cue_index].estimated);
    }
    cue_index += count;
  }
  CHECK(anchors == 13);  // the rendering lacks the Break's [36:58]
  for (const auto& cue : cues)
    for (const auto& line : lines_of(cue.text))
      CHECK(layout::detail::count_code_points(line) <= 42);
}
#endif

TEST_CASE("many conflicts give at most 20 warnings and a count of the rest") {
  Episode episode;
  for (int i = 0; i < 50; ++i)  // every anchor 10 ms after the one before: none can be kept
    episode.transcript.segments.push_back(
        Segment{Millis{1000} + (i == 0 ? 0 : 10 * i), std::nullopt, false, "A", "Some words."});
  RecordingHost host;
  const auto cues = layout::layout_cues(episode, Options{}, host);
  require_well_formed(cues, Options{});
  REQUIRE(host.reports.size() == 21);
  CHECK_THAT(host.reports.back().message, Catch::Contains("29 more warning(s)"));
}
