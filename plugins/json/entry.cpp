// The json plugin's entry point: castkit's own model as JSON, both ways.
#include "castkit/plugin.hpp"
#include "json_format.hpp"

namespace {

void register_json(castkit::Registrar& registrar) {
  registrar.add(castkit::json::importer_spec());
  registrar.add(castkit::json::exporter_spec());
}

}  // namespace

CASTKIT_PLUGIN("json", "1.0.0", register_json)
