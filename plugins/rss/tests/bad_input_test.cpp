// Hostile and broken feeds: a clear castkit::Error or a sane model, never a crash or a hang.
#include <catch2/catch.hpp>

#include "castkit/diagnostics.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::rss::test;

TEST_CASE("a truncated feed names the position") {
  std::string feed = read_data("rss/pc20-spec-example.xml");
  feed.resize(feed.size() / 2);
  try {
    import_feed(feed, "cut.xml");
    FAIL("expected an error");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    CHECK(error.diagnostic().file == "cut.xml");
    CHECK(error.diagnostic().line > 100);
    CHECK_THAT(error.what(), Catch::Contains("not well-formed XML"));
  }
}

TEST_CASE("binary input and empty input are errors") {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
  CHECK_THROWS_AS(import_feed(binary), Error);
  CHECK_THROWS_AS(import_feed(""), Error);
  CHECK_THROWS_WITH(import_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"),
                    Catch::Contains("Atom"));
  CHECK_THROWS_WITH(import_feed("<rss version=\"2.0\"></rss>"), Catch::Contains("no <channel>"));
}

TEST_CASE("wrong encoding: Latin-1 bytes in a UTF-8 feed, and a declared Latin-1 feed") {
  std::string latin1_title =
      "<rss version=\"2.0\"><channel>\n<title>Caf\xE9</title></channel></rss>";
  try {
    import_feed(latin1_title, "latin.xml");
    FAIL("expected an error");
  } catch (const Error& error) {
    CHECK(error.diagnostic().line == 2);
    CHECK_THAT(error.what(), Catch::Contains("--input-encoding") && Catch::Contains("byte offset"));
  }
  Show show = import_feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + latin1_title);
  CHECK(show.title == "Caf\xC3\xA9");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<rss version=\"2.0\"><channel><title>U</title></channel></rss>"))
    utf16 += c, utf16 += '\0';
  CHECK(import_feed(utf16).title == "U");
}

TEST_CASE("a huge text node") {
  std::string big(16 << 20, 'x');
  Show show = import_feed("<rss version=\"2.0\"><channel><title>T</title><item><description>" +
                          big + "</description></item></channel></rss>");
  CHECK(show.episodes[0].description.size() == big.size());
}

TEST_CASE("100,000-deep nesting does not overflow the stack") {
  const int depth = 100000;
  std::string deep;
  for (int i = 0; i < depth; ++i) deep += "<x:a>";
  deep += "core";
  for (int i = 0; i < depth; ++i) deep += "</x:a>";
  std::string feed =
      "<rss version=\"2.0\" xmlns:x=\"urn:x\"><channel><title>T</title><item><title>E</title>" +
      deep + "</item></channel></rss>";
  Show show = import_feed(feed);
  const std::string& kept = show.episodes[0].ext.at("rss.unknown").items.at(0).string;
  CHECK(kept.size() == deep.size());
  // Exported and read again: still the same.
  CHECK(import_feed(export_feed(show)).episodes[0].ext == show.episodes[0].ext);
  // As the whole document: refused, not recursed into.
  CHECK_THROWS_WITH(import_feed(deep), Catch::Contains("expected an RSS 2.0 feed"));
}

TEST_CASE("billion laughs and external entities are not expanded") {
  std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 3; i <= 9; ++i)
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"" + [&] {
      std::string refs;
      for (int k = 0; k < 10; ++k) refs += "&lol" + std::to_string(i - 1) + ";";
      return refs;
    }() + "\">\n";
  laughs += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
  CHECK(import_feed(laughs).title ==
        "&lol9;");  // left as written: pugixml never expands DTD entities

  std::string external =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
  Show show = import_feed(external);
  CHECK(show.title == "&xxe;");
  CHECK(show.title.find("root:") == std::string::npos);
  // Exported, the unexpanded reference is plain text again (escaped), never a live entity.
  CHECK(export_feed(show).find("<title>&amp;xxe;</title>") != std::string::npos);
}
