#include <catch2/catch.hpp>

#include "castkit/diagnostics.hpp"
#include "rss_lint.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::rss::test;

namespace {
struct LintResult {
  int errors;
  RecordingHost host;
  bool has(Severity severity, std::string_view needle, std::uint32_t line = 0) const {
    for (const auto& d : host.diagnostics)
      if (d.severity == severity && d.message.find(needle) != std::string::npos &&
          (line == 0 || d.line == line))
        return true;
    return false;
  }
};

LintResult lint(const std::string& feed) {
  LintResult result{0, {}};
  Input input{"feed.xml", feed, {}, {}, {}};
  result.errors = rss::lint_feed(input, result.host);
  return result;
}

const char* good_feed = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Show</title><description>About</description><language>en</language>
<atom:link href="https://podnews.net/rss" rel="self" type="application/rss+xml"/>
<itunes:image href="https://example.com/a.jpg"/><itunes:category text="Technology"/>
<itunes:explicit>false</itunes:explicit><itunes:owner><itunes:email>a@example.com</itunes:email></itunes:owner>
<podcast:guid>9b024349-ccf0-5f69-a609-6b82873eab3c</podcast:guid>
<item><title>E</title><guid>e1</guid><pubDate>Fri, 09 Oct 2020 04:30:38 +0000</pubDate>
<enclosure url="https://example.com/e.mp3" length="1" type="audio/mpeg"/>
<podcast:person role="host">Ann</podcast:person>
</item>
</channel></rss>
)";
}  // namespace

TEST_CASE("a complete feed has no findings") {
  LintResult result = lint(good_feed);
  CHECK(result.errors == 0);
  CHECK(result.host.diagnostics.empty());
}

TEST_CASE("castkit's own output passes lint without errors") {
  Show show = import_feed(good_feed);
  LintResult result = lint(export_feed(show));
  CHECK(result.errors == 0);
}

TEST_CASE("findings carry lines and the right severity") {
  std::string feed = good_feed;
  auto replace = [&](std::string_view from, std::string_view to) {
    feed.replace(feed.find(from), from.size(), to);
  };
  replace("<podcast:guid>9b024349-ccf0-5f69-a609-6b82873eab3c",
          "<podcast:guid>y0ur-gu1d-g035-h3r3");
  replace("role=\"host\"", "role=\"Hostess\"");
  replace("<itunes:explicit>false", "<itunes:explicit>yes");
  replace("<enclosure url=\"https://example.com/e.mp3\" length=\"1\"",
          "<enclosure url=\"ftp://example.com/e.mp3\"");
  replace("</item>",
          "<itunes:episode>0</itunes:episode><podcast:chapters url=\"https://e.com/c.json\" "
          "type=\"application/json\"/>"
          "<podcast:soundbite startTime=\"x\" "
          "duration=\"1\"/></item><item><title>F</title><guid>e1</guid>"
          "<enclosure url=\"https://example.com/f.mp3\" length=\"1\" type=\"audio/mpeg\"/></item>");
  replace("<title>Show</title>", "<title>Show</title><podcast:funding url=\"https://e.com\">" +
                                     std::string(129, 'x') +
                                     "</podcast:funding><podcast:medium>radio</podcast:medium>");
  LintResult result = lint(feed);
  CHECK(result.has(Severity::error, "is not a UUID", 8));
  for (const auto& d : result.host.diagnostics)
    if (d.message.find("is not a UUID") != std::string::npos) CHECK(d.column == 1);  // at its '<'

  CHECK(result.has(Severity::warning, "\"Hostess\" is not in the Podcasting 2.0 taxonomy", 11));
  CHECK(result.has(Severity::warning, "itunes:explicit \"yes\""));
  CHECK(result.has(Severity::error, "needs a length attribute"));
  CHECK(result.has(Severity::error, "is not an http(s) URL"));
  CHECK(result.has(Severity::error, "<itunes:episode> must be a positive integer"));
  CHECK(result.has(Severity::warning, "application/json+chapters"));
  CHECK(result.has(Severity::error, "podcast:soundbite startTime"));
  CHECK(result.has(Severity::error, "guid \"e1\" is used by an earlier item"));
  CHECK(result.has(Severity::error, "the limit is 128"));
  CHECK(result.has(Severity::error, "podcast:medium \"radio\""));
  CHECK(result.errors == result.host.count(Severity::error));
  CHECK(result.errors >= 8);
}

TEST_CASE("missing Apple requirements and broken XML") {
  LintResult bare = lint("<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
  CHECK(bare.has(Severity::error, "needs a <description>"));
  CHECK(bare.has(Severity::error, "itunes:image"));
  CHECK(bare.has(Severity::error, "itunes:category"));
  CHECK(bare.has(Severity::error, "itunes:explicit"));
  LintResult broken = lint("<rss version=\"2.0\">\n<channel>\n<title>T</channel>");
  CHECK(broken.errors == 1);
  CHECK(broken.has(Severity::error, "not well-formed XML", 3));
}

TEST_CASE("the spec example: placeholder guid and old-style chapters type") {
  LintResult result = lint(read_data("rss/pc20-spec-example.xml"));
  CHECK(result.has(Severity::error, "\"y0ur-gu1d-g035-h3r3\" is not a UUID"));
  CHECK(result.has(Severity::warning, "podcast:chapters type \"application/json\""));
  LintResult alt = lint(read_data("rss/partytime-example-alt-ns.xml"));
  CHECK(alt.has(Severity::warning, "old URI"));
}

TEST_CASE("lint survives deep nesting and binary input") {
  std::string deep = "<rss version=\"2.0\"><channel><title>T</title><item>";
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  deep += "</item></channel></rss>";
  LintResult nested = lint(deep);
  CHECK(nested.has(Severity::error, "an item needs a <title>"));
  std::string binary;
  for (int i = 0; i < 2048; ++i) binary += static_cast<char>((i * 131) % 256);
  LintResult garbage = lint(binary);
  CHECK(garbage.errors == 1);
}

TEST_CASE("Apple categories and subcategories") {
  std::string feed = good_feed;
  feed.replace(
      feed.find("<itunes:category text=\"Technology\"/>"), 36,
      "<itunes:category text=\"Games &amp; Hobbies\"/><itunes:category text=\"News\">"
      "<itunes:category text=\"Tech News\"/><itunes:category text=\"Gadgets\"/></itunes:category>");
  LintResult result = lint(feed);
  CHECK(result.has(Severity::warning, "\"Games & Hobbies\" is not one of Apple's categories"));
  CHECK(
      result.has(Severity::warning, "\"Gadgets\" is not one of Apple's subcategories of \"News\""));
  CHECK_FALSE(result.has(Severity::warning, "Tech News"));
  CHECK(result.errors == 0);
}
