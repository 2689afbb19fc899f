// castkit SDK: the episode model. Every importer fills it, every exporter reads it.
//
// Conventions: times and durations are integer milliseconds (castkit::Millis), never floating
// seconds; wall-clock times are milliseconds since the Unix epoch, UTC. Text is UTF-8. An empty
// string or an empty optional means "not known". What a format carries that the model does not
// name goes into the `ext` member of the nearest object (see value.hpp), so importing and
// re-exporting the same format loses nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "castkit/value.hpp"

namespace castkit {

/// A time offset or duration in milliseconds.
using Millis = std::int64_t;

/// A person on a show or episode (podcast:person).
struct Person {
  std::string name;   ///< display name
  std::string role;   ///< Podcasting 2.0 taxonomy role, e.g. "host", "guest" (as written)
  std::string group;  ///< taxonomy group, e.g. "cast", "writing" (as written)
  std::string img;    ///< picture URL
  std::string href;   ///< page about the person
  Extensions ext;     ///< anything else read with this person
  friend bool operator==(const Person&, const Person&) = default;
};

/// A place (podcast:location, JSON chapters "location").
struct Location {
  std::string name;  ///< human-readable name
  std::string geo;   ///< geo URI, e.g. "geo:30.2672,97.7431"
  std::string osm;   ///< OpenStreetMap id, e.g. "R113314"
  friend bool operator==(const Location&, const Location&) = default;
};

/// A chapter of an episode.
struct Chapter {
  Millis start = 0;                 ///< offset from the start of the audio
  std::optional<Millis> end;        ///< offset where it ends, if stated
  std::string title;                ///< chapter title (may be empty for toc=false markers)
  std::string url;                  ///< link shown with the chapter
  std::string img;                  ///< artwork shown with the chapter
  bool toc = true;                  ///< false: a marker not listed in a table of contents
  std::optional<Location> location; ///< place the chapter is about
  Extensions ext;                   ///< anything else read with this chapter
  friend bool operator==(const Chapter&, const Chapter&) = default;
};

/// One timed (or untimed) piece of a transcript: a paragraph, a subtitle cue or a word.
struct Segment {
  std::optional<Millis> start;  ///< when it starts; empty when the source gives no time
  std::optional<Millis> end;    ///< when it ends, if known
  bool estimated = false;       ///< true when start/end were computed, not read from the source
  std::string speaker;          ///< who speaks (empty: unknown or same as before)
  std::string text;             ///< plain text, entities decoded, no markup; '\n' between lines
  std::string html;             ///< the same text with inline markup as HTML, when it has any
  std::string id;               ///< identifier from the source (VTT cue id, SRT index), if any
  Extensions ext;               ///< e.g. "vtt.settings", "vtt.markup"
  friend bool operator==(const Segment&, const Segment&) = default;
};

/// An episode's transcript.
struct Transcript {
  std::string language;           ///< BCP 47 tag, e.g. "en"
  std::vector<Segment> segments;  ///< in reading order
  Extensions ext;                 ///< e.g. "vtt.header", "vtt.regions", "vtt.styles"
  friend bool operator==(const Transcript&, const Transcript&) = default;
};

/// A link to a file about the episode: a chapters or transcript file (podcast:chapters,
/// podcast:transcript).
struct FileLink {
  std::string url;       ///< where the file is
  std::string type;      ///< MIME type, e.g. "application/json+chapters", "text/vtt"
  std::string language;  ///< language of a transcript
  std::string rel;       ///< "captions" for timed transcripts meant as captions
  Extensions ext;        ///< anything else read with the link
  friend bool operator==(const FileLink&, const FileLink&) = default;
};

/// A link in the show notes.
struct NoteLink {
  std::string title;  ///< link text
  std::string url;    ///< target
  friend bool operator==(const NoteLink&, const NoteLink&) = default;
};

/// A sponsor read in an episode.
struct Sponsor {
  std::string name;  ///< sponsor name
  std::string url;   ///< sponsor link
  std::string text;  ///< what the episode says about it
  friend bool operator==(const Sponsor&, const Sponsor&) = default;
};

/// A short highlight of an episode (podcast:soundbite).
struct Soundbite {
  Millis start = 0;     ///< where it starts in the audio
  Millis duration = 0;  ///< how long it is
  std::string title;    ///< optional title
  friend bool operator==(const Soundbite&, const Soundbite&) = default;
};

/// The media file of an episode (RSS enclosure).
struct Enclosure {
  std::string url;                     ///< media URL
  std::string type;                    ///< MIME type, e.g. "audio/mpeg"
  std::optional<std::uint64_t> length; ///< size in bytes
  friend bool operator==(const Enclosure&, const Enclosure&) = default;
};

/// A support link (podcast:funding).
struct Funding {
  std::string url;   ///< where to give
  std::string text;  ///< what the link says
  friend bool operator==(const Funding&, const Funding&) = default;
};

/// An Apple Podcasts category with its subcategories.
struct Category {
  std::string text;                        ///< e.g. "Technology"
  std::vector<std::string> subcategories;  ///< e.g. {"Software How-To"}
  friend bool operator==(const Category&, const Category&) = default;
};

/// An episode (an RSS item).
struct Episode {
  std::string guid;                         ///< unique id of the item
  std::optional<bool> guid_is_permalink;    ///< RSS guid isPermaLink, when stated
  std::string title;                        ///< episode title
  std::string subtitle;                     ///< one-line subtitle, when the source has one
  std::string link;                         ///< the episode's web page
  std::string description;                  ///< show notes as HTML
  std::string summary;                      ///< plain-text summary
  std::optional<std::int64_t> published;    ///< publication time, ms since the Unix epoch (UTC)
  std::optional<Millis> duration;           ///< length of the audio
  std::optional<Enclosure> enclosure;       ///< the media file
  std::string image;                        ///< episode artwork URL
  std::optional<std::int64_t> season;       ///< season number
  std::optional<double> number;             ///< episode number (podcast:episode allows decimals)
  std::string episode_type;                 ///< "full", "trailer" or "bonus"
  std::optional<bool> explicit_content;     ///< itunes:explicit
  std::vector<Person> persons;              ///< people in this episode (replace the show's)
  std::vector<Chapter> chapters;            ///< chapters in time order
  Transcript transcript;                    ///< the transcript, if any (segments may be empty)
  std::optional<FileLink> chapters_link;    ///< podcast:chapters file
  std::vector<FileLink> transcript_links;   ///< podcast:transcript files, one per format
  std::vector<NoteLink> notes;              ///< show-note links
  std::vector<Sponsor> sponsors;            ///< sponsors read in the episode
  std::vector<Soundbite> soundbites;        ///< highlights
  std::vector<std::string> keywords;        ///< keywords / tags
  std::optional<Location> location;         ///< podcast:location
  std::string license;                      ///< podcast:license (name or SPDX id)
  std::string license_url;                  ///< podcast:license url attribute
  std::vector<std::pair<std::string, std::string>> provenance;  ///< field -> signal that produced it
  Extensions ext;                           ///< unknown podcast: tags, format specifics
  friend bool operator==(const Episode&, const Episode&) = default;
};

/// A podcast (an RSS channel) and its episodes.
struct Show {
  std::string title;                    ///< show title
  std::string link;                     ///< the show's web site
  std::string description;              ///< about the show (HTML or text)
  std::string language;                 ///< BCP 47 / RSS language code
  std::string author;                   ///< itunes:author
  std::string owner_name;               ///< itunes:owner name
  std::string owner_email;              ///< itunes:owner email
  std::string image;                    ///< show artwork URL
  std::vector<Category> categories;     ///< Apple categories
  std::optional<bool> explicit_content; ///< itunes:explicit
  std::string type;                     ///< "episodic" or "serial"
  std::string copyright;                ///< copyright line
  std::string feed_url;                 ///< where the feed lives (atom:link rel=self)
  std::string podcast_guid;             ///< podcast:guid
  std::optional<bool> locked;           ///< podcast:locked
  std::string locked_owner;             ///< podcast:locked owner attribute
  std::vector<Funding> funding;         ///< podcast:funding links
  std::vector<Person> persons;          ///< the show's people
  std::string medium;                   ///< podcast:medium, e.g. "podcast", "music"
  std::string license;                  ///< podcast:license (name or SPDX id)
  std::string license_url;              ///< podcast:license url attribute
  std::vector<std::string> keywords;    ///< itunes:keywords / categories as free words
  std::vector<Episode> episodes;        ///< newest first, as in a feed
  Extensions ext;                       ///< unknown channel tags, format specifics
  friend bool operator==(const Show&, const Show&) = default;
};

}  // namespace castkit
