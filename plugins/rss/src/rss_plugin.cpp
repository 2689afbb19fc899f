// The rss plugin module's entry point.
#include "castkit/plugin.hpp"
#include "rss_formats.hpp"

CASTKIT_PLUGIN("rss", "1.0.0", castkit::rss::register_formats)
