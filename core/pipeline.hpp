// The run itself: import -> merge -> transforms -> export, each plugin call guarded.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "castkit/config_view.hpp"
#include "castkit/model.hpp"
#include "host_services.hpp"
#include "input_source.hpp"
#include "plugin_registry.hpp"

namespace castkit::host {

/// Runs plugins on models for one command, with one configuration.
class Pipeline {
 public:
  /// A pipeline using `registry`'s plugins, `host`'s services and the configuration `config`
  /// (all must outlive the pipeline).
  Pipeline(PluginRegistry& registry, HostServices& host, const ConfigNode& config);

  /// The importer for `input`: `format` when given, else the best probe among the importers
  /// whose cached hints fit (then among all). No importer is an input error.
  Offer<ImporterSpec> choose_importer(const Input& input, const std::string& format);

  /// Reads one input into a new model with the importer of `format` (empty: sniffed);
  /// `other_inputs` (Input::other_inputs) says how many more are merged with it.
  Show import(const InputData& data, const std::string& format, std::size_t other_inputs = 0);

  /// Reads one input into a new model with `importer` (from choose_importer).
  Show import(const InputData& data, const Offer<ImporterSpec>& importer,
              std::size_t other_inputs = 0);

  /// Reads several inputs and merges them into one model (the first input wins per field).
  Show import_all(const std::vector<InputData>& inputs, const std::vector<std::string>& formats);

  /// Applies the transform `name` with `options`.
  void transform(Show& show, const std::string& name, ConfigView options);

  /// Applies the `transforms:` list of the configuration, in order; an entry without `options:`
  /// uses `formats.<name>`.
  void apply_configured_transforms(Show& show);

  /// The live spec of the exporter of `format` (its plugin is loaded).
  Offer<ExporterSpec> exporter(const std::string& format);

  /// Writes `episode` (episode-scope formats) or `show` with the exporter of `format`.
  std::string export_model(const Show& show, const Episode* episode, const std::string& format,
                           const std::string& output_name);

  /// Converts one input straight into the file `output` (or "-") when `importer` and the
  /// exporter of `to` can stream (castkit/streaming.hpp), so the whole model is never held.
  /// Returns false, leaving `output` as it was and having printed nothing, when either cannot or
  /// the stream needs the whole model after all; the caller then runs import and export.
  bool stream(const InputData& data, const Offer<ImporterSpec>& importer, const std::string& to,
              const std::string& output, bool durable);

  /// The options section of a format: `formats.<format>` of the configuration.
  ConfigView format_options(const std::string& format) const;

  /// The input encoding from the configuration (`input.encoding`), empty for detection.
  std::string input_encoding() const;

 private:
  Context context(ConfigView options);

  PluginRegistry& registry_;
  HostServices& host_;
  const ConfigNode& config_;
};

/// The episode an episode-scope exporter writes: number `chosen` (1-based) or the only one.
/// Throws a usage error naming the count when there are several and none was chosen, or none.
const Episode& choose_episode(const Show& show, std::optional<long> chosen,
                              const std::string& format);

}  // namespace castkit::host
