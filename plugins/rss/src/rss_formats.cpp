// Registration of the rss formats and the thin Importer/Exporter/Checker classes around the
// reader, writer and linter.
#include "rss_formats.hpp"

#include "feed_input.hpp"
#include "follow_links.hpp"
#include "rss_lint.hpp"
#include "rss_reader.hpp"
#include "rss_writer.hpp"

namespace castkit::rss {
namespace {

class RssImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    pugi::xml_document document;
    std::string buffer;
    parse_feed(document, buffer, input.bytes, input.encoding, input.name);
    read_rss(document, input.name, show);
    if (context.options["follow"].as_bool(false)) follow_links(show, context, input.name);
  }
};

class RssExporter final : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    WriteOptions options;
    options.always_inline_chapters = context.options["psc"].as_bool(false);
    for (const std::string& warning : write_rss(request.show, out, options))
      context.host.log(LogLevel::warning, request.output_name + ": " + warning);
  }
};

class RssChecker final : public Checker {
 public:
  int check(const Input& input, Context& context) override {
    return lint_feed(input, context.host);
  }
};

}  // namespace

Confidence probe_rss(const Input& input) {
  std::string_view head = input.bytes.substr(0, 4096);
  if (head.find("<rss") == std::string_view::npos) return 0;
  if (head.find("itunes") != std::string_view::npos ||
      head.find("podcast") != std::string_view::npos)
    return 100;
  return 80;
}

void register_formats(Registrar& registrar) {
  registrar.add(ImporterSpec{
      .format = "rss",
      .description = "RSS 2.0 podcast feed (iTunes, Podcasting 2.0, Podlove Simple Chapters)",
      .extensions = {"rss", "xml"},
      .media_types = {"application/rss+xml", "application/xml", "text/xml"},
      .signatures = {"<rss"},
      .options = {OptionSpec{"follow", "formats.rss.follow",
                             "fetch the chapters and JSON transcripts the feed links to", false}},
      .probe = probe_rss,
      .create = [] { return std::unique_ptr<Importer>(new RssImporter); },
  });
  registrar.add(ExporterSpec{
      .format = "rss",
      .description = "RSS 2.0 podcast feed with Apple and Podcasting 2.0 tags",
      .extension = "xml",
      .media_type = "application/rss+xml",
      .scope = ExportScope::show,
      .options = {OptionSpec{"psc", "formats.rss.psc",
                             "write psc:chapters inline even when an episode links a chapters file",
                             false}},
      .create = [] { return std::unique_ptr<Exporter>(new RssExporter); },
  });
  registrar.add(CheckerSpec{
      .format = "rss",
      .description = "Apple Podcasts and Podcasting 2.0 rules for feeds",
      .create = [] { return std::unique_ptr<Checker>(new RssChecker); },
  });
}

}  // namespace castkit::rss
