// castkit plugins: every plugin found, what it offers, and why any was refused.
#include "cli/commands.hpp"
#include "cli/output_text.hpp"
#include "cli/session.hpp"
#include "plugin_scan.hpp"

namespace castkit::cli {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// One accepted plugin: name, version, file, and what it offers.
std::string describe(const host::PluginRecord& p) {
  std::string text = p.name + " " + p.version + "  " + p.file + "\n";
  std::vector<std::string> in, out, transforms, checks;
  for (const auto& s : p.specs.importers) in.push_back(s.format);
  for (const auto& s : p.specs.exporters) out.push_back(s.format);
  for (const auto& s : p.specs.transforms) transforms.push_back(s.name);
  for (const auto& s : p.specs.checkers) checks.push_back(s.format);
  if (!in.empty()) text += "  reads:      " + join(in) + "\n";
  if (!out.empty()) text += "  writes:     " + join(out) + "\n";
  if (!transforms.empty()) text += "  transforms: " + join(transforms) + "\n";
  if (!checks.empty()) text += "  checks:     " + join(checks) + "\n";
  return text;
}

/// castkit plugins FILE...: what each file offers, or why it is refused (exit 3 if any is).
int inspect(const std::vector<std::string>& files) {
  std::string text;
  bool refused = false;
  for (const std::string& file : files) {
    host::PluginRecord record = host::scan_plugin(file);
    record.file = file;
    if (record.refusal.empty()) {
      text += describe(record);
    } else {
      refused = true;
      text += "refused: " + record.refusal + "\n";
    }
  }
  print_out(text);
  return refused ? 3 : 0;
}

}  // namespace

int run_plugins(const Args& args) {
  const std::vector<std::string> config_files = prescan(args, "config");
  Session session(args, config_files.empty() ? std::string() : config_files.back(), false);
  std::vector<OptionDef> options = Session::common_options();
  options.push_back({"config", 0, "FILE", "read plugins.paths from a castkit.yaml"});
  if (prescan_flag(args, "help", 'h')) {
    print_out(
        "usage: castkit plugins [options]\n\nLists the plugins on the search path, their "
        "versions, files and formats, and the refused ones with the reason.\n\noptions:\n" +
        describe_options(options));
    return 0;
  }
  const ParsedArgs parsed = parse_arguments(args, options, "plugins");
  if (!parsed.positional.empty()) return inspect(parsed.positional);

  std::string text;
  int refused = 0;
  for (const host::PluginRecord& p : session.registry(host::RegistryTexts::all).plugins()) {
    if (!p.refusal.empty()) {
      ++refused;
      continue;
    }
    text += describe(p);
  }
  if (refused) {
    text += "\nrefused:\n";
    for (const host::PluginRecord& p : session.registry(host::RegistryTexts::all).plugins())
      if (!p.refusal.empty()) text += "  " + p.refusal + "\n";
  }
  if (text.empty()) text = "no plugins found\n";
  print_out(text);
  return 0;
}

}  // namespace castkit::cli
