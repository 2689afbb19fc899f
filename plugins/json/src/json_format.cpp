// Glue between the plugin contract and the model reader / writer.
#include "json_format.hpp"

#include "castkit/streaming.hpp"
#include "model_reader.hpp"
#include "model_writer.hpp"
#include "probe.hpp"
#include "stream_reader.hpp"

namespace castkit::json {

namespace {

ReadOptions read_options(const Input& input, Context& context) {
  ReadOptions options;
  options.strict = context.options["strict"].as_bool(false);
  options.encoding = input.encoding;
  options.readable_padding = input.readable_padding;
  const ConfigView threads = context.options["threads"];
  const std::int64_t count = threads.as_int(1);
  if (count < 1 || count > kMostReadingThreads)
    threads.fail("formats.json.threads: expected 1 to " + std::to_string(kMostReadingThreads) +
                 " threads, found " + std::to_string(count));
  options.threads = static_cast<unsigned>(count);
  return options;
}

class JsonImporter final : public Importer, public StreamingImporter {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    read_model(input.bytes, input.name, show, read_options(input, context),
               [&](const Diagnostic& d) { context.host.report(d); });
  }

  void read_into(const Input& input, ModelSink& sink, Context& context) override {
    read_model_into(
        input.bytes, input.name, sink, read_options(input, context),
        [&](const Diagnostic& d) { context.host.report(d); },
        [&](std::size_t offset) { context.host.input_consumed(input, offset); });
  }
};

WriteOptions write_options(Context& context) {
  WriteOptions options;
  const ConfigView indent = context.options["indent"];
  options.indent = static_cast<int>(indent.as_int(options.indent));
  if (options.indent < 0 || options.indent > 8)
    indent.fail("formats.json.indent: expected 0 to 8 spaces, found " +
                std::to_string(options.indent));
  return options;
}

void report_written(const WriteReport& report, const std::string& output_name, Context& context) {
  if (report.replaced_bytes)
    context.host.report({Severity::warning, output_name, 0, 0,
                         std::to_string(report.replaced_bytes) +
                             " bytes of invalid UTF-8 in the model written as U+FFFD"});
  if (report.non_finite)
    context.host.report({Severity::warning, output_name, 0, 0,
                         std::to_string(report.non_finite) +
                             " NaN or infinite numbers cannot be written in JSON: extension "
                             "values written as null, episode numbers left out"});
}

/// Writes the document as the model arrives: the same bytes as JsonExporter::write.
class JsonSink final : public ModelSink {
 public:
  JsonSink(std::string output_name, std::string& out, Context& context)
      : output_name_(std::move(output_name)),
        context_(context),
        writer_(out, write_options(context)) {}

  void show(const Show& show) override { writer_.show(show); }
  void episode(const Episode& episode) override { writer_.episode(episode); }
  void segment(const Segment& segment) override { writer_.segment(segment); }
  void finish() override {
    writer_.finish();
    report_written(writer_.report(), output_name_, context_);
  }

 private:
  std::string output_name_;
  Context& context_;
  StreamWriter writer_;
};

class JsonExporter final : public Exporter, public StreamingExporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    report_written(write_model(request.show, out, write_options(context)), request.output_name,
                   context);
  }

  std::unique_ptr<ModelSink> open(const std::string& output_name, std::string& out,
                                  Context& context) override {
    return std::make_unique<JsonSink>(output_name, out, context);
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
                   .takes_value = false},
                  {.name = "json-threads",
                   .key = "formats.json.threads",
                   .help = "json input: threads reading a streamed episode list, 1 (default) or "
                           "2 (less wall time when a core is idle, about 30% more CPU time)"}},
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
