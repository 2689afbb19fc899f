// The chapters plugin module's entry point.
#include "castkit/plugin.hpp"
#include "chapters_formats.hpp"

CASTKIT_PLUGIN("chapters", "1.0.0", castkit::chapters::register_formats)
