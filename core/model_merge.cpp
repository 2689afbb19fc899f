// Field rules for merging models: the first input wins where it has a value.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model_merge.hpp"

namespace castkit::host {
namespace {

void fill(std::string& into, std::string&& from) {
  if (into.empty()) into = std::move(from);
}
template <class T>
void fill(std::optional<T>& into, std::optional<T>&& from) {
  if (!into) into = std::move(from);
}
template <class T>
void fill(std::vector<T>& into, std::vector<T>&& from) {
  if (into.empty()) into = std::move(from);
}
void fill(Extensions& into, Extensions&& from) {
  for (auto& [key, value] : from) into.try_emplace(key, std::move(value));
}

/// The index of the episode in `episodes` that is the same as `episode`, or -1.
long find_match(const std::vector<Episode>& episodes, const Episode& episode) {
  auto by = [&](auto field) -> long {
    const std::string& wanted = episode.*field;
    if (wanted.empty()) return -1;
    for (std::size_t i = 0; i < episodes.size(); ++i)
      if (episodes[i].*field == wanted) return static_cast<long>(i);
    return -1;
  };
  for (auto field : {&Episode::guid, &Episode::link, &Episode::title})
    if (long i = by(field); i >= 0) return i;
  return -1;
}

}  // namespace

// Transcript merge (engineer E): the same transcript from two sources, e.g. a page rendering
// without speakers and the episode's Markdown with them.
namespace {

// How far ahead alignment looks for a paragraph that one side has and the other lacks.
constexpr std::size_t kAlignWindow = 8;
// Characters compared at each end of two paragraphs that differ by small edits.
constexpr std::size_t kFuzzyChars = 24;

bool has_speakers(const std::vector<Segment>& segments) {
  for (const Segment& segment : segments)
    if (!segment.speaker.empty()) return true;
  return false;
}

// The text reduced to ASCII letters and digits, lower case: renderings differ in quotes,
// dashes, ellipses, escapes and spacing, not in words.
std::string alignment_key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (char c : text) {
    if (c >= 'A' && c <= 'Z')
      key += static_cast<char>(c + 32);
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      key += c;
  }
  return key;
}

// True when two keys are the same paragraph: equal, or long enough and equal at the start or
// the end (an edit in the middle).
bool same_paragraph(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  if (a.size() < kFuzzyChars || b.size() < kFuzzyChars) return false;
  return a.compare(0, kFuzzyChars, b, 0, kFuzzyChars) == 0 ||
         a.compare(a.size() - kFuzzyChars, kFuzzyChars, b, b.size() - kFuzzyChars, kFuzzyChars) ==
             0;
}

// Takes the later source's speaker, and its exact times where the earlier has none or
// estimated ones; markup and extension data fill what is missing.
void fill_segment(Segment& into, Segment&& from) {
  if (into.speaker.empty()) into.speaker = std::move(from.speaker);
  bool exact_from = from.start && !from.estimated;
  if (exact_from && (!into.start || into.estimated)) {
    into.start = from.start;
    into.end = from.end;
    into.estimated = false;
  }
  if (into.html.empty() && into.text == from.text) into.html = std::move(from.html);
  fill(into.id, std::move(from.id));
  fill(into.ext, std::move(from.ext));
}

// One step of an alignment: both paragraphs are the same, or one side has a paragraph alone.
enum class Step { pair, earlier_only, later_only };

// How two transcripts' paragraphs line up.
struct Alignment {
  std::vector<std::string> keys_a, keys_b;  // normalised texts of the earlier and later paragraphs
  std::vector<Step> steps;                  // in merged order
  std::size_t matched = 0;                  // pairs whose texts agree
};

// Aligns the paragraphs of two transcripts by normalised text, walking both in order and looking
// a few paragraphs ahead when one side has a paragraph the other lacks (a break, a skipped
// boilerplate line, a paragraph one rendering splits at its line breaks).
Alignment align(const std::vector<Segment>& earlier, const std::vector<Segment>& later) {
  Alignment a;
  for (const Segment& s : earlier) a.keys_a.push_back(alignment_key(s.text));
  for (const Segment& s : later) a.keys_b.push_back(alignment_key(s.text));
  std::size_t i = 0, j = 0;
  while (i < earlier.size() && j < later.size()) {
    if (same_paragraph(a.keys_a[i], a.keys_b[j])) {
      a.steps.push_back(Step::pair);
      ++a.matched, ++i, ++j;
      continue;
    }
    std::size_t skip_later = 0, skip_earlier = 0;
    for (std::size_t d = 1; d <= kAlignWindow && !skip_later && !skip_earlier; ++d) {
      if (j + d < later.size() && same_paragraph(a.keys_a[i], a.keys_b[j + d]))
        skip_later = d;
      else if (i + d < earlier.size() && same_paragraph(a.keys_a[i + d], a.keys_b[j]))
        skip_earlier = d;
    }
    if (skip_later) {
      a.steps.insert(a.steps.end(), skip_later, Step::later_only);
      j += skip_later;
    } else if (skip_earlier) {
      a.steps.insert(a.steps.end(), skip_earlier, Step::earlier_only);
      i += skip_earlier;
    } else {
      a.steps.push_back(Step::pair);  // the same place in both, edited beyond recognition
      ++i, ++j;
    }
  }
  a.steps.insert(a.steps.end(), earlier.size() - i, Step::earlier_only);
  a.steps.insert(a.steps.end(), later.size() - j, Step::later_only);
  return a;
}

// The merged paragraphs: pairs filled from the later source, lone paragraphs kept in place. A
// lone earlier paragraph whose text is part of the paragraph paired just before it (one
// rendering split that paragraph at a line break) gets that paragraph's speaker.
std::vector<Segment> apply_alignment(const Alignment& a, std::vector<Segment>&& earlier,
                                     std::vector<Segment>&& later) {
  std::vector<Segment> merged;
  merged.reserve(a.steps.size());
  std::size_t i = 0, j = 0;
  const std::string* last_pair_key = nullptr;
  std::string last_pair_speaker;
  for (Step step : a.steps) {
    if (step == Step::pair) {
      last_pair_key = &a.keys_b[j];
      last_pair_speaker = later[j].speaker;
      fill_segment(earlier[i], std::move(later[j++]));
      merged.push_back(std::move(earlier[i++]));
    } else if (step == Step::earlier_only) {
      const std::string& key = a.keys_a[i];
      if (last_pair_key && earlier[i].speaker.empty() && !key.empty() &&
          last_pair_key->find(key) != std::string::npos)
        earlier[i].speaker = last_pair_speaker;
      merged.push_back(std::move(earlier[i++]));
    } else {
      last_pair_key = nullptr;
      merged.push_back(std::move(later[j++]));
    }
  }
  return merged;
}

}  // namespace

