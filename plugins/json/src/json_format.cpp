// Glue between the plugin contract and the model reader / writer.
#include "json_format.hpp"

#include "model_reader.hpp"
#include "model_writer.hpp"
#include "probe.hpp"

namespace castkit::json {

namespace {

class JsonImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    ReadOptions options;
    options.strict = context.options["strict"].as_bool(false);
    options.encoding = input.encoding;
    read_model(input.bytes, input.name, show, options,
               [&](const Diagnostic& d) { context.host.report(d); });
  }
};

class JsonExporter final : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    WriteOptions options;
    const ConfigView indent = context.options["indent"];
    options.indent = static_cast<int>(indent.as_int(options.indent));
    if (options.indent < 0 || options.indent > 8)
      indent.fail("formats.json.indent: expected 0 to 8 spaces, found " +
                  std::to_string(options.indent));
    const WriteReport report = write_model(request.show, out, options);
    if (report.replaced_bytes)
      context.host.report({Severity::warning, request.output_name, 0, 0,
                           std::to_string(report.replaced_bytes) +
                               " bytes of invalid UTF-8 in the model written as U+FFFD"});
    if (report.non_finite)
      context.host.report({Severity::warning, request.output_name, 0, 0,
                           std::to_string(report.non_finite) +
                               " NaN or infinite numbers cannot be written in JSON: extension "
                               "values written as null, episode numbers left out"});
  }
};

}  // namespace

ImporterSpec importer_spec() {
  return ImporterSpec{
      .format = "json",
      .description = "castkit's own model as JSON (lossless)",
      .extensions = {"json"},
      .media_types = {"application/json"},
      .signatures = {"\"castkit\""},
      .options = {{.name = "json-strict",
                   .key = "formats.json.strict",
                   .help = "json input: unknown keys are errors, not warnings",
                   .takes_value = false}},
      .probe = [](const Input& input) { return probe_model(input.bytes); },
      .create = [] { return std::unique_ptr<Importer>(new JsonImporter()); },
  };
}

ExporterSpec exporter_spec() {
  return ExporterSpec{
      .format = "json",
      .description = "castkit's own model as JSON (lossless, deterministic)",
      .extension = "json",
      .media_type = "application/json",
      .scope = ExportScope::show,
      .link_role = LinkRole::none,
      .options = {{.name = "json-indent",
                   .key = "formats.json.indent",
                   .help =
                       "json output: spaces per indentation level, 0 for one line (default 2)"}},
      .create = [] { return std::unique_ptr<Exporter>(new JsonExporter()); },
  };
}

}  // namespace castkit::json
