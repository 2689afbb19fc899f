// The text plugin's entry point.
#include "castkit/plugin.hpp"
#include "text_format.hpp"

namespace {

void register_formats(castkit::Registrar& registrar) {
  registrar.add(castkit::text_page::importer_spec());
}

}  // namespace

CASTKIT_PLUGIN("text", "1.0.0", register_formats)
