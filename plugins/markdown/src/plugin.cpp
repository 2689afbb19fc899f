// The markdown plugin's entry point.
#include "castkit/plugin.hpp"
#include "markdown_format.hpp"

namespace {

void register_formats(castkit::Registrar& registrar) {
  registrar.add(castkit::markdown::importer_spec());
  registrar.add(castkit::markdown::exporter_spec());
}

}  // namespace

CASTKIT_PLUGIN("markdown", "1.0.0", register_formats)
