// The schema of castkit.yaml: which keys exist and what type each holds.
#pragma once

#include "castkit/config_view.hpp"
#include "castkit/host.hpp"
#include "project_config.hpp"

namespace castkit::host {

/// Checks a project configuration: a value of the wrong type is a usage error at its line:col
/// (thrown); an unknown key is a warning at the key's line:col (reported through `host`).
/// Under `formats:` and a transform's `options:` any key is accepted (plugins define them).
void check_project_schema(const ConfigNode& root, const KeyPositions& keys, Host& host);

}  // namespace castkit::host
