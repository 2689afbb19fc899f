// Choosing which importers to probe for an input without loading every plugin.
#pragma once

#include <vector>

#include "castkit/plugin.hpp"
#include "plugin_registry.hpp"

namespace castkit::host {

/// How well an importer's cached hints fit `input`: 2 for a signature found in its first 4 KiB,
/// 1 for its file name ending, 1 for its media type. 0: no hint fits.
int hint_score(const ImporterSpec& spec, const Input& input);

/// The importers whose hints fit `input`, best first (ties keep search order).
std::vector<Offer<ImporterSpec>> rank_importers(const std::vector<Offer<ImporterSpec>>& offers,
                                                const Input& input);

}  // namespace castkit::host
