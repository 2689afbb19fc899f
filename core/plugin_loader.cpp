// Loads plugin libraries. The only file of the host that knows Boost.DLL.
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <vector>

#include <dlfcn.h>

#include <boost/dll/shared_library.hpp>

#include "plugin_loader.hpp"

namespace castkit::host {
namespace {

/// Libraries stay loaded until the process exits: objects and specs a plugin made may point
/// into its code until then.
std::vector<std::unique_ptr<boost::dll::shared_library>>& kept_libraries() {
  static std::vector<std::unique_ptr<boost::dll::shared_library>> libraries;
  return libraries;
}

std::string hex32(std::uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08X", value);
  return buffer;
}

std::string prefix(const std::string& name, const std::string& file) {
  return "plugin " + name + " (" + file + "): ";
}

/// Collects what a plugin's registration function offers and checks each spec is usable.
class CollectingRegistrar final : public Registrar {
 public:
  void add(ImporterSpec spec) override {
    require(!spec.format.empty() && spec.probe && spec.create, "an importer", spec.format);
    specs.importers.push_back(std::move(spec));
  }
  void add(ExporterSpec spec) override {
    require(!spec.format.empty() && spec.create, "an exporter", spec.format);
    specs.exporters.push_back(std::move(spec));
  }
  void add(TransformSpec spec) override {
    require(!spec.name.empty() && spec.create, "a transform", spec.name);
    specs.transforms.push_back(std::move(spec));
  }
  void add(CheckerSpec spec) override {
    require(!spec.format.empty() && spec.create, "a checker", spec.format);
    specs.checkers.push_back(std::move(spec));
  }

  PluginSpecs specs;  ///< everything registered so far

 private:
  static void require(bool ok, const char* what, const std::string& format) {
    if (!ok)
      throw std::runtime_error(std::string("registers ") + what + " \"" + format +
                               "\" without a name or without its functions");
  }
};

}  // namespace

std::string plugin_name_from_file(const std::string& file) {
  std::string_view name = file;
  if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name.starts_with("castkit-")) name.remove_prefix(8);
  if (auto dot = name.find('.'); dot != std::string_view::npos) name = name.substr(0, dot);
  return std::string(name);
}

std::string check_descriptor(const castkit_plugin_descriptor* d, const std::string& name,
                             const std::string& file) {
  const std::string who = prefix(name, file);
  if (!d) return who + "not a castkit plugin: its entry point returned no descriptor";
  if (d->magic != CASTKIT_PLUGIN_MAGIC)
    return who + "not a castkit plugin: descriptor magic " + hex32(d->magic) + ", expected " +
           hex32(CASTKIT_PLUGIN_MAGIC);
  const std::string versions = "built for castkit ABI " + std::to_string(d->abi_major) + "." +
                               std::to_string(d->abi_minor) + ", this castkit speaks " +
                               std::to_string(CASTKIT_ABI_MAJOR) + "." +
                               std::to_string(CASTKIT_ABI_MINOR);
  // Major and minor sit right after magic and size in every ABI version, so they can be read
  // before the size is known to cover the rest.
  if (d->abi_major != CASTKIT_ABI_MAJOR || d->abi_minor > CASTKIT_ABI_MINOR) return who + versions;
  if (d->struct_size < sizeof(castkit_plugin_descriptor))
    return who + "descriptor is " + std::to_string(d->struct_size) +
           " bytes, this castkit needs at least " +
           std::to_string(sizeof(castkit_plugin_descriptor));
  const char* tag = d->build_tag ? d->build_tag : "(none)";
  if (std::strcmp(tag, CASTKIT_BUILD_TAG) != 0)
    return who + "built with " + tag + ", this castkit was built with " CASTKIT_BUILD_TAG;
  if (!d->name || !*d->name || !d->version || !d->register_formats)
    return who + "descriptor lacks a name, a version or a registration function";
  return {};
}

LoadOutcome load_plugin(const std::string& file, bool bind_now) {
  const std::string file_name = plugin_name_from_file(file);
  boost::dll::fs::error_code error;
  const auto binding =
      bind_now ? boost::dll::load_mode::rtld_now : boost::dll::load_mode::rtld_lazy;
  auto library = std::make_unique<boost::dll::shared_library>(
      file, binding | boost::dll::load_mode::rtld_local, error);
  if (error || !library->is_loaded()) {
    const char* reason = dlerror();
    return {std::nullopt, prefix(file_name, file) + "cannot be loaded: " +
                              (reason ? std::string(reason) : error.message())};
  }
  boost::dll::shared_library& lib = *kept_libraries().emplace_back(std::move(library));
  if (!lib.has(CASTKIT_PLUGIN_ENTRY_NAME))
    return {std::nullopt, prefix(file_name, file) +
                              "not a castkit plugin: no " CASTKIT_PLUGIN_ENTRY_NAME " entry point"};
  auto& entry = lib.get<const castkit_plugin_descriptor*()>(CASTKIT_PLUGIN_ENTRY_NAME);
  const castkit_plugin_descriptor* descriptor = nullptr;
  try {
    descriptor = entry();
  } catch (const std::exception& e) {
    return {std::nullopt, prefix(file_name, file) + "entry point failed: " + e.what()};
  } catch (...) {
    return {std::nullopt, prefix(file_name, file) + "entry point failed"};
  }
  if (std::string refusal = check_descriptor(descriptor, file_name, file); !refusal.empty())
    return {std::nullopt, std::move(refusal)};

  LoadedPlugin plugin{descriptor->name, descriptor->version, {}};
  CollectingRegistrar registrar;
  try {
    descriptor->register_formats(registrar);
  } catch (const std::exception& e) {
    return {std::nullopt, prefix(plugin.name, file) + "registration failed: " + e.what()};
  } catch (...) {
    return {std::nullopt, prefix(plugin.name, file) + "registration failed: unknown exception"};
  }
  plugin.specs = std::move(registrar.specs);
  return {std::move(plugin), {}};
}

}  // namespace castkit::host
