// Clearing a delivered episode for the next one.
#include "model_recycling.hpp"

namespace castkit::json {

void clear_except_lists(Episode& episode, Spares& spares) {
#if defined(__x86_64__) && defined(__GLIBCXX__)
  static_assert(sizeof(Episode) == 1120 && sizeof(Transcript) == 104,
                "the Episode struct changed: clear its new members here");
#endif
  if (episode.chapters_link) put_spare(std::move(*episode.chapters_link), spares.file_links);
  if (episode.enclosure) put_spare(std::move(*episode.enclosure), spares.enclosures);
  // Member by member (no temporary Episode: 1 KB to build, move from and destroy), in the
  // order of the struct; vectors keep their capacity.
  episode.guid.clear();
  episode.guid_is_permalink.reset();
  episode.title.clear();
  episode.subtitle.clear();
  episode.link.clear();
  episode.description.clear();
  episode.summary.clear();
  episode.published.reset();
  episode.duration.reset();
  episode.enclosure.reset();
  episode.image.clear();
  episode.season.reset();
  episode.number.reset();
  episode.episode_type.clear();
  episode.explicit_content.reset();
  episode.transcript.language.clear();
  episode.transcript.segments.clear();
  episode.transcript.ext.clear();
  episode.chapters_link.reset();
  episode.notes.clear();
  episode.sponsors.clear();
  episode.soundbites.clear();
  episode.keywords.clear();
  episode.location.reset();
  episode.license.clear();
  episode.license_url.clear();
  episode.provenance.clear();
  episode.ext.clear();
}

}  // namespace castkit::json
