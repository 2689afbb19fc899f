// The rss plugin's formats: importer, exporter and checker of RSS podcast feeds.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::rss {

/// Adds the `rss` importer, exporter and checker to `registrar`.
void register_formats(Registrar& registrar);

/// How sure the rss importer is that `input` is an RSS feed.
Confidence probe_rss(const Input& input);

}  // namespace castkit::rss
