// Helpers for the chapters plugin's tests: calling the registered formats without a host.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "castkit/plugin.hpp"
#include "chapters_formats.hpp"

namespace castkit::chapters::test {

/// A host that ignores everything (these formats never report or fetch).
class SilentHost : public Host {
 public:
  void report(const Diagnostic&) override {}
  void log(LogLevel, std::string_view) override {}
  FetchResponse fetch(const FetchRequest&) override { return {}; }
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>&) override { return {}; }
};

/// The registered specs.
struct Specs : Registrar {
  std::vector<ImporterSpec> importers;
  std::vector<ExporterSpec> exporters;
  void add(ImporterSpec spec) override { importers.push_back(std::move(spec)); }
  void add(ExporterSpec spec) override { exporters.push_back(std::move(spec)); }
  void add(TransformSpec) override {}
  void add(CheckerSpec) override {}
  Specs() { register_formats(*this); }
  const ImporterSpec& importer(std::string_view format) const {
    for (const auto& spec : importers)
      if (spec.format == format) return spec;
    throw std::runtime_error("no importer");
  }
  const ExporterSpec& exporter(std::string_view format) const {
    for (const auto& spec : exporters)
      if (spec.format == format) return spec;
    throw std::runtime_error("no exporter");
  }
};

inline Show import_as(std::string_view format, std::string_view bytes,
                      const std::string& name = "in") {
  SilentHost host;
  Context context{host, ConfigView(), ConfigView()};
  Show show;
  Specs().importer(format).create()->read(Input{name, bytes, {}, {}, {}}, show, context);
  return show;
}

inline std::string export_as(std::string_view format, const Show& show) {
  SilentHost host;
  Context context{host, ConfigView(), ConfigView()};
  std::string out;
  Specs().exporter(format).create()->write(ExportRequest{show, nullptr, "out"}, out, context);
  return out;
}

inline std::string read_data(const std::string& relative) {
  std::ifstream in(std::string(CASTKIT_TEST_DATA) + "/" + relative, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace castkit::chapters::test
