// The streaming conversion: an importer's pieces go straight into an exporter's sink, and its
// bytes into the output file as they come.
#include <memory>
#include <optional>
#include <stdexcept>

#include "atomic_output.hpp"
#include "background_writer.hpp"
#include "castkit/streaming.hpp"
#include "pipeline.hpp"
#include "plugin_guard.hpp"

namespace castkit::host {
namespace {

/// Moves the exporter's bytes to the output file once this many have gathered: few enough that
/// the writer thread copies them while a cache still holds them. (The 37 MB feed of bench/ to
/// RSS, 40 alternating runs: 51.9 ms and 59.7 ms CPU with 128 KiB, 55.9 ms and 61.9 ms with 1 MiB.)
constexpr std::size_t flush_bytes = 128 * 1024;
/// The room each output buffer is given at once: a flush's worth and the largest piece an
/// exporter usually adds past it, so that a buffer is not grown by doubling (copying what it
/// holds into fresh pages) on its way to flush_bytes.
constexpr std::size_t buffer_room = flush_bytes + (flush_bytes >> 2);

/// Passes the importer's pieces to the exporter's sink, each call guarded as a call into the
/// exporter's plugin, and hands the written bytes to the file's writer between calls.
class DrainingSink final : public ModelSink {
 public:
  DrainingSink(const PluginRecord& exporter, ModelSink& sink, std::string& out,
               BackgroundWriter* writer)
      : exporter_(exporter), sink_(sink), out_(out), writer_(writer) {}

  void show(const Show& show) override {
    call([&] { sink_.show(show); });
  }
  void episode(const Episode& episode) override {
    call([&] { sink_.episode(episode); });
  }
  void segment(const Segment& segment) override {
    call([&] { sink_.segment(segment); });
  }
  void finish() override {
    call([&] { sink_.finish(); });
  }

  /// What the exporter threw, already named after its plugin (null: nothing).
  std::exception_ptr failure() const { return failure_; }
  /// Why the exporter asked for the whole model (empty optional: it did not).
  const std::optional<std::string>& needs_whole_model() const { return needs_whole_model_; }

 private:
  template <class Call>
  void call(Call&& forward) {
    try {
      guarded(exporter_, forward);
    } catch (const NeedsWholeModel& e) {
      needs_whole_model_ = e.what();
      throw;
    } catch (...) {
      failure_ = std::current_exception();
      throw;
    }
    if (writer_ && out_.size() >= flush_bytes) {
      writer_->write(out_);
      out_.reserve(buffer_room);  // the first time, the writer handed back an empty string
    }
  }

  const PluginRecord& exporter_;
  ModelSink& sink_;
  std::string& out_;
  BackgroundWriter* writer_;
  std::exception_ptr failure_;
  std::optional<std::string> needs_whole_model_;
};

}  // namespace

bool Pipeline::stream(const InputData& data, const Offer<ImporterSpec>& importer_offer,
                      const std::string& to, const std::string& output, bool durable) {
  const Input input = data.plugin_input(input_encoding());
  const Offer<ExporterSpec> exporter_offer = registry_.exporter(to);
  Context import_context = context(format_options(importer_offer.spec->format));
  Context export_context = context(format_options(to));

  std::unique_ptr<Importer> importer =
      guarded(*importer_offer.plugin, [&] { return importer_offer.spec->create(); });
  std::unique_ptr<Exporter> exporter =
      guarded(*exporter_offer.plugin, [&] { return exporter_offer.spec->create(); });
  auto* streaming_importer = dynamic_cast<StreamingImporter*>(importer.get());
  auto* streaming_exporter = dynamic_cast<StreamingExporter*>(exporter.get());
  if (!streaming_importer || !streaming_exporter) return false;

  // stdout cannot take back what a failed or abandoned stream wrote: its bytes are kept until
  // the end. A file gets them as they come, in a temporary file renamed at the end.
  std::optional<AtomicFile> file;
  std::optional<BackgroundWriter> writer;  // a thread only once a first flush_bytes are written
  if (output != "-") writer.emplace(file.emplace(output, durable));
  std::string out;
  if (file && data.bytes().size() >= flush_bytes) out.reserve(buffer_room);  // a large output ahead
  std::unique_ptr<ModelSink> sink = guarded(*exporter_offer.plugin, [&] {
    return streaming_exporter->open(output, out, export_context);
  });
  if (!sink) return false;
  DrainingSink draining(*exporter_offer.plugin, *sink, out, writer ? &*writer : nullptr);

  host_.log(LogLevel::debug,
            "streaming " + data.name + " as " + importer_offer.spec->format + " into " + to);
  host_.hold_diagnostics();
  host_.attach_input(data.buffer.get());
  std::optional<std::string> whole_model_reason;
  try {
    guarded(*importer_offer.plugin,
            [&] { streaming_importer->read_into(input, draining, import_context); });
  } catch (const NeedsWholeModel& e) {
    whole_model_reason = e.what();
  } catch (...) {
    // An importer that wrapped the exporter's request still gets the whole-model path.
    if (!draining.needs_whole_model()) {
      host_.attach_input(nullptr);
      host_.release_diagnostics(true);
      if (draining.failure()) std::rethrow_exception(draining.failure());
      throw;
    }
    whole_model_reason = draining.needs_whole_model();
  }
  if (whole_model_reason) {
    host_.attach_input(nullptr);
    host_.release_diagnostics(false);
    host_.log(LogLevel::debug, "reading the whole model instead: " + *whole_model_reason);
    return false;
  }
  host_.attach_input(nullptr);
  host_.release_diagnostics(true);
  if (file) {
    writer->finish();
    file->write(out);
    file->commit();
  } else {
    write_atomically("-", out);
  }
  return true;
}

}  // namespace castkit::host
