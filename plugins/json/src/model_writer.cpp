// Model -> castkit JSON. Member order here is the documented order of docs/json.md.
#include "model_writer.hpp"

#include <cmath>

#include "iso_time.hpp"
#include "json_writer.hpp"

namespace castkit::json {

/// Writes the model's structs; leaves out what is empty or unset. The document can be written
/// whole (document()) or in the order a ModelSink receives it (open_document(), then per episode
/// open_episode(), segment()..., close_episode(), then close_document()): the same bytes.
class ModelWriter {
 public:
  ModelWriter(std::string& out, int indent) : w_(out, indent) {}

  void document(const Show& show) {
    open_document(show);
    for (const Episode& e : show.episodes) {
      open_episode(e);
      close_episode();
    }
    close_document();
  }

  /// The document up to the show's episode list.
  void open_document(const Show& s) {
    w_.begin_object();
    text("castkit", kFormatVersion);
    w_.fixed_key("show");
    show_fields(s);
  }

  /// An episode up to the end of its transcript's segments, left open for more segments.
  void open_episode(const Episode& e) {
    if (!in_list_) {
      w_.fixed_key("episodes");
      w_.begin_array();
      in_list_ = true;
    }
    episode_fields(e);
    const Transcript& t = e.transcript;
    if (!t.language.empty() || !t.segments.empty() || !t.ext.empty()) {
      open_transcript(t);
      for (const Segment& s : t.segments) segment(s);
    }
  }

  /// One more segment of the open episode's transcript.
  void segment(const Segment& s) {
    if (!in_transcript_) open_transcript(Transcript{});
    if (!in_segments_) {
      w_.fixed_key("segments");
      w_.begin_array();
      in_segments_ = true;
    }
    segment_object(s);
  }

  /// Ends the open episode.
  void close_episode() {
    if (in_segments_) w_.end_array();
    if (in_transcript_) w_.end_object();
    in_segments_ = in_transcript_ = false;
    w_.end_object();
  }

  /// Ends the episode list (if any), the show and the document.
  void close_document() {
    if (in_list_) w_.end_array();
    in_list_ = false;
    w_.end_object();
    w_.end_object();
  }

  WriteReport report() const { return {w_.replaced_bytes(), non_finite_}; }

 private:
  void text(const char* name, const std::string& value) {
    if (value.empty()) return;
    w_.fixed_key(name);
    w_.string(value);
  }
  void integer(const char* name, std::int64_t value) {
    w_.fixed_key(name);
    w_.integer(value);
  }
  void optional_integer(const char* name, const std::optional<std::int64_t>& value) {
    if (value) integer(name, *value);
  }
  void optional_boolean(const char* name, const std::optional<bool>& value) {
    if (!value) return;
    w_.fixed_key(name);
    w_.boolean(*value);
  }
  void strings(const char* name, const std::vector<std::string>& values) {
    if (values.empty()) return;
    w_.fixed_key(name);
    w_.begin_array();
    for (const auto& value : values) w_.string(value);
    w_.end_array();
  }
  template <class T, class Fn>
  void list(const char* name, const std::vector<T>& items, Fn&& write_item) {
    if (items.empty()) return;
    w_.fixed_key(name);
    w_.begin_array();
    for (const auto& item : items) write_item(item);
    w_.end_array();
  }

  void value(const Value& v) {
    switch (v.kind) {
      case Value::Kind::null:
        w_.null();
        break;
      case Value::Kind::boolean:
        w_.boolean(v.boolean);
        break;
      case Value::Kind::integer:
        w_.integer(v.integer);
        break;
      case Value::Kind::number:
        if (!std::isfinite(v.number)) ++non_finite_;
        w_.number(v.number);
        break;
      case Value::Kind::string:
        w_.string(v.string);
        break;
      case Value::Kind::array:
        w_.begin_array();
        for (const auto& item : v.items) value(item);
        w_.end_array();
        break;
      case Value::Kind::object:
        w_.begin_object();
        for (const auto& [name, member] : v.members) {
          w_.key(name);
          value(member);
        }
        w_.end_object();
        break;
    }
  }
  void ext(const Extensions& extensions) {
    if (extensions.empty()) return;
    w_.fixed_key("ext");
    w_.begin_object();
    for (const auto& [name, v] : extensions) {
      w_.key(name);
      value(v);
    }
    w_.end_object();
  }

