// castkit build [castkit.yaml]
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/output_text.hpp"
#include "cli/session.hpp"
#include "project_build.hpp"

namespace castkit::cli {
namespace {

std::vector<OptionDef> build_options() {
  std::vector<OptionDef> options = {
      {"output-dir", 'o', "DIR", "write outputs here instead of the project's output_dir"},
      {"set", 0, "KEY=VALUE", "set a configuration key, e.g. base_url=https://example.com/", "",
       true},
      {"offline", 0, "", "answer URLs from the fetch cache only"},
      {"cache-dir", 0, "DIR", "the fetch cache directory"},
  };
  for (auto& o : Session::common_options()) options.push_back(o);
  return options;
}

/// The project file: the first argument that is not an option or an option's value.
std::string project_file_of(const Args& args) {
  const std::vector<OptionDef> options = build_options();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--") return i + 1 < args.size() ? std::string(args[i + 1]) : "castkit.yaml";
    if (!arg.starts_with('-') || arg == "-") return std::string(arg);
    for (const auto& o : options)
      if (!o.value_name.empty() &&
          (arg == "--" + o.name || (o.short_name && arg == std::string{'-', o.short_name})))
        ++i;
  }
  return "castkit.yaml";
}

}  // namespace

int run_build(const Args& args) {
  if (prescan_flag(args, "help", 'h')) {
    Session session(args, "", false);
    print_out(
        "usage: castkit build [castkit.yaml] [options]\n\nBuilds every output of a podcast "
        "project (default: ./castkit.yaml): fetches and imports\neach episode's sources, "
        "applies overrides and transforms, writes the episode files and\nthe feed, linked "
        "through base_url. See docs/configuration.md.\n\noptions:\n" +
        describe_options(build_options()) + "\nformat options (from the plugins):\n" +
        describe_options(session.plugin_options(host::RegistryTexts::all)));
    return 0;
  }
  const std::string project_file = project_file_of(args);
  Session session(args, project_file, true);

  std::vector<OptionDef> options = build_options();
  for (auto& o : session.plugin_options()) options.push_back(o);
  const ParsedArgs parsed = parse_arguments(args, options, "build");
  if (parsed.positional.size() > 1)
    fail_usage("build takes one project file (see castkit build --help)");
  session.apply_overrides(parsed);
  if (session.host().verbosity() != host::Verbosity::quiet &&
      !session.view()["fetch"]["progress"].exists()) {
    net::FetchOptions fetch = session.host().fetch_options();
    fetch.progress = ::isatty(STDERR_FILENO) != 0;
    session.host().set_fetch_options(fetch);
  }

  host::BuildSettings settings;
  settings.project_dir = session.config_dir();
  settings.output_dir = parsed.get("output-dir");
  settings.max_input_bytes = session.max_input_bytes();
  settings.durable = session.durable_outputs();
  host::Pipeline pipeline(session.registry(), session.host(), session.config());
  const host::BuildResult result =
      host::build_project(pipeline, session.host(), session.config(), settings);
  if (session.host().verbosity() != host::Verbosity::quiet) {
    std::string text;
    for (const std::string& file : result.written) text += "wrote " + file + "\n";
    text += "castkit build: " + std::to_string(result.written.size()) + " files in " +
            result.output_dir + "\n";
    print_out(text);
  }
  return 0;
}

}  // namespace castkit::cli
