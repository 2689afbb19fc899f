// The model parts written in castkit.yaml: `show:` metadata and per-episode field overrides.
#pragma once

#include "castkit/config_view.hpp"
#include "castkit/model.hpp"

namespace castkit::host {

/// Sets every Show field present in `show` (snake_case keys, see docs/configuration.md) on
/// `into`; present values win over imported ones. Bad values are usage errors at their position.
void apply_show_config(Show& into, const ConfigView& show);

/// Sets every Episode field present in `episode` (an entry of `episodes:`) on `into`.
void apply_episode_config(Episode& into, const ConfigView& episode);

}  // namespace castkit::host
