#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "rss_formats.hpp"

namespace castkit::rss::test {
namespace {

/// Collects the specs rss registers.
struct CollectingRegistrar : Registrar {
  std::vector<ImporterSpec> importers;
  std::vector<ExporterSpec> exporters;
  std::vector<CheckerSpec> checkers;
  void add(ImporterSpec spec) override { importers.push_back(std::move(spec)); }
  void add(ExporterSpec spec) override { exporters.push_back(std::move(spec)); }
  void add(TransformSpec) override {}
  void add(CheckerSpec spec) override { checkers.push_back(std::move(spec)); }
};

CollectingRegistrar& specs() {
  static CollectingRegistrar registrar = [] {
    CollectingRegistrar r;
    register_formats(r);
    return r;
  }();
  return registrar;
}

ConfigNode options_node(const std::map<std::string, std::string>& options) {
  ConfigNode node;
  node.kind = ConfigNode::Kind::mapping;
  for (const auto& [key, value] : options) {
    ConfigNode child;
    child.kind = ConfigNode::Kind::scalar;
    child.scalar = value;
    node.members.emplace_back(key, child);
  }
  return node;
}

}  // namespace

std::string read_data(const std::string& relative) {
  std::ifstream in(std::string(CASTKIT_TEST_DATA) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing test data " + relative);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> corpus_feeds() {
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(CASTKIT_TEST_DATA) + "/rss"))
    if (entry.path().extension() == ".xml") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

FetchResponse RecordingHost::fetch(const FetchRequest& request) {
  FetchResponse response;
  response.url = response.final_url = request.url;
  auto it = bodies.find(request.url);
  response.status = it == bodies.end() ? 404 : 200;
  if (it != bodies.end()) response.body = it->second;
  return response;
}

std::vector<FetchResponse> RecordingHost::fetch_all(const std::vector<FetchRequest>& requests) {
  std::vector<FetchResponse> responses;
  for (const auto& request : requests) responses.push_back(fetch(request));
  return responses;
}

int RecordingHost::count(Severity severity) const {
  return static_cast<int>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [&](const Diagnostic& d) { return d.severity == severity; }));
}

Show import_feed(std::string_view bytes, const std::string& name,
                 const std::map<std::string, std::string>& options, RecordingHost* host) {
  RecordingHost local;
  RecordingHost& used = host ? *host : local;
  ConfigNode node = options_node(options);
  Context context{used, ConfigView(&node), ConfigView()};
  Input input{name, bytes, {}, {}, {}};
  Show show;
  specs().importers.at(0).create()->read(input, show, context);
  return show;
}

std::string export_feed(const Show& show, RecordingHost* host) {
  RecordingHost local;
  RecordingHost& used = host ? *host : local;
  Context context{used, ConfigView(), ConfigView()};
  std::string out;
  specs().exporters.at(0).create()->write(ExportRequest{show, nullptr, "feed.xml"}, out, context);
  return out;
}

namespace {

/// The rss exporter's sink writing into `out`.
std::unique_ptr<ModelSink> open_rss_sink(std::string& out, Context& context) {
  std::unique_ptr<Exporter> exporter = specs().exporters.at(0).create();
  auto* streaming = dynamic_cast<StreamingExporter*>(exporter.get());
  if (!streaming) throw std::runtime_error("the rss exporter does not stream");
  return streaming->open("feed.xml", out, context);
}

}  // namespace

void stream_feed(std::string_view bytes, ModelSink& sink,
                 const std::map<std::string, std::string>& options, RecordingHost* host) {
  RecordingHost local;
  RecordingHost& used = host ? *host : local;
  ConfigNode node = options_node(options);
  Context context{used, ConfigView(&node), ConfigView()};
  Input input{"feed.xml", bytes, {}, {}, {}};
  std::unique_ptr<Importer> importer = specs().importers.at(0).create();
  auto* streaming = dynamic_cast<StreamingImporter*>(importer.get());
  if (!streaming) throw std::runtime_error("the rss importer does not stream");
  streaming->read_into(input, sink, context);
}

std::string stream_feed_to_rss(std::string_view bytes, RecordingHost* host) {
  RecordingHost local;
  RecordingHost& used = host ? *host : local;
  Context context{used, ConfigView(), ConfigView()};
  std::string out;
  std::unique_ptr<ModelSink> sink = open_rss_sink(out, context);
  stream_feed(bytes, *sink, {}, host);
  return out;
}

std::string stream_show_to_rss(const Show& show, RecordingHost* host) {
  RecordingHost local;
  RecordingHost& used = host ? *host : local;
  Context context{used, ConfigView(), ConfigView()};
  std::string out;
  std::unique_ptr<ModelSink> sink = open_rss_sink(out, context);
  Show head = show;
  head.episodes.clear();
  sink->show(head);
  for (const Episode& episode : show.episodes) sink->episode(episode);
  sink->finish();
  return out;
}

}  // namespace castkit::rss::test
