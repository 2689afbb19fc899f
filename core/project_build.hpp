// `castkit build`: a whole podcast from a castkit.yaml project.
#pragma once

#include <string>
#include <vector>

#include "castkit/config_view.hpp"
#include "host_services.hpp"
#include "pipeline.hpp"

namespace castkit::host {

/// How a build runs.
struct BuildSettings {
  std::string project_dir = ".";  ///< directory of castkit.yaml: relative paths start here
  std::string output_dir;         ///< overrides `output_dir` of the project when set
  std::uint64_t max_input_bytes = 512ull << 20;  ///< limits.max_input_bytes
  bool durable = false;  ///< fsync every output before renaming it into place
};

/// What a build wrote.
struct BuildResult {
  std::string output_dir;            ///< where outputs went
  std::vector<std::string> written;  ///< every file written, in order
};

/// Builds the project described by `config`: fetches URL sources concurrently, imports and
/// merges each episode's sources, applies the episode's field overrides, the `show:` metadata and
/// the transforms, writes every episode-level output (setting chapter and transcript links on
/// the episode, base_url + path), then every show-level output (the feed).
BuildResult build_project(Pipeline& pipeline, HostServices& host, const ConfigNode& config,
                          const BuildSettings& settings);

/// The file name friendly form of a title: lower case letters and digits joined by '-'.
std::string slug_of(std::string_view title);

/// Expands `{id}`, `{number}` and `{season}` in an output path template for `episode`; an unknown
/// placeholder, or one whose value is missing, is a usage error at `where`.
std::string expand_path(const std::string& pattern, const std::string& id, const Episode* episode,
                        const ConfigView& where);

}  // namespace castkit::host
