// The json format's importer and exporter as the plugin contract wants them.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::json {

/// The importer spec of the json format (probe, extensions, options).
ImporterSpec importer_spec();

/// The exporter spec of the json format (show scope, application/json, .json).
ExporterSpec exporter_spec();

}  // namespace castkit::json
