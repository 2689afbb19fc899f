// Learning what a plugin file offers without risking the host: the plugin is loaded and asked to
// register in a child process, which sends back what it found.
#pragma once

#include <string>

#include "plugin_record.hpp"

namespace castkit::host {

/// Loads `file` in a forked child, checks its descriptor and collects its specs there, and
/// returns them (without function pointers: the plugin is not loaded in this process). A child
/// that crashes or dies (a plugin that segfaults or aborts while loading or registering) gives a
/// refusal naming the signal, which the registry cache remembers like any other refusal.
PluginRecord scan_plugin(const std::string& file);

}  // namespace castkit::host
