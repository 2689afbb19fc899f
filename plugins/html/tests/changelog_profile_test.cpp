// The changelog site profile on the reconstructed Ship It! #89 page.
#include <catch2/catch.hpp>

#include "test_host.hpp"

using namespace castkit;
using namespace castkit::html::testing;

namespace {

const std::string kPage =
    std::string(CASTKIT_TEST_DATA) + "/pages/changelog-shipit-89.reconstructed.html";

Episode shipit89(const std::string& url = {}) {
  TestHost host;
  Show show = import_page(read_file(kPage), "changelog-shipit-89.reconstructed.html", url, host);
  REQUIRE(show.episodes.size() == 1);
  CHECK(show.title == "Ship It!");
  CHECK(host.fetched.empty());  // a page a profile reads needs no feed
  return show.episodes.front();
}

}  // namespace

TEST_CASE("dump") {
  Episode e = shipit89();
  for (auto& [f, s] : e.provenance) std::printf("%s <- %s\n", f.c_str(), s.c_str());
  std::printf(
      "title=%s\nsubtitle=%s\nnumber=%g\nlink=%s\naudio=%s "
      "%s\nimage=%s\nsummary=%s\npublished=%lld duration=%lld\n",
      e.title.c_str(), e.subtitle.c_str(), e.number.value_or(-1), e.link.c_str(),
      e.enclosure ? e.enclosure->url.c_str() : "-", e.enclosure ? e.enclosure->type.c_str() : "-",
      e.image.c_str(), e.summary.c_str(), (long long)e.published.value_or(-1),
      (long long)e.duration.value_or(-1));
  for (auto& p : e.persons) std::printf("person %s | %s\n", p.name.c_str(), p.href.c_str());
  for (auto& p : e.sponsors)
    std::printf("sponsor %s | %s | %s\n", p.name.c_str(), p.url.c_str(), p.text.c_str());
  for (auto& p : e.notes) std::printf("note %s | %s\n", p.title.c_str(), p.url.c_str());
  for (auto& k : e.keywords) std::printf("kw %s\n", k.c_str());
  for (auto& c : e.chapters)
    std::printf("ch %lld-%lld %s\n", (long long)c.start, (long long)c.end.value_or(-1),
                c.title.c_str());
  int n = 0;
  for (auto& s : e.transcript.segments) {
    if (s.start || n < 3)
      std::printf("seg %lld [%s] %.60s\n", (long long)s.start.value_or(-1), s.speaker.c_str(),
                  s.text.c_str());
    ++n;
  }
  std::printf("segments %zu, last [%s] %s\n", e.transcript.segments.size(),
              e.transcript.segments.back().speaker.c_str(),
              e.transcript.segments.back().text.c_str());
  std::printf("desc=%s\n", e.description.c_str());
}
