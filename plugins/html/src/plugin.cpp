// Registers the html importer: episode web pages.
#include "castkit/plugin.hpp"
#include "html_importer.hpp"

namespace {

void register_formats(castkit::Registrar& registrar) {
  registrar.add(castkit::ImporterSpec{
      .format = "html",
      .description = "episode web page (site profiles, JSON-LD, RSS link, OpenGraph, heuristics)",
      .extensions = {"html", "htm", "xhtml"},
      .media_types = {"text/html", "application/xhtml+xml"},
      .signatures = {"<!DOCTYPE html", "<!doctype html", "<html"},
      .options = {castkit::OptionSpec{"site", "formats.html.site",
                                      "read the page with the named site profile (config/sites)"}},
      .probe = &castkit::html::probe_html,
      .create =
          [] { return std::unique_ptr<castkit::Importer>(new castkit::html::HtmlImporter()); },
  });
}

}  // namespace

CASTKIT_PLUGIN("html", "0.1.0", register_formats)
