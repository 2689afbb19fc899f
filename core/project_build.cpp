// castkit build: sources -> episodes -> outputs, with links between them.
#include "project_build.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "atomic_output.hpp"
#include "input_source.hpp"
#include "model_merge.hpp"
#include "project_model.hpp"

namespace castkit::host {
namespace {

/// One source of an episode, as written in the project.
struct Source {
  std::string location;  ///< path (resolved) or URL
  std::string format;    ///< empty: sniffed
};

/// One entry of `outputs:`.
struct OutputSpec {
  std::string format;
  std::string path;  ///< template, relative to the output directory
  ConfigView where;  ///< for messages
  Offer<ExporterSpec> exporter;
};

std::string resolve(const std::string& dir, const std::string& path) {
  if (is_url(path) || path.empty() || path.front() == '/' || dir.empty() || dir == ".") return path;
  return dir + "/" + path;
}

std::vector<Source> sources_of(const ConfigView& episode, const std::string& project_dir) {
  std::vector<Source> out;
  for (const ConfigView& item : episode["sources"].items()) {
    Source source;
    if (item.node()->kind == ConfigNode::Kind::scalar) {
      source.location = item.as_string();
    } else {
      source.location = item["path"].as_string();
      source.format = item["format"].as_string();
      if (source.location.empty()) item.fail("a source needs a path (a file or an http(s) URL)");
    }
    source.location = resolve(project_dir, source.location);
    out.push_back(std::move(source));
  }
  return out;
}

std::string number_text(double number) {
  if (number == std::floor(number) && std::abs(number) < 1e15)
    return std::to_string(static_cast<long long>(number));
  std::string text = std::to_string(number);
  while (text.back() == '0') text.pop_back();
  return text;
}

bool safe_id(const std::string& id) {
  if (id.empty() || id == "." || id == "..") return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

/// Moves the show-level fields of `from` into `into` where `into` has none (not its episodes).
void fill_show_fields(Show& into, Show&& from) {
  from.episodes.clear();
  merge_show(into, std::move(from));
}

void set_link(Episode& episode, LinkRole role, const std::string& url, const std::string& type) {
  if (role == LinkRole::chapters) {
    episode.chapters_link = FileLink{.url = url, .type = type};
    return;
  }
  std::erase_if(episode.transcript_links, [&](const FileLink& l) { return l.url == url; });
  episode.transcript_links.push_back(FileLink{.url = url,
                                              .type = type,
                                              .language = episode.transcript.language,
                                              .rel = role == LinkRole::captions ? "captions" : ""});
}

}  // namespace

std::string slug_of(std::string_view title) {
  std::string slug;
  for (unsigned char c : title) {
    if (std::isalnum(c) && c < 0x80) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string expand_path(const std::string& pattern, const std::string& id, const Episode* episode,
                        const ConfigView& where) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    if (close == std::string::npos) where.fail("unclosed '{' in output path \"" + pattern + "\"");
    const std::string name = pattern.substr(i + 1, close - i - 1);
    if (!episode)
      where.fail("output path \"" + pattern + "\" uses {" + name +
                 "}, but this format writes the whole show");
    if (name == "id") {
      out += id;
    } else if (name == "number") {
      if (!episode->number)
        where.fail("output path uses {number}, but episode " + id + " has no number");
      out += number_text(*episode->number);
    } else if (name == "season") {
      if (!episode->season)
        where.fail("output path uses {season}, but episode " + id + " has no season");
      out += std::to_string(*episode->season);
    } else {
      where.fail("unknown placeholder {" + name +
                 "} in output path (known: {id}, {number}, {season})");
    }
    i = close;
  }
  return out;
}

BuildResult build_project(Pipeline& pipeline, HostServices& host, const ConfigNode& config,
                          const BuildSettings& settings) {
  const ConfigView project(&config);
  BuildResult result;
  result.output_dir =
      settings.output_dir.empty()
          ? resolve(settings.project_dir, project["output_dir"].as_string("public/"))
          : settings.output_dir;
  std::string base_url = project["base_url"].as_string();
  if (!base_url.empty() && base_url.back() != '/') base_url += '/';

  // Outputs first: a wrong format fails before anything is fetched or read.
  std::vector<OutputSpec> outputs;
  for (const ConfigView& item : project["outputs"].items()) {
    OutputSpec output{item["format"].as_string(), item["path"].as_string(), item, {}};
    if (output.format.empty()) item.fail("an output needs a format");
    output.exporter = pipeline.exporter(output.format);
    if (output.path.empty())
      output.path = (output.exporter.spec->scope == ExportScope::episode ? "episodes/{id}."
                                                                         : output.format + ".") +
                    output.exporter.spec->extension;
    outputs.push_back(std::move(output));
  }
  if (outputs.empty()) project.fail("the project has no outputs: add an outputs: list");

  // Every URL source of every episode, fetched at once.
  const std::vector<ConfigView> episode_configs = project["episodes"].items();
  std::vector<std::vector<Source>> sources;
  std::vector<FetchRequest> requests;
  std::set<std::string> requested;
  for (const ConfigView& episode : episode_configs) {
    sources.push_back(sources_of(episode, settings.project_dir));
    for (const Source& s : sources.back())
      if (is_url(s.location) && requested.insert(s.location).second)
        requests.push_back({s.location, {}});
  }
  std::map<std::string, FetchResponse> fetched;
  if (!requests.empty()) {
    host.log(LogLevel::info, "fetching " + std::to_string(requests.size()) + " URLs");
    std::vector<FetchResponse> responses = host.fetch_all(requests);
    for (std::size_t i = 0; i < responses.size() && i < requests.size(); ++i)
      fetched[requests[i].url] = std::move(responses[i]);
  }

  Show show;
  std::vector<std::string> ids;
  for (std::size_t n = 0; n < episode_configs.size(); ++n) {
    const ConfigView& config_episode = episode_configs[n];
    std::vector<InputData> inputs;
    std::vector<std::string> formats;
    for (const Source& s : sources[n]) {
      inputs.push_back(is_url(s.location)
                           ? input_from_response(s.location, std::move(fetched[s.location]),
                                                 settings.max_input_bytes)
                           : read_input(s.location, settings.max_input_bytes, host));
      formats.push_back(s.format);
    }
    Show imported = pipeline.import_all(inputs, formats);
    Episode episode;
    if (!imported.episodes.empty()) {
      if (imported.episodes.size() > 1)
        host.log(LogLevel::warning, "episode " + std::to_string(n + 1) + ": its sources hold " +
                                        std::to_string(imported.episodes.size()) +
                                        " episodes; using the first");
      episode = std::move(imported.episodes.front());
    }
    fill_show_fields(show, std::move(imported));
    apply_episode_config(episode, config_episode);

    std::string id = config_episode["id"].as_string();
    if (id.empty()) id = slug_of(episode.title);
    if (id.empty()) id = "episode-" + std::to_string(n + 1);
    if (!safe_id(id))
      config_episode["id"].fail(
          "an episode id may hold letters, digits, '-', '_' and '.', found \"" + id + "\"");
    if (std::find(ids.begin(), ids.end(), id) != ids.end())
      config_episode.fail("two episodes have the id \"" + id + "\"; give one an id:");
    ids.push_back(id);
    show.episodes.push_back(std::move(episode));
  }
  apply_show_config(show, project["show"]);
  pipeline.apply_configured_transforms(show);

  std::set<std::string> paths;
  auto write = [&](const OutputSpec& output, const std::string& relative, const Episode* episode) {
    if (!paths.insert(relative).second)
      output.where["path"].fail("two outputs would both be written to " + relative);
    const std::string full =
        result.output_dir + (result.output_dir.ends_with('/') ? "" : "/") + relative;
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(full).parent_path(), error);
    if (error)
      throw Error(ErrorKind::io, Diagnostic{Severity::error, full, 0, 0,
                                            "cannot create its directory: " + error.message()});
    write_atomically(full, pipeline.export_model(show, episode, output.format, full),
                     settings.durable);
    result.written.push_back(full);
  };

  bool unlinked = false;
  for (const OutputSpec& output : outputs) {
    if (output.exporter.spec->scope != ExportScope::episode) continue;
    for (std::size_t n = 0; n < show.episodes.size(); ++n) {
      const std::string relative =
          expand_path(output.path, ids[n], &show.episodes[n], output.where["path"]);
      write(output, relative, &show.episodes[n]);
      if (output.exporter.spec->link_role == LinkRole::none) continue;
      if (base_url.empty()) {
        unlinked = true;
        continue;
      }
      set_link(show.episodes[n], output.exporter.spec->link_role, base_url + relative,
               output.exporter.spec->media_type);
    }
  }
  if (unlinked)
    host.log(LogLevel::warning,
             "base_url is not set: chapter and transcript files are not linked from the feed");
  for (const OutputSpec& output : outputs)
    if (output.exporter.spec->scope == ExportScope::show)
      write(output, expand_path(output.path, {}, nullptr, output.where["path"]), nullptr);
  return result;
}

}  // namespace castkit::host
