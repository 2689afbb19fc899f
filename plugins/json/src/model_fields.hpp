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
    const std::string text = string(v);
    if (const auto ms = parse_iso8601(text)) return *ms;
    fail_at(where,
            "expected an ISO 8601 time such as \"2021-06-01T12:30:00Z\", found \"" + text + "\"");
  }

  // ----- model structs -----

  void location_of(od::value& v, std::optional<Location>& into) {
    Location l;
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        l.name = string(m);
      else if (key == "geo")
        l.geo = string(m);
      else if (key == "osm")
        l.osm = string(m);
      else
        return false;
      return true;
    });
    into = std::move(l);
  }

  void person(od::value& v, Person& p) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        p.name = string(m);
      else if (key == "role")
        p.role = string(m);
      else if (key == "group")
        p.group = string(m);
      else if (key == "img")
        p.img = string(m);
      else if (key == "href")
        p.href = string(m);
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
        c.title = string(m);
      else if (key == "url")
        c.url = string(m);
      else if (key == "img")
        c.img = string(m);
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
        s.speaker = string(m);
      else if (key == "text")
        s.text = string(m);
      else if (key == "html")
        s.html = string(m);
      else if (key == "id")
        s.id = string(m);
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
        t.language = string(m);
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
        l.url = string(m);
      else if (key == "type")
        l.type = string(m);
      else if (key == "language")
        l.language = string(m);
      else if (key == "rel")
        l.rel = string(m);
      else if (key == "ext")
        ext(m, l.ext);
      else
        return false;
      return true;
    });
  }

  void enclosure(od::value& v, std::optional<Enclosure>& into) {
    Enclosure e;
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "url")
        e.url = string(m);
      else if (key == "type")
        e.type = string(m);
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
        n.title = string(m);
      else if (key == "url")
        n.url = string(m);
      else
        return false;
      return true;
    });
  }

  void sponsor(od::value& v, Sponsor& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "name")
        s.name = string(m);
      else if (key == "url")
        s.url = string(m);
      else if (key == "text")
        s.text = string(m);
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
        s.title = string(m);
      else
        return false;
      return true;
    });
  }

  void provenance(od::value& v, std::pair<std::string, std::string>& p) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "field")
        p.first = string(m);
      else if (key == "signal")
        p.second = string(m);
      else
        return false;
      return true;
    });
  }

  void episode(od::value& v, Episode& e) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "guid")
        e.guid = string(m);
      else if (key == "guid_is_permalink")
        e.guid_is_permalink = boolean(m);
      else if (key == "title")
        e.title = string(m);
      else if (key == "subtitle")
        e.subtitle = string(m);
      else if (key == "link")
        e.link = string(m);
      else if (key == "description")
        e.description = string(m);
      else if (key == "summary")
        e.summary = string(m);
      else if (key == "published")
        e.published = published(m);
      else if (key == "duration_ms")
        e.duration = integer(m);
      else if (key == "enclosure")
        enclosure(m, e.enclosure);
      else if (key == "image")
        e.image = string(m);
      else if (key == "season")
        e.season = integer(m);
      else if (key == "number")
        e.number = number(m);
      else if (key == "episode_type")
        e.episode_type = string(m);
      else if (key == "explicit")
        e.explicit_content = boolean(m);
      else if (key == "persons")
        list(m, e.persons, [&](od::value& x, Person& p) { person(x, p); });
      else if (key == "chapters")
        list(m, e.chapters, [&](od::value& x, Chapter& c) { chapter(x, c); });
      else if (key == "chapters_link")
        file_link(m, e.chapters_link.emplace());
      else if (key == "transcript_links")
        list(m, e.transcript_links, [&](od::value& x, FileLink& l) { file_link(x, l); });
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
        e.license = string(m);
      else if (key == "license_url")
        e.license_url = string(m);
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
        c.text = string(m);
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
        f.url = string(m);
      else if (key == "text")
        f.text = string(m);
      else
        return false;
      return true;
    });
  }

  void read_show(od::value& v, Show& s) {
    members(v, [&](std::string_view key, od::value& m) {
      if (key == "title")
        s.title = string(m);
      else if (key == "link")
        s.link = string(m);
      else if (key == "description")
        s.description = string(m);
      else if (key == "language")
        s.language = string(m);
      else if (key == "author")
        s.author = string(m);
      else if (key == "owner_name")
        s.owner_name = string(m);
      else if (key == "owner_email")
        s.owner_email = string(m);
      else if (key == "image")
        s.image = string(m);
      else if (key == "categories")
        list(m, s.categories, [&](od::value& x, Category& c) { category(x, c); });
      else if (key == "explicit")
        s.explicit_content = boolean(m);
      else if (key == "type")
        s.type = string(m);
      else if (key == "copyright")
        s.copyright = string(m);
      else if (key == "feed_url")
        s.feed_url = string(m);
      else if (key == "podcast_guid")
        s.podcast_guid = string(m);
      else if (key == "locked")
        s.locked = boolean(m);
      else if (key == "locked_owner")
        s.locked_owner = string(m);
      else if (key == "funding")
        list(m, s.funding, [&](od::value& x, Funding& f) { funding(x, f); });
      else if (key == "persons")
        list(m, s.persons, [&](od::value& x, Person& p) { person(x, p); });
      else if (key == "medium")
        s.medium = string(m);
      else if (key == "license")
        s.license = string(m);
      else if (key == "license_url")
        s.license_url = string(m);
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
  bool marked_ = false;  // the "castkit" marker was there
  std::string hint_;     // which format the document looks like instead, for the error
  // Unknown top-level keys, reported once the marker proved the input is castkit JSON.
  std::vector<std::pair<const char*, std::string>> unknown_keys_;
};

}  // namespace castkit::json
