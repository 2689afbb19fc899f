// Registration of the chapters and psc formats.
#include "chapters_formats.hpp"

#include "castkit/feed/json_chapters.hpp"
#include "json_chapters_format.hpp"
#include "psc_format.hpp"

namespace castkit::chapters {
namespace {

class JsonChaptersImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context&) override { read_json_chapters(input, show); }
};

class JsonChaptersExporter final : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context&) override {
    write_json_chapters_file(request.show, requested_episode(request), out);
  }
};

class PscImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context&) override { read_psc(input, show); }
};

class PscExporter final : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context&) override {
    write_psc(requested_episode(request), out);
  }
};

}  // namespace

Episode& target_episode(Show& show) {
  if (show.episodes.empty()) show.episodes.emplace_back();
  return show.episodes.front();
}

const Episode& requested_episode(const ExportRequest& request) {
  if (request.episode) return *request.episode;
  if (request.show.episodes.empty()) fail_usage("there is no episode to write chapters for");
  return request.show.episodes.front();
}

void register_formats(Registrar& registrar) {
  registrar.add(ImporterSpec{
      .format = "chapters",
      .description = "Podcasting 2.0 JSON chapters (1.2; 1.0 fields accepted)",
      .extensions = {"chapters.json"},
      .media_types = {"application/json+chapters", "application/audio-chapters+json"},
      .signatures = {"\"startTime\""},
      .probe = probe_json_chapters,
      .create = [] { return std::unique_ptr<Importer>(new JsonChaptersImporter); },
  });
  registrar.add(ExporterSpec{
      .format = "chapters",
      .description = "Podcasting 2.0 JSON chapters 1.2",
      .extension = "chapters.json",
      .media_type = std::string(feed::json_chapters_media_type),
      .scope = ExportScope::episode,
      .link_role = LinkRole::chapters,
      .create = [] { return std::unique_ptr<Exporter>(new JsonChaptersExporter); },
  });
  registrar.add(ImporterSpec{
      .format = "psc",
      .description = "Podlove Simple Chapters (standalone XML)",
      .extensions = {"psc", "psc.xml"},
      .media_types = {},
      .signatures = {"http://podlove.org/simple-chapters"},
      .probe = probe_psc,
      .create = [] { return std::unique_ptr<Importer>(new PscImporter); },
  });
  registrar.add(ExporterSpec{
      .format = "psc",
      .description = "Podlove Simple Chapters (standalone XML)",
      .extension = "psc.xml",
      .media_type = "application/xml",
      .scope = ExportScope::episode,
      .create = [] { return std::unique_ptr<Exporter>(new PscExporter); },
  });
}

}  // namespace castkit::chapters
