// Registration of the transforms this plugin offers.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::transforms {

/// Adds `offset` and `rename-speakers` to `registrar`.
void register_transforms(Registrar& registrar);

}  // namespace castkit::transforms
