// The markdown format's importer and exporter as the plugin registers them.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::markdown {

/// The `markdown` importer: probe, extensions, options.
ImporterSpec importer_spec();

/// The `markdown` exporter (one episode's transcript).
ExporterSpec exporter_spec();

}  // namespace castkit::markdown
