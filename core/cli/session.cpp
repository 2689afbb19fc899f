// Command set-up shared by every command.
#include "cli/session.hpp"

#include "project_config.hpp"
#include "project_schema.hpp"
#include "registry_cache.hpp"
#include "search_paths.hpp"

namespace castkit::cli {

host::Verbosity verbosity_from(const std::vector<std::string_view>& args) {
  if (prescan_flag(args, "quiet", 'q')) return host::Verbosity::quiet;
  if (prescan_flag(args, "verbose", 'v')) return host::Verbosity::verbose;
  return host::Verbosity::normal;
}

Session::Session(const std::vector<std::string_view>& args, const std::string& config_file,
                 bool with_defaults)
    : host_(verbosity_from(args)) {
  config_.kind = ConfigNode::Kind::mapping;
  if (with_defaults) {
    if (const std::string defaults = host::default_config_file(); !defaults.empty())
      config_ = host::load_config_file(defaults);
  }
  if (!config_file.empty()) {
    // The file's own keys are checked before the defaults are laid under it.
    host::KeyPositions keys;
    const ConfigNode file = host::load_config_file(config_file, &keys);
    host::check_project_schema(file, keys, host_);
    host::overlay_config(config_, file);
    if (auto slash = config_file.rfind('/'); slash != std::string::npos)
      config_dir_ = slash == 0 ? "/" : config_file.substr(0, slash);
  }
  plugin_dirs_ = prescan(args, "plugin-path");
}

host::PluginRegistry& Session::registry(host::RegistryTexts texts) {
  const bool more_texts =
      texts == host::RegistryTexts::all && registry_texts_ == host::RegistryTexts::brief;
  if (!registry_ || more_texts) {
    registry_.reset();
    registry_.emplace(host::plugin_search_path(plugin_dirs_, view(), config_dir_),
                      host::default_registry_file(), host_, texts);
    registry_texts_ = texts;
  }
  return *registry_;
}

std::vector<OptionDef> Session::common_options() {
  return {
      {"verbose", 'v', "", "print what castkit does"},
      {"quiet", 'q', "", "print errors only"},
      {"plugin-path", 0, "DIR", "look for plugins in DIR first (repeatable)", "", true},
      {"help", 'h', "", "show this help"},
  };
}

std::vector<OptionDef> Session::plugin_options(host::RegistryTexts texts) {
  std::vector<OptionDef> out;
  auto add = [&](const std::vector<OptionSpec>& specs, const std::string& owner) {
    for (const OptionSpec& spec : specs) {
      bool known = false;
      for (const auto& existing : out) known = known || existing.name == spec.name;
      if (known) continue;
      out.push_back({spec.name, 0, spec.takes_value ? "VALUE" : "",
                     spec.help.empty() ? std::string() : spec.help + " [" + owner + "]", spec.key,
                     true});
    }
  };
  host::PluginRegistry& plugins = registry(texts);
  for (const auto& offer : plugins.importers()) add(offer.spec->options, offer.spec->format);
  for (const auto& offer : plugins.exporters()) add(offer.spec->options, offer.spec->format);
  for (const auto& offer : plugins.transforms()) add(offer.spec->options, offer.spec->name);
  return out;
}

void Session::apply_overrides(const ParsedArgs& parsed) {
  for (const std::string& argument : parsed.all("set")) host::apply_set_argument(config_, argument);
  for (const auto& [key, value] : parsed.config_sets)
    host::set_config_value(config_, key, value, "--" + key);
  if (parsed.has("input-encoding"))
    host::set_config_value(config_, "input.encoding", parsed.get("input-encoding"),
                           "--input-encoding");
  net::FetchOptions fetch = net::fetch_options_from(view()["fetch"]);
  if (parsed.has("offline")) fetch.offline = true;
  if (parsed.has("cache-dir")) fetch.cache_dir = parsed.get("cache-dir");
  host_.set_fetch_options(fetch);
}

bool Session::durable_outputs() const {
  return view()["output"]["fsync"].as_bool(false);
}

std::uint64_t Session::max_input_bytes() const {
  const std::int64_t limit = view()["limits"]["max_input_bytes"].as_int(512ll << 20);
  if (limit <= 0) view()["limits"]["max_input_bytes"].fail("expected a positive number of bytes");
  return static_cast<std::uint64_t>(limit);
}

}  // namespace castkit::cli