  void person(const Person& p) {
    w_.begin_object();
    text("name", p.name);
    text("role", p.role);
    text("group", p.group);
    text("img", p.img);
    text("href", p.href);
    ext(p.ext);
    w_.end_object();
  }
  void location(const char* name, const std::optional<Location>& l) {
    if (!l) return;
    w_.fixed_key(name);
    w_.begin_object();
    text("name", l->name);
    text("geo", l->geo);
    text("osm", l->osm);
    w_.end_object();
  }
  void chapter(const Chapter& c) {
    w_.begin_object();
    integer("start_ms", c.start);
    optional_integer("end_ms", c.end);
    text("title", c.title);
    text("url", c.url);
    text("img", c.img);
    if (!c.toc) optional_boolean("toc", false);
    location("location", c.location);
    ext(c.ext);
    w_.end_object();
  }
  void segment_object(const Segment& s) {
    w_.begin_object();
    optional_integer("start_ms", s.start);
    optional_integer("end_ms", s.end);
    if (s.estimated) optional_boolean("estimated", true);
    text("speaker", s.speaker);
    text("text", s.text);
    text("html", s.html);
    text("id", s.id);
    ext(s.ext);
    w_.end_object();
  }
  void open_transcript(const Transcript& t) {
    w_.fixed_key("transcript");
    w_.begin_object();
    text("language", t.language);
    ext(t.ext);
    in_transcript_ = true;
  }
  void file_link(const FileLink& l) {
    w_.begin_object();
    text("url", l.url);
    text("type", l.type);
    text("language", l.language);
    text("rel", l.rel);
    ext(l.ext);
    w_.end_object();
  }
  void enclosure(const std::optional<Enclosure>& e) {
    if (!e) return;
    w_.fixed_key("enclosure");
    w_.begin_object();
    text("url", e->url);
    text("type", e->type);
    if (e->length) {
      w_.fixed_key("length");
      w_.unsigned_integer(*e->length);
    }
    w_.end_object();
  }
  void published(const std::optional<std::int64_t>& ms) {
    if (!ms) return;
    w_.fixed_key("published");
    if (fits_iso8601(*ms)) {
      char buffer[kIso8601Capacity];
      w_.plain_string({buffer, format_iso8601(*ms, buffer)});
    } else
      w_.integer(*ms);
  }
  void episode_number(const std::optional<double>& n) {
    if (!n) return;
    if (!std::isfinite(*n)) {  // JSON has no NaN or infinity: left out
      ++non_finite_;
      return;
    }
    w_.fixed_key("number");
    // Whole numbers read better as integers; the reader accepts both.
    if (std::trunc(*n) == *n && std::fabs(*n) < 9.0e15)
      w_.integer(static_cast<std::int64_t>(*n));
    else
      w_.number(*n);
  }

  void episode_fields(const Episode& e) {
    w_.begin_object();
    text("guid", e.guid);
    optional_boolean("guid_is_permalink", e.guid_is_permalink);
    text("title", e.title);
    text("subtitle", e.subtitle);
    text("link", e.link);
    text("description", e.description);
    text("summary", e.summary);
    published(e.published);
    optional_integer("duration_ms", e.duration);
    enclosure(e.enclosure);
    text("image", e.image);
    optional_integer("season", e.season);
    episode_number(e.number);
    text("episode_type", e.episode_type);
    optional_boolean("explicit", e.explicit_content);
    list("persons", e.persons, [&](const Person& p) { person(p); });
    list("chapters", e.chapters, [&](const Chapter& c) { chapter(c); });
    if (e.chapters_link) {
      w_.fixed_key("chapters_link");
      file_link(*e.chapters_link);
    }
    list("transcript_links", e.transcript_links, [&](const FileLink& l) { file_link(l); });
    list("notes", e.notes, [&](const NoteLink& n) {
      w_.begin_object();
      text("title", n.title);
      text("url", n.url);
      w_.end_object();
    });
    list("sponsors", e.sponsors, [&](const Sponsor& s) {
      w_.begin_object();
      text("name", s.name);
      text("url", s.url);
      text("text", s.text);
      w_.end_object();
    });
    list("soundbites", e.soundbites, [&](const Soundbite& s) {
      w_.begin_object();
      integer("start_ms", s.start);
      integer("duration_ms", s.duration);
      text("title", s.title);
      w_.end_object();
    });
    strings("keywords", e.keywords);
    location("location", e.location);
    text("license", e.license);
    text("license_url", e.license_url);
    list("provenance", e.provenance, [&](const std::pair<std::string, std::string>& p) {
      w_.begin_object();
      text("field", p.first);
      text("signal", p.second);
      w_.end_object();
    });
    ext(e.ext);
  }

