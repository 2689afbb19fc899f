// Clearing a delivered episode for the next one.
#include "model_recycling.hpp"

namespace castkit::json {

void clear_except_lists(Episode& episode, Spares& spares) {
  if (episode.chapters_link) put_spare(std::move(*episode.chapters_link), spares.file_links);
  if (episode.enclosure) put_spare(std::move(*episode.enclosure), spares.enclosures);
  std::vector<Person> persons = std::move(episode.persons);
  std::vector<Chapter> chapters = std::move(episode.chapters);
  std::vector<FileLink> transcript_links = std::move(episode.transcript_links);
  clear_keeping_storage(episode);
  episode.persons = std::move(persons);
  episode.chapters = std::move(chapters);
  episode.transcript_links = std::move(transcript_links);
}

}  // namespace castkit::json
