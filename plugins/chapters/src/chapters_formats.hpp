// The chapters plugin's formats: `chapters` (Podcasting 2.0 JSON chapters) and `psc` (Podlove
// Simple Chapters as a standalone XML document).
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::chapters {

/// Adds the chapters and psc importers and exporters to `registrar`.
void register_formats(Registrar& registrar);

/// The episode a chapters importer fills: the show's first, created when there is none.
Episode& target_episode(Show& show);

/// The episode an episode-level exporter writes: the request's, else the show's first. Throws
/// a usage error when the show has no episode.
const Episode& requested_episode(const ExportRequest& request);

}  // namespace castkit::chapters
