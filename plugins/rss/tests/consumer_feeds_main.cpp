// Writes the feeds the real-consumer tests read (tests/consumers/): every corpus feed exported
// by castkit plus a sample with one of everything, each with a <feed>.expected.json holding what a
// consumer must read back (titles, enclosures, durations, dates, podcast: tags).
// Usage: castkit_rss_consumer_feeds OUTDIR
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "castkit/feed/xml_escape.hpp"
#include "person_taxonomy.hpp"
#include "podcast_guid.hpp"
#include "sample_show.hpp"
#include "test_support.hpp"

using namespace castkit;
using Json = nlohmann::ordered_json;

namespace {

Json optional_number(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json expectations(const Show& show) {
  Json expected;
  std::string guid = show.podcast_guid;
  if (guid.empty() && !show.feed_url.empty()) guid = rss::podcast_guid_for(show.feed_url);
  expected["guid"] = guid;
  expected["funding"] = Json::array();
  for (const Funding& funding : show.funding)
    expected["funding"].push_back({{"url", funding.url}, {"text", funding.text}});
  expected["items"] = Json::array();
  for (const Episode& episode : show.episodes) {
    Json item;
    item["title"] = feed::xml_safe(episode.title);
    item["guid"] = episode.guid;
    if (episode.enclosure) {
      item["enclosure"] = {{"url", episode.enclosure->url}, {"type", episode.enclosure->type}};
      item["enclosure"]["length"] =
          episode.enclosure->length ? Json(*episode.enclosure->length) : Json(nullptr);
    } else {
      item["enclosure"] = nullptr;
    }
    item["duration_s"] =
        episode.duration ? Json(static_cast<double>(*episode.duration) / 1000.0) : Json(nullptr);
    item["published_s"] = episode.published ? Json(*episode.published / 1000) : Json(nullptr);
    item["chapters"] = episode.chapters_link ? Json{{"url", episode.chapters_link->url},
                                                    {"type", episode.chapters_link->type}}
                                             : Json(nullptr);
    item["transcripts"] = Json::array();
    for (const FileLink& link : episode.transcript_links)
      item["transcripts"].push_back(
          {{"url", link.url}, {"type", link.type}, {"language", link.language}, {"rel", link.rel}});
    item["persons"] = Json::array();
    for (const Person& person : episode.persons)
      item["persons"].push_back(
          {{"name", person.name},
           {"role", person.role},
           {"group", person.group},
           {"img", person.img},
           {"href", person.href},
           {"in_taxonomy", (person.role.empty() || rss::is_taxonomy_role(person.role)) &&
                               (person.group.empty() || rss::is_taxonomy_group(person.group))}});
    item["season"] = episode.season ? Json(*episode.season) : Json(nullptr);
    item["episode"] = optional_number(episode.number);
    expected["items"].push_back(item);
  }
  return expected;
}

void write(const std::filesystem::path& dir, const std::string& name, const Show& show) {
  std::ofstream(dir / name, std::ios::binary) << rss::test::export_feed(show);
  std::ofstream(dir / (name + ".expected.json"), std::ios::binary)
      << expectations(show).dump(2) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: castkit_rss_consumer_feeds OUTDIR\n";
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  try {
    for (const std::string& name : rss::test::corpus_feeds())
      write(dir, name, rss::test::import_feed(rss::test::read_data("rss/" + name), name));
    write(dir, "castkit-sample.xml", rss::test::full_show());
  } catch (const std::exception& error) {
    std::cerr << error.what() << '\n';
    return 1;
  }
  return 0;
}
