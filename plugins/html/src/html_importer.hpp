// The `html` importer: an episode page in, one episode out.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "castkit/plugin.hpp"

namespace castkit::html {

/// Reads an episode page: a matching site profile first, then the generic chain (JSON-LD,
/// RSS link, OpenGraph / meta, headings and heuristics).
class HtmlImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override;
};

/// Reads the episode from a page already parsed into `document` (what HtmlImporter::read does
/// after parsing; the parser comparison runs it on other trees).
void read_page(const pugi::xml_document& document, const Input& input, Show& show,
               Context& context);

/// How sure the importer is that `input` is an HTML page.
Confidence probe_html(const Input& input);

/// Where site profiles are looked for, in order: `formats.html.sites` (a directory or a list),
/// $CASTKIT_SITES_PATH (colon-separated), then an installation's share/castkit/sites (found
/// relative to the plugin) or, when there is none, the source tree's config/sites (a build tree).
std::vector<std::string> site_directories(const ConfigView& options);

}  // namespace castkit::html
