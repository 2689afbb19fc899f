// Which key of which object of castkit JSON fills which member of the model (see docs/json.md):
// the reader shared by the whole-document and the streaming import.
#pragma once

#include "castkit/text.hpp"
#include "iso_time.hpp"
#include "json_cursor.hpp"
#include "model_writer.hpp"

namespace castkit::json {

/// Reads one castkit JSON document into a Show.
class ModelReader : public JsonCursor {
 public:
  /// A reader of documents named `name` in messages.
  ModelReader(const std::string& name, const ReadOptions& options, const WarningSink& warn)
      : JsonCursor(name, options, warn), strict_(options.strict) {}

  /// Reads the document started with parse_document() (or parse_without()) into `show`.
  void read(Show& show) {
    read_members(show);
    check_marker();
    report_unknown_top_level();
  }

  /// Reads the members of the document's top-level object into `show`.
  void read_members(Show& show) {
    top_level_members("a JSON object with " + marker() + " at the top level",
                      [&](std::string_view key, od::value& v, const char* key_at) {
                        top_level_member(key, v, key_at, show);
                      });
  }

  /// Fails unless the members read held the "castkit" marker.
  void check_marker() {
    if (!marked_)
      fail_at(document_start(),
              "not a castkit model: the top-level object has no " + marker() + " member" + hint_);
  }

  /// Reports the unknown top-level keys (errors when strict).
  void report_unknown_top_level() {
    for (const auto& [where, key] : unknown_keys_) {
      if (strict_) fail_at(where, key + ": unknown key");
      warn(diagnostic_at(where, Severity::warning, key + ": unknown key, ignored"));
    }
  }

  /// Reads the episode object started with parse_piece() into `e`; the path must already
  /// name it (show.episodes[i]).
  void read_episode(Episode& e) {
    od::value root = piece_root();
    episode(root, e);
    end_piece();
  }

  /// Reads the episode object started with parse_piece() into `e`, an episode read before
  /// (and delivered), reusing its storage: strings keep their buffers, list elements are read
  /// into again (see model_recycling.hpp).
  void reread_episode(Episode& e) {
    clear_except_lists(e, spares_);
    stale_ = {true, true, true};
    read_episode(e);
    if (stale_.persons) e.persons.clear();
    if (stale_.chapters) e.chapters.clear();
    if (stale_.transcript_links) e.transcript_links.clear();
    stale_ = {};
  }

 private:
  static std::string marker() { return std::string("\"castkit\": \"") + kFormatVersion + "\""; }

  void top_level_member(std::string_view key, od::value& v, const char* key_at, Show& show) {
    if (key == "castkit") {
      const std::string version = string(v);
      if (version != kFormatVersion)
        fail_at(location(v), "castkit JSON version \"" + version +
                                 "\" is not supported; this castkit reads version " +
                                 kFormatVersion);
      marked_ = true;
    } else if (key == "show") {
      read_show(v, show);
    } else {
      if (key == "chapters") hint_ = "; Podcasting 2.0 chapters are read with -f chapters";
      if (key == "segments")
        hint_ = "; Podcasting 2.0 transcripts are read with -f transcript-json";
      unknown_keys_.emplace_back(key_at, key);
      (void)value(v);  // even ignored parts must be well-formed
    }
  }

  std::int64_t published(od::value& v) {
    const auto type = type_of(v);
    if (type == od::json_type::number) return integer(v);
    const char* where = location(v);
    string(v, scratch_);
    if (const auto ms = parse_iso8601(scratch_)) return *ms;
    fail_at(where, "expected an ISO 8601 time such as \"2021-06-01T12:30:00Z\", found \"" +
                       scratch_ + "\"");
  }

  // ----- model structs -----

