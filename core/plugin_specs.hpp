// What one plugin offers: the specs it registered, kept together by kind.
#pragma once

#include <vector>

#include "castkit/plugin.hpp"

namespace castkit::host {

/// Everything one plugin registered. Read from the registry cache, the function pointers are
/// null; after the plugin is loaded they point into it.
struct PluginSpecs {
  std::vector<ImporterSpec> importers;    ///< formats it reads
  std::vector<ExporterSpec> exporters;    ///< formats it writes
  std::vector<TransformSpec> transforms;  ///< transforms it applies
  std::vector<CheckerSpec> checkers;      ///< formats it checks
};

}  // namespace castkit::host
