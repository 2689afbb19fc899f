// transcript-html: the Podcasting 2.0 example (golden), escaping, round trips and bad input.
#include <catch2/catch.hpp>

#include "html_transcript_reader.hpp"
#include "html_transcript_writer.hpp"
#include "test_host.hpp"
#include "transcript_formats.hpp"

using namespace castkit;
using namespace castkit::transcript;
using castkit::transcript::testing::RecordingHost;

namespace {

std::string write(const Transcript& transcript, HtmlOptions options = {}) {
  std::string out;
  write_html_transcript(transcript, options, out);
  return out;
}

std::string read_error(std::string_view bytes) {
  RecordingHost host;
  Input input{"bad.html", bytes};
  Context context{host, ConfigView(), ConfigView()};
  Show show;
  try {
    html_importer_spec().create()->read(input, show, context);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    return format_diagnostic(error.diagnostic());
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("transcript-html: the Podcasting 2.0 example") {
  RecordingHost host;
  const std::string bytes =
      testing::read_file(testing::data_path("pages/podcastindex_transcript_example.html"));
  CHECK(html_importer_spec().probe(Input{"x.html", bytes}) >= 80);
  const Transcript transcript = read_html_transcript(bytes, "example.html", host);
  CHECK(host.reports.empty());
  REQUIRE(transcript.segments.size() == 10);
  const auto& first = transcript.segments.front();
  CHECK(first.speaker == "Travis");
  CHECK(first.start == 0);
  CHECK(first.text.starts_with("When you first get started in podcasting, it's almost"));
  CHECK(first.text.ends_with("reach your goals, that much faster"));
  CHECK(transcript.segments[1].speaker == "Sarah");
  CHECK(transcript.segments[1].start == 53000);
  CHECK(transcript.segments[2].start == 102000);
  CHECK(transcript.segments[3].speaker == "Gilon");
  CHECK(transcript.segments.back().start == 691000);  // 11:31
  for (const auto& segment : transcript.segments) {
    CHECK_FALSE(segment.end);
    CHECK(segment.text.find("&#39;") == std::string::npos);
    CHECK(segment.text.find('\n') == std::string::npos);
  }

  SECTION("golden output") {
    CHECK(write(transcript) ==
          testing::read_file(testing::golden_path("podcastindex_transcript_example.html")));
  }
  SECTION("round trip: write, read again, same transcript") {
    const std::string out = write(transcript);
    CHECK(read_html_transcript(out, "out.html", host) == transcript);
  }
}

TEST_CASE("transcript-html: escaping, line breaks and exact times survive") {
  Transcript transcript;
  transcript.segments.push_back(
      Segment{1250, std::nullopt, false, "Ann <host> & \"co\"", "if a < b && c > d then \"ok\""});
  transcript.segments.push_back(
      Segment{3723004, std::nullopt, false, "Ann <host> & \"co\"", "line one\nline two"});
  transcript.segments.push_back(
      Segment{std::nullopt, std::nullopt, false, "Bob", "<script>alert(1)</script>"});
  const std::string out = write(transcript);
  CHECK(out.find("<script>") == std::string::npos);
  CHECK_THAT(out, Catch::Contains("<cite>Ann &lt;host&gt; &amp; &quot;co&quot;:</cite>"));
  CHECK_THAT(out, Catch::Contains("<time datetime=\"PT1.25S\">0:01</time>"));
  CHECK_THAT(out, Catch::Contains("<time datetime=\"PT1H2M3.004S\">1:02:03</time>"));
  CHECK_THAT(out, Catch::Contains("<p>line one<br>line two</p>"));
  CHECK(out.find("<cite>Ann") == out.rfind("<cite>Ann"));  // one label per change of speaker
  RecordingHost host;
  CHECK(read_html_transcript(out, "out.html", host) == transcript);
}

TEST_CASE("transcript-html: a whole document when asked") {
  Transcript transcript;
  transcript.language = "en";
  transcript.segments.push_back(Segment{0, std::nullopt, false, "A", "Hi."});
  const std::string out = write(transcript, HtmlOptions{true, "Ep <1>", "en"});
  CHECK(out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
  CHECK_THAT(out, Catch::Contains("<title>Ep &lt;1&gt;</title>"));
  RecordingHost host;
  const Transcript back = read_html_transcript(out, "doc.html", host);
  REQUIRE(back.segments.size() == 1);
  CHECK(back.segments[0].text == "Hi.");
}

TEST_CASE("transcript-html: lenient reading of real-world markup") {
  RecordingHost host;
  const std::string html =
      "<html><head><title>t</title><style>p{}</style></head><body>\n"
      "<div class=t><cite>Dr. Who :</cite> <time>soon</time>\n"
      "<p>  Hello,\n   <b>world</b>&nbsp;&amp; caf&eacute;  </p>\n"
      "<p>Continued <a href='#'>turn</a>.<script>var x = '<p>no</p>';</script></p>\n"
      "<cite>Amy:</cite><time>1:00</time><p>Unclosed paragraph\n"
      "<div><cite>Rory:</cite><p>last</div>";  // <div> closes the open <p>
  const Transcript transcript = read_html_transcript(html, "page.html", host);
  REQUIRE(transcript.segments.size() == 4);
  CHECK(transcript.segments[0].speaker == "Dr. Who");
  CHECK(transcript.segments[0].text == "Hello, world\xC2\xA0& caf\xC3\xA9");
  CHECK_FALSE(transcript.segments[0].start);
  CHECK(transcript.segments[1].speaker == "Dr. Who");
  CHECK(transcript.segments[1].text == "Continued turn.");
  CHECK(transcript.segments[2].speaker == "Amy");
  CHECK(transcript.segments[2].start == 60000);
  CHECK(transcript.segments[3].speaker == "Rory");
  REQUIRE(host.reports.size() == 1);
  CHECK(host.reports[0].line == 2);
  CHECK_THAT(host.reports[0].message, Catch::Contains("unreadable time \"soon\""));
}

TEST_CASE("transcript-html: bad input gives a clear error, never a crash") {
  CHECK_THAT(read_error(""), Catch::Contains("no transcript found"));
  CHECK_THAT(read_error("<html><body><h1>Not a transcript</h1></body></html>"),
             Catch::Contains("no transcript found"));
  CHECK_THAT(read_error(std::string("<cite>A:</cite><p>x\0y</p>", 25)),
             Catch::Contains("binary data"));
  CHECK_THAT(read_error("<cite>A:</cite><p>caf\xE9</p>"),
             Catch::Contains("bad.html:1:22: error: invalid UTF-8 at byte offset 21"));
  std::string deep = "<cite>A:</cite><p>first</p>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>deep</p>";
  RecordingHost deep_host;  // libxml2 (with XML_PARSE_HUGE) builds it iteratively: read whole
  const Transcript nested = read_html_transcript(deep, "deep.html", deep_host);
  REQUIRE(nested.segments.size() == 2);
  CHECK(nested.segments[1].text == "deep");
  const std::string truncated = "<cite>A:</cite><time>0:01</time><p>cut here";
  RecordingHost host;
  CHECK(read_html_transcript(truncated, "t.html", host).segments.at(0).start == 1000);
  CHECK(read_html_transcript(truncated, "t.html", host).segments.at(0).text == "cut here");
}

TEST_CASE("transcript-html: a huge paragraph is read whole") {
  std::string html = "<cite>A:</cite><p>";
  for (int i = 0; i < 2'000'000; ++i) html += "word ";
  html += "end.</p>";
  RecordingHost host;
  const Transcript transcript = read_html_transcript(html, "big.html", host);
  REQUIRE(transcript.segments.size() == 1);
  CHECK(transcript.segments[0].text.size() == 2'000'000 * 5 + 4);
}

TEST_CASE("transcript-html: the probe wants speaker labels, not just <cite> and <time>") {
  const auto probe = html_importer_spec().probe;
  CHECK(probe(Input{"t.html", "<cite>A:</cite><p>x</p><cite>B:</cite><p>y</p>"}) == 80);
  CHECK(probe(Input{"t.html", "<cite>A:</cite><time>0:01</time><p>x</p>"}) == 50);
  CHECK(probe(Input{"blog.html",
                    "<html><p>As <cite>Knuth</cite> said on <time>2020-01-01</time>"
                    "</p></html>"}) == 0);
  CHECK(probe(Input{"t.json", "{\"segments\": []}"}) == 0);
}

TEST_CASE("transcript-html: export spec") {
  const ExporterSpec spec = html_exporter_spec();
  CHECK(spec.media_type == "text/html");
  CHECK(spec.link_role == LinkRole::transcript);
  CHECK(spec.scope == ExportScope::episode);
}
