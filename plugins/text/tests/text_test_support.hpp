// Helpers shared by the text plugin's tests: a host that records diagnostics, file reading, and
// running the importer the way the host does.
#pragma once

#include <string>
#include <vector>

#include "castkit/plugin.hpp"
#include "castkit_testing/recording_host.hpp"
#include "text_format.hpp"

namespace castkit::text_page::test {

using castkit::testing::read_test_file;
using castkit::testing::RecordingHost;

/// Imports text page bytes into a fresh show; diagnostics land in `host`.
inline Show import_page(const std::string& bytes, RecordingHost& host,
                        const std::string& name = "page.txt", const ConfigNode* project = nullptr,
                        std::size_t other_inputs = 0) {
  Context context{host, ConfigView(), ConfigView(project)};
  Input input{name, bytes, "", "", ""};
  input.other_inputs = other_inputs;
  Show show;
  importer_spec().create()->read(input, show, context);
  return show;
}

}  // namespace castkit::text_page::test