  void location_of(od::value& v, std::optional<Location>& into) {
    Location l;
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        string(m, l.name);
      else if (key == "geo")
        string(m, l.geo);
      else if (key == "osm")
        string(m, l.osm);
      else
        return false;
      return true;
    });
    into = std::move(l);
  }

  void person(od::value& v, Person& p) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        string(m, p.name);
      else if (key == "role")
        string(m, p.role);
      else if (key == "group")
        string(m, p.group);
      else if (key == "img")
        string(m, p.img);
      else if (key == "href")
        string(m, p.href);
      else if (key == "ext")
        ext(m, p.ext);
      else
        return false;
      return true;
    });
  }

  void chapter(od::value& v, Chapter& c) {
    bool has_start = false;
    const char* where = location(v);
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "start_ms") {
        c.start = integer(m);
        has_start = true;
      } else if (key == "end_ms")
        c.end = integer(m);
      else if (key == "title")
        string(m, c.title);
      else if (key == "url")
        string(m, c.url);
      else if (key == "img")
        string(m, c.img);
      else if (key == "toc")
        c.toc = boolean(m);
      else if (key == "location")
        location_of(m, c.location);
      else if (key == "ext")
        ext(m, c.ext);
      else
        return false;
      return true;
    });
    if (!has_start) fail_at(where, "a chapter needs \"start_ms\"");
  }

  void segment(od::value& v, Segment& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "start_ms")
        s.start = integer(m);
      else if (key == "end_ms")
        s.end = integer(m);
      else if (key == "estimated")
        s.estimated = boolean(m);
      else if (key == "speaker")
        string(m, s.speaker);
      else if (key == "text")
        string(m, s.text);
      else if (key == "html")
        string(m, s.html);
      else if (key == "id")
        string(m, s.id);
      else if (key == "ext")
        ext(m, s.ext);
      else
        return false;
      return true;
    });
  }

  void transcript(od::value& v, Transcript& t) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "language")
        string(m, t.language);
      else if (key == "ext")
        ext(m, t.ext);
      else if (key == "segments")
        list(m, t.segments, [&](od::value& e, Segment& s) { segment(e, s); });
      else
        return false;
      return true;
    });
  }

  void file_link(od::value& v, FileLink& l) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "url")
        string(m, l.url);
      else if (key == "type")
        string(m, l.type);
      else if (key == "language")
        string(m, l.language);
      else if (key == "rel")
        string(m, l.rel);
      else if (key == "ext")
        ext(m, l.ext);
      else
        return false;
      return true;
    });
  }

  void enclosure(od::value& v, std::optional<Enclosure>& into) {
    Enclosure e = take_spare(spares_.enclosures);
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "url")
        string(m, e.url);
      else if (key == "type")
        string(m, e.type);
      else if (key == "length")
        e.length = unsigned_integer(m);
      else
        return false;
      return true;
    });
    into = std::move(e);
  }

  void note(od::value& v, NoteLink& n) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "title")
        string(m, n.title);
      else if (key == "url")
        string(m, n.url);
      else
        return false;
      return true;
    });
  }

  void sponsor(od::value& v, Sponsor& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        string(m, s.name);
      else if (key == "url")
        string(m, s.url);
      else if (key == "text")
        string(m, s.text);
      else
        return false;
      return true;
    });
  }

  void soundbite(od::value& v, Soundbite& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "start_ms")
        s.start = integer(m);
      else if (key == "duration_ms")
        s.duration = integer(m);
      else if (key == "title")
        string(m, s.title);
      else
        return false;
      return true;
    });
  }

  void provenance(od::value& v, std::pair<std::string, std::string>& p) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "field")
        string(m, p.first);
      else if (key == "signal")
        string(m, p.second);
      else
        return false;
      return true;
    });
  }

  /// Reads a list of an episode: into the elements it holds when they are `stale` (from the
  /// episode read before), else appended.
  template <class T, class Fn>
  void episode_list(od::value& v, std::vector<T>& into, bool& stale, Fn&& read_item) {
    if (stale)
      list_reusing(v, into, read_item);
    else
      list(v, into, read_item);
    stale = false;
  }

  void episode(od::value& v, Episode& e) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "guid")
        string(m, e.guid);
      else if (key == "guid_is_permalink")
        e.guid_is_permalink = boolean(m);
      else if (key == "title")
        string(m, e.title);
      else if (key == "subtitle")
        string(m, e.subtitle);
      else if (key == "link")
        string(m, e.link);
      else if (key == "description")
        string(m, e.description);
      else if (key == "summary")
        string(m, e.summary);
      else if (key == "published")
        e.published = published(m);
      else if (key == "duration_ms")
        e.duration = integer(m);
      else if (key == "enclosure")
        enclosure(m, e.enclosure);
      else if (key == "image")
        string(m, e.image);
      else if (key == "season")
        e.season = integer(m);
      else if (key == "number")
        e.number = number(m);
      else if (key == "episode_type")
        string(m, e.episode_type);
      else if (key == "explicit")
        e.explicit_content = boolean(m);
      else if (key == "persons")
        episode_list(m, e.persons, stale_.persons, [&](od::value& x, Person& p) { person(x, p); });
      else if (key == "chapters")
        episode_list(m, e.chapters, stale_.chapters,
                     [&](od::value& x, Chapter& c) { chapter(x, c); });
      else if (key == "chapters_link") {
        e.chapters_link = take_spare(spares_.file_links);
        file_link(m, *e.chapters_link);
      } else if (key == "transcript_links")
        episode_list(m, e.transcript_links, stale_.transcript_links,
                     [&](od::value& x, FileLink& l) { file_link(x, l); });
      else if (key == "notes")
        list(m, e.notes, [&](od::value& x, NoteLink& n) { note(x, n); });
      else if (key == "sponsors")
        list(m, e.sponsors, [&](od::value& x, Sponsor& s) { sponsor(x, s); });
      else if (key == "soundbites")
        list(m, e.soundbites, [&](od::value& x, Soundbite& s) { soundbite(x, s); });
      else if (key == "keywords")
        strings(m, e.keywords);
      else if (key == "location")
        location_of(m, e.location);
      else if (key == "license")
        string(m, e.license);
      else if (key == "license_url")
        string(m, e.license_url);
      else if (key == "provenance")
        list(m, e.provenance, [&](od::value& x, auto& p) { provenance(x, p); });
      else if (key == "ext")
        ext(m, e.ext);
      else if (key == "transcript")
        transcript(m, e.transcript);
      else
        return false;
      return true;
    });
  }

  void category(od::value& v, Category& c) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "text")
        string(m, c.text);
      else if (key == "subcategories")
        strings(m, c.subcategories);
      else
        return false;
      return true;
    });
  }

  void funding(od::value& v, Funding& f) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "url")
        string(m, f.url);
      else if (key == "text")
        string(m, f.text);
      else
        return false;
      return true;
    });
  }

  void read_show(od::value& v, Show& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "title")
        string(m, s.title);
      else if (key == "link")
        string(m, s.link);
      else if (key == "description")
        string(m, s.description);
      else if (key == "language")
        string(m, s.language);
      else if (key == "author")
        string(m, s.author);
      else if (key == "owner_name")
        string(m, s.owner_name);
      else if (key == "owner_email")
        string(m, s.owner_email);
      else if (key == "image")
        string(m, s.image);
      else if (key == "categories")
        list(m, s.categories, [&](od::value& x, Category& c) { category(x, c); });
      else if (key == "explicit")
        s.explicit_content = boolean(m);
      else if (key == "type")
        string(m, s.type);
      else if (key == "copyright")
        string(m, s.copyright);
      else if (key == "feed_url")
        string(m, s.feed_url);
      else if (key == "podcast_guid")
        string(m, s.podcast_guid);
      else if (key == "locked")
        s.locked = boolean(m);
      else if (key == "locked_owner")
        string(m, s.locked_owner);
      else if (key == "funding")
        list(m, s.funding, [&](od::value& x, Funding& f) { funding(x, f); });
      else if (key == "persons")
        list(m, s.persons, [&](od::value& x, Person& p) { person(x, p); });
      else if (key == "medium")
        string(m, s.medium);
      else if (key == "license")
        string(m, s.license);
      else if (key == "license_url")
        string(m, s.license_url);
      else if (key == "keywords")
        strings(m, s.keywords);
      else if (key == "ext")
        ext(m, s.ext);
      else if (key == "episodes")
        list(m, s.episodes, [&](od::value& x, Episode& e) { episode(x, e); });
      else
        return false;
      return true;
    });
  }

  bool strict_;
  Spares spares_;        // parts of episodes read before, for reread_episode
  std::string scratch_;  // a string read only to be parsed
  // Which lists of the episode being reread still hold the elements of the one before.
  struct StaleLists {
    bool persons = false, chapters = false, transcript_links = false;
  } stale_;
  bool marked_ = false;  // the "castkit" marker was there
  std::string hint_;     // which format the document looks like instead, for the error
  // Unknown top-level keys, reported once the marker proved the input is castkit JSON.
  std::vector<std::pair<const char*, std::string>> unknown_keys_;
};

}  // namespace castkit::json
