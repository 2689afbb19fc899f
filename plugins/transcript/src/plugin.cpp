// The transcript plugin's entry point: transcript-json and transcript-html.
#include "castkit/plugin.hpp"
#include "transcript_formats.hpp"

namespace {

void register_formats(castkit::Registrar& registrar) {
  registrar.add(castkit::transcript::json_importer_spec());
  registrar.add(castkit::transcript::json_exporter_spec());
  registrar.add(castkit::transcript::html_importer_spec());
  registrar.add(castkit::transcript::html_exporter_spec());
}

}  // namespace

CASTKIT_PLUGIN("transcript", "1.0.0", register_formats)
