// The `offset` transform: shifts every time in the episodes, e.g. after inserting a pre-roll.
#pragma once

#include <memory>

#include "castkit/model.hpp"
#include "castkit/plugin.hpp"

namespace castkit::transforms {

/// Adds `ms` (may be negative) to every chapter start and end, transcript segment start and end,
/// and soundbite start of every episode. Times that would fall below zero become zero.
/// Returns how many times were clamped to zero.
std::size_t shift_times(Show& show, Millis ms);

/// The transform: reads option `ms` (an integer) and applies shift_times.
std::unique_ptr<Transform> make_offset();

}  // namespace castkit::transforms
