// castkit lint INPUT [-f FORMAT]: runs the checker a plugin registered for the input's format.
#include "cli/commands.hpp"
#include "cli/output_text.hpp"
#include "cli/session.hpp"
#include "input_source.hpp"
#include "pipeline.hpp"
#include "plugin_guard.hpp"

namespace castkit::cli {
namespace {

std::vector<OptionDef> lint_options() {
  std::vector<OptionDef> options = {
      {"from", 'f', "FORMAT", "the input's format (default: sniffed)"},
      {"set", 0, "KEY=VALUE", "set a configuration key", "", true},
      {"input-encoding", 0, "ENC", "read the input in this encoding"},
      {"offline", 0, "", "answer URLs from the fetch cache only"},
      {"cache-dir", 0, "DIR", "the fetch cache directory"},
      {"config", 0, "FILE", "read settings from a castkit.yaml"},
  };
  for (auto& o : Session::common_options()) options.push_back(o);
  return options;
}

}  // namespace

int run_lint(const Args& args) {
  const std::vector<std::string> config_files = prescan(args, "config");
  Session session(args, config_files.empty() ? std::string() : config_files.back(),
                  !config_files.empty());
  std::vector<OptionDef> options = lint_options();
  if (prescan_flag(args, "help", 'h')) {
    print_out(
        "usage: castkit lint INPUT [-f FORMAT] [options]\n\nChecks INPUT (a file, - or a "
        "URL) against its format's rules and prints every finding as\nfile:line:col: "
        "error|warning: message. Exit 1 when there is an error.\n\noptions:\n" +
        describe_options(options) + "\nformat options (from the plugins):\n" +
        describe_options(session.plugin_options(host::RegistryTexts::all)));
    return 0;
  }
  for (auto& o : session.plugin_options()) options.push_back(o);
  const ParsedArgs parsed = parse_arguments(args, options, "lint");
  session.apply_overrides(parsed);
  if (parsed.positional.size() != 1)
    fail_usage("lint needs exactly one INPUT (see castkit lint --help)");

  host::InputData data =
      host::read_input(parsed.positional.front(), session.max_input_bytes(), session.host());
  host::Pipeline pipeline(session.registry(), session.host(), session.config());
  Input input = data.plugin_input(pipeline.input_encoding());
  std::string format = parsed.get("from");
  if (format.empty()) format = pipeline.choose_importer(input, "").spec->format;
  host::Offer<CheckerSpec> offer = session.registry().checker(format);
  Context context{session.host(), pipeline.format_options(format), session.view()};
  const int errors = host::guarded(*offer.plugin, [&] {
    std::unique_ptr<Checker> checker = offer.spec->create();
    if (!checker) throw std::runtime_error("create() returned no checker");
    return checker->check(input, context);
  });
  if (session.host().verbosity() != host::Verbosity::quiet)
    print_err(data.name + ": " + std::to_string(errors) + (errors == 1 ? " error\n" : " errors\n"));
  return errors > 0 ? 1 : 0;
}

}  // namespace castkit::cli
