#include <catch2/catch.hpp>

#include "castkit/diagnostics.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::chapters::test;

namespace {
const char* document = R"(<?xml version="1.0" encoding="UTF-8"?>
<sc:chapters version="1.2" xmlns:sc="http://podlove.org/simple-chapters">
  <sc:chapter start="00:00:00" title="Welcome"/>
  <sc:chapter start="00:03:07.250" title="Introducing Podlove" href="http://podlove.org/"/>
  <sc:chapter start="08:26" title="Podlove WordPress Plugin" image="https://e.com/i.jpg"/>
  <sc:chapter start="12:42.345" title="Resumée &amp; more"/>
</sc:chapters>
)";
}  // namespace

TEST_CASE("a standalone psc document with every NPT form (any prefix)") {
  Show show = import_as("psc", document);
  const auto& chapters = show.episodes.at(0).chapters;
  REQUIRE(chapters.size() == 4);
  CHECK(chapters[0].start == 0);
  CHECK(chapters[1].start == 187250);
  CHECK(chapters[1].url == "http://podlove.org/");
  CHECK(chapters[2].start == 506000);
  CHECK(chapters[2].img == "https://e.com/i.jpg");
  CHECK(chapters[3].start == 762345);
  CHECK(chapters[3].title == "Resumée & more");
}

TEST_CASE("psc out and back in") {
  Show show = import_as("psc", document);
  std::string out = export_as("psc", show);
  CHECK(out.find("<psc:chapter start=\"00:03:07.250\" title=\"Introducing Podlove\" "
                 "href=\"http://podlove.org/\"/>") != std::string::npos);
  CHECK(out.find("title=\"Resumée &amp; more\"") != std::string::npos);
  CHECK(import_as("psc", out).episodes[0].chapters == show.episodes[0].chapters);
}

TEST_CASE("bad psc documents name the line") {
  std::string bad = document;
  bad.replace(bad.find("08:26"), 5, "8 min");
  try {
    import_as("psc", bad, "bad.psc");
    FAIL("expected an error");
  } catch (const Error& error) {
    CHECK(error.diagnostic().line == 5);
    CHECK_THAT(error.what(), Catch::Contains("8 min"));
  }
  CHECK_THROWS_WITH(import_as("psc", "<chapters/>"), Catch::Contains("root element"));
  CHECK_THROWS_AS(import_as("psc", std::string(document).substr(0, 150)), Error);
}
