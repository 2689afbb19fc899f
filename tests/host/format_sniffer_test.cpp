// Picking importer candidates from cached hints, before any plugin is loaded.
#include <catch2/catch.hpp>

#include "format_sniffer.hpp"

using namespace castkit;
using namespace castkit::host;

namespace {

ImporterSpec spec(std::string format, std::vector<std::string> extensions,
                  std::vector<std::string> media_types, std::vector<std::string> signatures) {
  ImporterSpec s;
  s.format = std::move(format);
  s.extensions = std::move(extensions);
  s.media_types = std::move(media_types);
  s.signatures = std::move(signatures);
  return s;
}

}  // namespace

TEST_CASE("signatures weigh more than file name endings and media types") {
  const ImporterSpec vtt = spec("vtt", {"vtt"}, {"text/vtt"}, {"WEBVTT"});
  const ImporterSpec srt = spec("srt", {"srt"}, {"application/x-subrip"}, {"-->"});
  const ImporterSpec json = spec("json", {"json"}, {"application/json"}, {"\"castkit\""});
  Input input{"talk.SRT", "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", {}, {}, {}};
  CHECK(hint_score(vtt, input) == 2);
  CHECK(hint_score(srt, input) == 3);  // "-->" and the .SRT ending (case-insensitive)
  CHECK(hint_score(json, input) == 0);

  Input fetched{"https://x.io/ep.json?download=1#top",
                "{\"castkit\": \"1\"}",
                "https://x.io/ep.json",
                "application/json; charset=utf-8",
                {}};
  CHECK(hint_score(json, fetched) == 4);

  PluginRecord plugin;
  const std::vector<Offer<ImporterSpec>> offers = {
      {&plugin, &json}, {&plugin, &vtt}, {&plugin, &srt}};
  const auto ranked = rank_importers(offers, input);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].spec->format == "srt");
  CHECK(ranked[1].spec->format == "vtt");
}

TEST_CASE("only the first 4 KiB are searched for signatures") {
  const ImporterSpec rss = spec("rss", {}, {}, {"<rss"});
  std::string late(5000, ' ');
  late += "<rss>";
  CHECK(hint_score(rss, Input{"feed", late, {}, {}, {}}) == 0);
  CHECK(hint_score(rss, Input{"feed", "<?xml?><rss>", {}, {}, {}}) == 2);
}
