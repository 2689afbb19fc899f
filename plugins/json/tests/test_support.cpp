// The rich model and the recording host of the json plugin's tests.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace castkit::json::testing {

Show rich_model() {
  Show show;
  show.title = "Ship \"It\" & <More>";
  show.link = "https://changelog.com/shipit";
  show.description = "<p>Ops, infra &amp; more.</p>\nSecond line\twith a tab";
  show.language = "en-US";
  show.author = "Changelog Media";
  show.owner_name = "Jerod Santo";
  show.owner_email = "jerod@example.com";
  show.image = "https://example.com/show.png";
  show.categories = {{"Technology", {"Software How-To", "Tech News"}}, {"News", {}}};
  show.explicit_content = false;
  show.type = "episodic";
  show.copyright = "© 2021 Changelog Media";
  show.feed_url = "https://changelog.com/shipit/feed";
  show.podcast_guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810";
  show.locked = true;
  show.locked_owner = "editor@example.com";
  show.funding = {{"https://changelog.com/++", "Support us"}, {"https://example.com/give", ""}};
  show.persons = {{.name = "Gerhard Lazu",
                   .role = "host",
                   .group = "cast",
                   .img = "https://example.com/g.jpg",
                   .href = "https://example.com/g",
                   .ext = {{"rss.unknown_attributes", Value("x=\"1\"")}}}};
  show.medium = "podcast";
  show.license = "CC-BY-4.0";
  show.license_url = "https://creativecommons.org/licenses/by/4.0/";
  show.keywords = {"devops", "kubernetes", "日本語"};
  Value unknown = Value::array();
  unknown.push("<podcast:txt purpose=\"verify\">S6lpp</podcast:txt>");
  show.ext["rss.unknown"] = unknown;

  Episode e;
  e.guid = "changelog.com/2/1234";
  e.guid_is_permalink = false;
  e.title = "OODA for operational excellence";
  e.subtitle = "With Bill & Ted";
  e.link = "https://changelog.com/shipit/89";
  e.description = "<p>Show notes with <a href=\"https://x.io\">a link</a></p>";
  e.summary = "Plain summary — with an em dash and emoji 🎙️";
  e.published = 1'676'630'400'250;  // 2023-02-17T10:40:00.250Z
  e.duration = 4'123'456;
  e.enclosure = Enclosure{"https://cdn.example.com/89.mp3", "audio/mpeg", 59'990'016};
  e.image = "https://example.com/89.png";
  e.season = 2;
  e.number = 89;
  e.episode_type = "full";
  e.explicit_content = true;
  e.persons = {{.name = "Ann", .role = "guest", .group = "cast"}, {.name = "Bob"}};
  e.chapters = {
      {.start = 0,
       .end = 54'000,
       .title = "Intro",
       .url = "https://x.io/a",
       .img = "https://x.io/a.png",
       .toc = true},
      {.start = 76'000,
       .title = "Silent marker",
       .toc = false,
       .location = Location{"Austin, TX", "geo:30.2672,97.7431", "R113314"},
       .ext = {{"chapters.extra", Value(std::int64_t{7})}}},
  };
  Value settings = Value::object();
  settings.set("align", "start");
  settings.set("line", 0);
  settings.set("position", 0.25);
  settings.set("nested", Value::array());
  settings.members.back().second.push(Value());
  settings.members.back().second.push(true);
  settings.members.back().second.push(2.0);
  settings.members.back().second.push(-1.5e300);
  e.transcript.language = "en";
  e.transcript.ext["vtt.header"] = Value("Kind: captions\nLanguage: en");
  e.transcript.segments = {
      {.start = 0,
       .end = 4'500,
       .speaker = "Gerhard",
       .text = "Hello\nworld",
       .html = "Hello<br><i>world</i>",
       .id = "cue-1",
       .ext = {{"vtt.settings", settings}}},
      {.start = 4'500,
       .end = 9'000,
       .estimated = true,
       .speaker = "Ann",
       .text = "Quotes \" and backslash \\ and control \x01 char"},
      {.text = "An untimed paragraph."},
  };
  e.chapters_link = FileLink{"https://x.io/89.chapters.json",
                             "application/json+chapters",
                             "",
                             "",
                             {{"rss.attrs", Value("a")}}};
  e.transcript_links = {{"https://x.io/89.vtt", "text/vtt", "en", "captions", {}},
                        {"https://x.io/89.srt", "application/x-subrip", "", "", {}}};
  e.notes = {{"Kubernetes", "https://kubernetes.io"}, {"", "https://bare.example.com"}};
  e.sponsors = {{"Fastly", "https://fastly.com", "Our bandwidth partner."}};
  e.soundbites = {{.start = 73'000, .duration = 60'000, .title = "The best bit"},
                  {.start = 1'000, .duration = 5'500}};
  e.keywords = {"ooda", "sre"};
  e.location = Location{"Berlin", "geo:52.52,13.405", ""};
  e.license = "CC-BY-NC-4.0";
  e.license_url = "https://creativecommons.org/licenses/by-nc/4.0/";
  e.provenance = {{"title", "json-ld"}, {"chapters", "heading timestamps"}};
  e.ext["rss.unknown"] = Value::array();
  e.ext["rss.unknown"].push(Value::object());
  e.ext["rss.unknown"].items[0].set("tag", "podcast:value");
  e.ext["rss.unknown"].items[0].set("big", 9'007'199'254'740'993.0);
  show.episodes.push_back(e);

  Episode minimal;
  minimal.title = "A bonus with a fractional number";
  minimal.number = 12.5;
  minimal.published = -86'400'000;     // 1969-12-31: before the epoch
  minimal.enclosure = Enclosure{};     // present but empty
  minimal.chapters_link = FileLink{};  // present but empty
  minimal.location = Location{};       // present but empty
  minimal.chapters = {{.start = 0}};   // only the required start
  minimal.persons = {Person{}};        // an empty person still counts
  show.episodes.push_back(minimal);

  Episode far;
  far.guid = "far-future";
  far.published = 400'000'000'000'000;  // year ~14645: written as integer milliseconds
  show.episodes.push_back(far);
  return show;
}

FetchResponse RecordingHost::fetch(const FetchRequest& request) {
  FAIL("the json plugin must not fetch " << request.url);
  return {};
}

std::vector<FetchResponse> RecordingHost::fetch_all(const std::vector<FetchRequest>& requests) {
  FAIL("the json plugin must not fetch " << requests.size() << " URLs");
  return {};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string golden_dir() {
  return std::string(CASTKIT_PLUGIN_SOURCE_DIR) + "/tests/golden";
}

}  // namespace castkit::json::testing