  void show_fields(const Show& s) {
    w_.begin_object();
    text("title", s.title);
    text("link", s.link);
    text("description", s.description);
    text("language", s.language);
    text("author", s.author);
    text("owner_name", s.owner_name);
    text("owner_email", s.owner_email);
    text("image", s.image);
    list("categories", s.categories, [&](const Category& c) {
      w_.begin_object();
      text("text", c.text);
      strings("subcategories", c.subcategories);
      w_.end_object();
    });
    optional_boolean("explicit", s.explicit_content);
    text("type", s.type);
    text("copyright", s.copyright);
    text("feed_url", s.feed_url);
    text("podcast_guid", s.podcast_guid);
    optional_boolean("locked", s.locked);
    text("locked_owner", s.locked_owner);
    list("funding", s.funding, [&](const Funding& f) {
      w_.begin_object();
      text("url", f.url);
      text("text", f.text);
      w_.end_object();
    });
    list("persons", s.persons, [&](const Person& p) { person(p); });
    text("medium", s.medium);
    text("license", s.license);
    text("license_url", s.license_url);
    strings("keywords", s.keywords);
    ext(s.ext);
  }

  Writer w_;
  std::size_t non_finite_ = 0;
  bool in_list_ = false;        // the episode list is open
  bool in_transcript_ = false;  // the open episode's transcript object is open
  bool in_segments_ = false;    // ... and its segment list
};

namespace {

/// A generous guess at the size of the JSON of `show`, so the output grows once instead of
/// doubling (each doubling copies everything written so far and touches fresh memory). Reserved
/// bytes that stay unused are never touched, so guessing high costs nothing.
std::size_t size_hint(const Show& show) {
  constexpr std::size_t per_object = 256;  // keys, indentation, numbers of one small object
  std::size_t size = per_object * (8 + show.persons.size() + show.categories.size());
  for (const Episode& e : show.episodes) {
    size += 4 * per_object + e.title.size() + e.description.size() + e.summary.size() +
            e.link.size() + e.guid.size() + e.image.size() + e.subtitle.size();
    if (e.enclosure) size += e.enclosure->url.size();
    for (const Chapter& c : e.chapters)
      size += per_object + c.title.size() + c.url.size() + c.img.size();
    for (const Segment& s : e.transcript.segments)
      size += per_object + s.text.size() + s.html.size() + s.speaker.size();
    for (const Person& p : e.persons)
      size += per_object + p.name.size() + p.img.size() + p.href.size();
    size +=
        per_object * (e.transcript_links.size() + e.notes.size() + e.sponsors.size() +
                      e.soundbites.size() + e.keywords.size() + e.provenance.size() + e.ext.size());
  }
  return size;
}

}  // namespace

StreamWriter::StreamWriter(std::string& out, const WriteOptions& options)
    : writer_(std::make_unique<ModelWriter>(out, options.indent)) {}

StreamWriter::~StreamWriter() = default;

void StreamWriter::show(const Show& show) {
  writer_->open_document(show);
  shown_ = true;
}

void StreamWriter::episode(const Episode& episode) {
  if (!shown_) show(Show{});
  if (episode_open_) writer_->close_episode();
  writer_->open_episode(episode);
  episode_open_ = true;
}

void StreamWriter::segment(const Segment& segment) {
  if (!episode_open_) episode(Episode{});
  writer_->segment(segment);
}

void StreamWriter::finish() {
  if (!shown_) show(Show{});
  if (episode_open_) writer_->close_episode();
  episode_open_ = false;
  writer_->close_document();
}

WriteReport StreamWriter::report() const {
  return writer_->report();
}

WriteReport write_model(const Show& show, std::string& out, const WriteOptions& options) {
  out.reserve(out.size() + size_hint(show));
  ModelWriter writer(out, options.indent);
  writer.document(show);
  return writer.report();
}

}  // namespace castkit::json
