// parse_page: libxml2's HTML parser into pugixml.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "html_document.hpp"
#include "node_text.hpp"

using castkit::html::HtmlPage;
using castkit::html::parse_page;

TEST_CASE("a page becomes a pugixml tree with text, attributes and script contents") {
  HtmlPage page;
  parse_page(R"(<!DOCTYPE html><html><head><title>T &amp; U</title>
<script type="application/ld+json">{"a": "<p>"}</script></head>
<body><p class=x>one<br>two <em>three</em></p><p>four</body></html>)",
             "", "t.html", {}, page);
  CHECK(page.encoding == "UTF-8");
  const auto title = page.document.select_node("/html/head/title");
  CHECK(castkit::html::node_text(title.node()) == "T & U");
  CHECK(std::string(page.document.select_node("//script").node().child_value()) ==
        R"({"a": "<p>"})");
  const auto paragraphs = page.document.select_nodes("//p");
  REQUIRE(paragraphs.size() == 2);
  CHECK(castkit::html::node_text(paragraphs[0].node()) == "one two three");
  CHECK(std::string(paragraphs[0].node().attribute("class").value()) == "x");
  CHECK(castkit::html::inner_html(paragraphs[0].node()) == "one<br>two <em>three</em>");
}

TEST_CASE("a declared charset is honoured when the bytes are not UTF-8") {
  HtmlPage page;
  // "Привет" in windows-1251.
  parse_page(
      "<html><head><meta "
      "charset=\"windows-1251\"></head><body><p>\xCF\xF0\xE8\xE2\xE5\xF2</p></body></html>",
      "", "cp.html", {}, page);
  CHECK(castkit::html::node_text(page.document.select_node("//p").node()) == "Привет");
}

TEST_CASE("an --input-encoding converts before parsing") {
  HtmlPage page;
  parse_page("<p>caf\xE9</p>", "cp1252", "enc.html", {}, page);
  CHECK(castkit::html::node_text(page.document.select_node("//p").node()) == "café");
}

TEST_CASE("all corpus pages parse") {
  for (const char* name :
       {"changelog-shipit-89.reconstructed.html", "hrum_episode_kipling.html",
        "podfm_episode_etnografiya.html", "podcastindex_transcript_example.html"}) {
    std::ifstream in(std::string(CASTKIT_TEST_DATA) + "/pages/" + name, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    HtmlPage page;
    parse_page(bytes, "", name, {}, page);
    CHECK(page.document.select_nodes("//body//*").size() > 10);
  }
}
