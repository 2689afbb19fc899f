// A small, strict argument parser.
#include "cli/arguments.hpp"

#include "castkit/diagnostics.hpp"

namespace castkit::cli {

std::string ParsedArgs::get(const std::string& name, std::string fallback) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::all(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

ParsedArgs parse_arguments(const std::vector<std::string_view>& args,
                           const std::vector<OptionDef>& options, const std::string& command) {
  ParsedArgs parsed;
  auto usage = [&](const std::string& message) {
    fail_usage(message + " (see castkit " + command + " --help)");
  };
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (options_done || arg == "-" || !arg.starts_with('-')) {
      parsed.positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    const OptionDef* def = nullptr;
    std::optional<std::string> inline_value;
    if (arg.starts_with("--")) {
      std::string_view name = arg.substr(2);
      if (auto eq = name.find('='); eq != std::string_view::npos) {
        inline_value = std::string(name.substr(eq + 1));
        name = name.substr(0, eq);
      }
      for (const auto& o : options)
        if (o.name == name) def = &o;
      if (!def) usage("unknown option --" + std::string(name));
    } else {
      for (const auto& o : options)
        if (o.short_name && o.short_name == arg[1]) def = &o;
      if (!def) usage("unknown option " + std::string(arg.substr(0, 2)));
      if (arg.size() > 2) inline_value = std::string(arg.substr(2));
    }
    std::string value;
    if (!def->value_name.empty()) {
      if (inline_value)
        value = *inline_value;
      else if (i + 1 < args.size())
        value = std::string(args[++i]);
      else
        usage("option --" + def->name + " needs a value (" + def->value_name + ")");
    } else if (inline_value) {
      if (!def->config_key.empty())
        value = *inline_value;
      else
        usage("option --" + def->name + " takes no value");
    } else if (!def->config_key.empty()) {
      value = "true";
    }
    if (!def->config_key.empty()) {
      parsed.config_sets.emplace_back(def->config_key, value);
      continue;
    }
    auto& slot = parsed.values[def->name];
    if (!slot.empty() && !def->repeatable && !def->value_name.empty())
      usage("option --" + def->name + " given twice");
    slot.push_back(std::move(value));
  }
  return parsed;
}

std::vector<std::string> prescan(const std::vector<std::string_view>& args, std::string_view name,
                                 char short_name) {
  std::vector<std::string> out;
  const std::string long_form = "--" + std::string(name);
  const std::string short_form = short_name ? std::string{'-', short_name} : std::string();
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--") break;
    if ((arg == long_form || (!short_form.empty() && arg == short_form)) && i + 1 < args.size())
      out.emplace_back(args[++i]);
    else if (arg.starts_with(long_form + "="))
      out.emplace_back(arg.substr(long_form.size() + 1));
  }
  return out;
}

bool prescan_flag(const std::vector<std::string_view>& args, std::string_view name,
                  char short_name) {
  for (std::string_view arg : args) {
    if (arg == "--") return false;
    if (arg.starts_with("--") && arg.substr(2) == name) return true;
    if (short_name && arg.size() == 2 && arg[0] == '-' && arg[1] == short_name) return true;
  }
  return false;
}

std::string describe_options(const std::vector<OptionDef>& options) {
  std::string out;
  for (const auto& o : options) {
    std::string left = "  ";
    left += o.short_name ? std::string{'-', o.short_name} + ", " : std::string("    ");
    left += "--" + o.name;
    if (!o.value_name.empty()) left += " " + o.value_name;
    if (left.size() < 30)
      left.resize(30, ' ');
    else
      left += "  ";
    out += left + o.help + "\n";
  }
  return out;
}

}  // namespace castkit::cli
