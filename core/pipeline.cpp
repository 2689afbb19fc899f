// Import, transform and export through guarded plugin calls.
#include "pipeline.hpp"

#include <algorithm>
#include <stdexcept>

#include "format_sniffer.hpp"
#include "model_merge.hpp"
#include "plugin_guard.hpp"

namespace castkit::host {
namespace {

/// The live spec named `format` in a loaded plugin.
const ImporterSpec& live_importer(const PluginRecord& plugin, const std::string& format) {
  for (const ImporterSpec& spec : plugin.specs.importers)
    if (spec.format == format) return spec;
  throw Error(ErrorKind::plugin,
              Diagnostic{Severity::error,
                         {},
                         0,
                         0,
                         plugin_label(plugin) + " no longer offers \"" + format + "\""});
}

}  // namespace

Pipeline::Pipeline(PluginRegistry& registry, HostServices& host, const ConfigNode& config)
    : registry_(registry), host_(host), config_(config) {}

Context Pipeline::context(ConfigView options) {
  return Context{host_, options, ConfigView(&config_)};
}

ConfigView Pipeline::format_options(const std::string& format) const {
  return ConfigView(&config_)["formats"][format];
}

std::string Pipeline::input_encoding() const {
  return ConfigView(&config_)["input"]["encoding"].as_string();
}

Offer<ImporterSpec> Pipeline::choose_importer(const Input& input, const std::string& format) {
  if (!format.empty()) return registry_.importer(format);
  const std::vector<Offer<ImporterSpec>> all = registry_.importers();
  const std::vector<Offer<ImporterSpec>> hinted = rank_importers(all, input);

  Offer<ImporterSpec> best;
  Confidence best_confidence = 0;
  std::vector<std::string> probed;
  auto probe = [&](const Offer<ImporterSpec>& offer) {
    const std::string name = offer.spec->format;
    probed.push_back(name);
    try {
      registry_.load(*offer.plugin);
      const ImporterSpec& spec = live_importer(*offer.plugin, name);
      Confidence confidence = guarded(*offer.plugin, [&] { return spec.probe(input); });
      host_.log(LogLevel::debug, "probe " + name + ": " + std::to_string(confidence));
      if (confidence > best_confidence) {
        best_confidence = confidence;
        best = {offer.plugin, &spec};
      }
    } catch (const Error& e) {
      host_.log(LogLevel::warning,
                format_diagnostic(e.diagnostic()) + " (probing " + input.name + ")");
    }
    return best_confidence >= 100;
  };
  for (const auto& offer : hinted)
    if (probe(offer)) return best;
  if (best_confidence > 0) return best;
  for (const auto& offer : all) {
    if (std::find(probed.begin(), probed.end(), offer.spec->format) != probed.end()) continue;
    if (probe(offer)) return best;
  }
  if (best_confidence > 0) return best;
  std::string known;
  for (const auto& offer : all) known += (known.empty() ? "" : ", ") + offer.spec->format;
  fail_input(input.name, 0, 0,
             "cannot tell the input format; name it with -f FORMAT (input formats: " +
                 (known.empty() ? std::string("none found") : known) + ")");
}

Show Pipeline::import(const InputData& data, const std::string& format, std::size_t other_inputs) {
  return import(data, choose_importer(data.plugin_input(input_encoding()), format), other_inputs);
}

Show Pipeline::import(const InputData& data, const Offer<ImporterSpec>& offer,
                      std::size_t other_inputs) {
  Input input = data.plugin_input(input_encoding());
  input.other_inputs = other_inputs;
  host_.log(LogLevel::debug, "reading " + data.name + " as " + offer.spec->format);
  Context ctx = context(format_options(offer.spec->format));
  Show show;
  guarded(*offer.plugin, [&] {
    std::unique_ptr<Importer> importer = offer.spec->create();
    if (!importer) throw std::runtime_error("create() returned no importer");
    importer->read(input, show, ctx);
  });
  return show;
}

Show Pipeline::import_all(const std::vector<InputData>& inputs,
                          const std::vector<std::string>& formats) {
  Show merged;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Show show =
        import(inputs[i], i < formats.size() ? formats[i] : std::string(), inputs.size() - 1);
    if (i == 0)
      merged = std::move(show);
    else
      merge_show(merged, std::move(show));
  }
  return merged;
}

void Pipeline::transform(Show& show, const std::string& name, ConfigView options) {
  Offer<TransformSpec> offer = registry_.transform(name);
  host_.log(LogLevel::debug, "applying transform " + name);
  Context ctx = context(options);
  guarded(*offer.plugin, [&] {
    std::unique_ptr<Transform> transform = offer.spec->create();
    if (!transform) throw std::runtime_error("create() returned no transform");
    transform->apply(show, ctx);
  });
}

void Pipeline::apply_configured_transforms(Show& show) {
  for (const ConfigView& item : ConfigView(&config_)["transforms"].items()) {
    const std::string name = item["name"].as_string();
    if (name.empty()) item.fail("a transform needs a name");
    transform(show, name, item["options"].exists() ? item["options"] : format_options(name));
  }
}

Offer<ExporterSpec> Pipeline::exporter(const std::string& format) {
  return registry_.exporter(format);
}

std::string Pipeline::export_model(const Show& show, const Episode* episode,
                                   const std::string& format, const std::string& output_name) {
  Offer<ExporterSpec> offer = registry_.exporter(format);
  Context ctx = context(format_options(format));
  std::string out;
  guarded(*offer.plugin, [&] {
    std::unique_ptr<Exporter> exporter = offer.spec->create();
    if (!exporter) throw std::runtime_error("create() returned no exporter");
    exporter->write(ExportRequest{show, episode, output_name}, out, ctx);
  });
  return out;
}

const Episode& choose_episode(const Show& show, std::optional<long> chosen,
                              const std::string& format) {
  const long count = static_cast<long>(show.episodes.size());
  if (chosen) {
    if (*chosen < 1 || *chosen > count)
      fail_usage("--episode " + std::to_string(*chosen) + " is out of range: the input has " +
                 std::to_string(count) + (count == 1 ? " episode" : " episodes"));
    return show.episodes[static_cast<std::size_t>(*chosen - 1)];
  }
  if (count == 1) return show.episodes.front();
  if (count == 0) fail_input("", 0, 0, "the input has no episode for the " + format + " output");
  fail_usage("the " + format + " output holds one episode and the input has " +
             std::to_string(count) + " episodes; choose one with --episode N (1-" +
             std::to_string(count) + ")");
}

}  // namespace castkit::host
