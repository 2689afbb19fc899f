// The transforms plugin's entry point.
#include "castkit/plugin.hpp"
#include "transforms_format.hpp"

CASTKIT_PLUGIN("transforms", "1.0.0", castkit::transforms::register_transforms)
