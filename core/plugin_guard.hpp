// Every call into a plugin goes through guarded(): nothing a plugin throws crosses unreported.
#pragma once

#include <exception>
#include <string>

#include "castkit/diagnostics.hpp"
#include "castkit/streaming.hpp"
#include "plugin_record.hpp"

namespace castkit::host {

/// "plugin <name> (<file>)", how messages name a plugin.
inline std::string plugin_label(const PluginRecord& plugin) {
  return "plugin " + plugin.name + " (" + plugin.file + ")";
}

/// Runs `call` (a call into `plugin`). castkit::Error passes through with its diagnostic and
/// exit code (a plugin-kind error without a file gets the plugin named in front), and
/// NeedsWholeModel passes through for the streaming path to handle; any other exception becomes a
/// plugin error `plugin <name> (<file>): <what>` (exit 3).
template <class Call>
auto guarded(const PluginRecord& plugin, Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::plugin || !e.diagnostic().file.empty()) throw;
    Diagnostic named = e.diagnostic();
    named.message = plugin_label(plugin) + ": " + named.message;
    throw Error(ErrorKind::plugin, std::move(named));
  } catch (const NeedsWholeModel&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorKind::plugin,
                Diagnostic{Severity::error, {}, 0, 0, plugin_label(plugin) + ": " + e.what()});
  } catch (...) {
    throw Error(
        ErrorKind::plugin,
        Diagnostic{Severity::error, {}, 0, 0, plugin_label(plugin) + ": unknown exception"});
  }
}

}  // namespace castkit::host
