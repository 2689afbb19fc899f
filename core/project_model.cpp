// castkit.yaml values -> model fields. The keys are the model's field names in snake_case.
#include "project_model.hpp"

#include "time_values.hpp"

namespace castkit::host {
namespace {

void set(std::string& field, const ConfigView& v) {
  if (v.exists()) field = v.as_string();
}
void set(std::optional<bool>& field, const ConfigView& v) {
  if (v.exists()) field = v.as_bool(false);
}
void set(std::optional<std::int64_t>& field, const ConfigView& v) {
  if (v.exists()) field = v.as_int(0);
}
void set(std::optional<double>& field, const ConfigView& v) {
  if (v.exists()) field = v.as_double(0);
}
void set(std::vector<std::string>& field, const ConfigView& v) {
  if (!v.exists()) return;
  if (v.node()->kind != ConfigNode::Kind::sequence) v.fail("expected a list of strings");
  field.clear();
  for (const ConfigView& item : v.items()) field.push_back(item.as_string());
}

/// A list of mappings, each turned into T by `read`.
template <class T, class Read>
void set_list(std::vector<T>& field, const ConfigView& v, Read read) {
  if (!v.exists()) return;
  if (v.node()->kind != ConfigNode::Kind::sequence) v.fail("expected a list");
  field.clear();
  for (const ConfigView& item : v.items()) {
    if (item.node()->kind != ConfigNode::Kind::mapping) item.fail("expected a mapping");
    field.push_back(read(item));
  }
}

std::int64_t clock_value(const ConfigView& v) {
  const std::string text = v.as_string();
  if (auto ms = parse_clock(text)) return *ms;
  v.fail("expected a time as HH:MM:SS, MM:SS or seconds, found \"" + text + "\"");
}

Person person(const ConfigView& v) {
  Person p;
  set(p.name, v["name"]);
  set(p.role, v["role"]);
  set(p.group, v["group"]);
  set(p.img, v["img"]);
  set(p.href, v["href"]);
  return p;
}

Location location(const ConfigView& v) {
  Location l;
  set(l.name, v["name"]);
  set(l.geo, v["geo"]);
  set(l.osm, v["osm"]);
  return l;
}

Category category(const ConfigView& v) {
  Category c;
  if (v.node()->kind == ConfigNode::Kind::scalar) {
    c.text = v.as_string();
    return c;
  }
  set(c.text, v["text"]);
  set(c.subcategories, v["subcategories"]);
  return c;
}

}  // namespace

void apply_show_config(Show& s, const ConfigView& v) {
  if (!v.exists()) return;
  if (v.node()->kind != ConfigNode::Kind::mapping) v.fail("expected a mapping of show fields");
  set(s.title, v["title"]);
  set(s.link, v["link"]);
  set(s.description, v["description"]);
  set(s.language, v["language"]);
  set(s.author, v["author"]);
  set(s.owner_name, v["owner"]["name"]);
  set(s.owner_email, v["owner"]["email"]);
  set(s.image, v["image"]);
  if (const ConfigView c = v["categories"]; c.exists()) {
    if (c.node()->kind != ConfigNode::Kind::sequence) c.fail("expected a list of categories");
    s.categories.clear();
    for (const ConfigView& item : c.items()) s.categories.push_back(category(item));
  }
  set(s.explicit_content, v["explicit"]);
  set(s.type, v["type"]);
  set(s.copyright, v["copyright"]);
  set(s.feed_url, v["feed_url"]);
  set(s.podcast_guid, v["podcast_guid"]);
  set(s.locked, v["locked"]);
  set(s.locked_owner, v["locked_owner"]);
  set_list(s.funding, v["funding"], [](const ConfigView& f) {
    Funding out;
    set(out.url, f["url"]);
    set(out.text, f["text"]);
    return out;
  });
  set_list(s.persons, v["persons"], person);
  set(s.medium, v["medium"]);
  set(s.license, v["license"]);
  set(s.license_url, v["license_url"]);
  set(s.keywords, v["keywords"]);
}

void apply_episode_config(Episode& e, const ConfigView& v) {
  set(e.guid, v["guid"]);
  set(e.guid_is_permalink, v["guid_is_permalink"]);
  set(e.title, v["title"]);
  set(e.subtitle, v["subtitle"]);
  set(e.link, v["link"]);
  set(e.description, v["description"]);
  set(e.summary, v["summary"]);
  if (const ConfigView p = v["published"]; p.exists()) {
    const std::string text = p.as_string();
    const auto ms = parse_iso8601(text);
    if (!ms)
      p.fail("expected an ISO 8601 date or date-time (e.g. 2023-02-09T12:00:00Z), found \"" + text +
             "\"");
    e.published = *ms;
  }
  if (const ConfigView d = v["duration"]; d.exists()) e.duration = clock_value(d);
  if (const ConfigView enc = v["enclosure"]; enc.exists()) {
    if (enc.node()->kind != ConfigNode::Kind::mapping)
      enc.fail("expected a mapping with url, type, length");
    Enclosure out = e.enclosure.value_or(Enclosure{});
    set(out.url, enc["url"]);
    set(out.type, enc["type"]);
    if (const ConfigView length = enc["length"]; length.exists()) {
      const std::int64_t bytes = length.as_int(0);
      if (bytes < 0) length.fail("expected a length in bytes (0 or more)");
      out.length = static_cast<std::uint64_t>(bytes);
    }
    e.enclosure = out;
  }
  set(e.image, v["image"]);
  set(e.season, v["season"]);
  set(e.number, v["number"]);
  set(e.episode_type, v["episode_type"]);
  set(e.explicit_content, v["explicit"]);
  set_list(e.persons, v["persons"], person);
  set_list(e.notes, v["notes"], [](const ConfigView& n) {
    NoteLink out;
    set(out.title, n["title"]);
    set(out.url, n["url"]);
    return out;
  });
  set_list(e.sponsors, v["sponsors"], [](const ConfigView& n) {
    Sponsor out;
    set(out.name, n["name"]);
    set(out.url, n["url"]);
    set(out.text, n["text"]);
    return out;
  });
  set_list(e.soundbites, v["soundbites"], [](const ConfigView& n) {
    Soundbite out;
    if (n["start"].exists()) out.start = clock_value(n["start"]);
    if (n["duration"].exists()) out.duration = clock_value(n["duration"]);
    set(out.title, n["title"]);
    return out;
  });
  set(e.keywords, v["keywords"]);
  if (const ConfigView l = v["location"]; l.exists()) e.location = location(l);
  set(e.license, v["license"]);
  set(e.license_url, v["license_url"]);
  if (const ConfigView lang = v["transcript_language"]; lang.exists())
    e.transcript.language = lang.as_string();
}

}  // namespace castkit::host