void merge_transcript(Transcript& into, Transcript&& from) {
  fill(into.language, std::move(from.language));
  fill(into.ext, std::move(from.ext));
  if (into.segments.empty()) {
    into.segments = std::move(from.segments);
    return;
  }
  if (from.segments.empty() || has_speakers(into.segments) || !has_speakers(from.segments)) return;
  // Only the same transcript merges: most paragraphs of the shorter one must be found.
  Alignment alignment = align(into.segments, from.segments);
  if (alignment.matched * 2 < std::min(into.segments.size(), from.segments.size())) return;
  into.segments = apply_alignment(alignment, std::move(into.segments), std::move(from.segments));
}

void merge_episode(Episode& into, Episode&& from) {
  fill(into.guid, std::move(from.guid));
  fill(into.guid_is_permalink, std::move(from.guid_is_permalink));
  fill(into.title, std::move(from.title));
  fill(into.subtitle, std::move(from.subtitle));
  fill(into.link, std::move(from.link));
  fill(into.description, std::move(from.description));
  fill(into.summary, std::move(from.summary));
  fill(into.published, std::move(from.published));
  fill(into.duration, std::move(from.duration));
  fill(into.enclosure, std::move(from.enclosure));
  fill(into.image, std::move(from.image));
  fill(into.season, std::move(from.season));
  fill(into.number, std::move(from.number));
  fill(into.episode_type, std::move(from.episode_type));
  fill(into.explicit_content, std::move(from.explicit_content));
  fill(into.persons, std::move(from.persons));
  fill(into.chapters, std::move(from.chapters));
  merge_transcript(into.transcript, std::move(from.transcript));
  fill(into.chapters_link, std::move(from.chapters_link));
  fill(into.transcript_links, std::move(from.transcript_links));
  fill(into.notes, std::move(from.notes));
  fill(into.sponsors, std::move(from.sponsors));
  fill(into.soundbites, std::move(from.soundbites));
  fill(into.keywords, std::move(from.keywords));
  fill(into.location, std::move(from.location));
  fill(into.license, std::move(from.license));
  fill(into.license_url, std::move(from.license_url));
  for (auto& entry : from.provenance) into.provenance.push_back(std::move(entry));
  fill(into.ext, std::move(from.ext));
}

void merge_show(Show& into, Show&& from) {
  fill(into.title, std::move(from.title));
  fill(into.link, std::move(from.link));
  fill(into.description, std::move(from.description));
  fill(into.language, std::move(from.language));
  fill(into.author, std::move(from.author));
  fill(into.owner_name, std::move(from.owner_name));
  fill(into.owner_email, std::move(from.owner_email));
  fill(into.image, std::move(from.image));
  fill(into.categories, std::move(from.categories));
  fill(into.explicit_content, std::move(from.explicit_content));
  fill(into.type, std::move(from.type));
  fill(into.copyright, std::move(from.copyright));
  fill(into.feed_url, std::move(from.feed_url));
  fill(into.podcast_guid, std::move(from.podcast_guid));
  fill(into.locked, std::move(from.locked));
  fill(into.locked_owner, std::move(from.locked_owner));
  fill(into.funding, std::move(from.funding));
  fill(into.persons, std::move(from.persons));
  fill(into.medium, std::move(from.medium));
  fill(into.license, std::move(from.license));
  fill(into.license_url, std::move(from.license_url));
  fill(into.keywords, std::move(from.keywords));
  fill(into.ext, std::move(from.ext));

  const bool one_each = into.episodes.size() == 1 && from.episodes.size() == 1;
  for (Episode& episode : from.episodes) {
    long match = find_match(into.episodes, episode);
    if (match < 0 && one_each) match = 0;
    if (match >= 0)
      merge_episode(into.episodes[static_cast<std::size_t>(match)], std::move(episode));
    else
      into.episodes.push_back(std::move(episode));
  }
}

}  // namespace castkit::host
