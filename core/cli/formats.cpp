// castkit formats: a table of formats and what castkit can do with each.
#include <algorithm>
#include <map>

#include "cli/commands.hpp"
#include "cli/output_text.hpp"
#include "cli/session.hpp"

namespace castkit::cli {
namespace {

/// One row of the table.
struct FormatRow {
  bool import = false, export_ = false, check = false;
  std::vector<std::string> extensions;
  std::string description;
};

/// Appends `cell` to `line`, padded to `width` and a space.
void add_cell(std::string& line, std::string_view cell, std::size_t width) {
  line += cell;
  if (cell.size() < width) line.append(width - cell.size(), ' ');
  line += ' ';
}

}  // namespace

int run_formats(const Args& args) {
  const std::vector<std::string> config_files = prescan(args, "config");
  Session session(args, config_files.empty() ? std::string() : config_files.back(), false);
  std::vector<OptionDef> options = Session::common_options();
  options.push_back({"config", 0, "FILE", "read plugins.paths from a castkit.yaml"});
  if (prescan_flag(args, "help", 'h')) {
    print_out(
        "usage: castkit formats [options]\n\nLists every format the plugins offer: whether "
        "castkit can import, export or check it, its file name endings and what it is.\n\n"
        "options:\n" +
        describe_options(options));
    return 0;
  }
  const ParsedArgs parsed = parse_arguments(args, options, "formats");
  if (!parsed.positional.empty()) fail_usage("formats takes no arguments");

  host::PluginRegistry& registry = session.registry(host::RegistryTexts::all);
  std::map<std::string, FormatRow> rows;
  auto add_extension = [](FormatRow& row, const std::string& e) {
    if (!e.empty() &&
        std::find(row.extensions.begin(), row.extensions.end(), e) == row.extensions.end())
      row.extensions.push_back(e);
  };
  for (const auto& o : registry.importers()) {
    FormatRow& row = rows[o.spec->format];
    row.import = true;
    for (const auto& e : o.spec->extensions) add_extension(row, e);
    if (row.description.empty()) row.description = o.spec->description;
  }
  for (const auto& o : registry.exporters()) {
    FormatRow& row = rows[o.spec->format];
    row.export_ = true;
    add_extension(row, o.spec->extension);
    if (row.description.empty()) row.description = o.spec->description;
  }
  for (const auto& o : registry.checkers()) {
    FormatRow& row = rows[o.spec->format];
    row.check = true;
    if (row.description.empty()) row.description = o.spec->description;
  }
  std::string text;
  add_cell(text, "FORMAT", 16);
  add_cell(text, "IMPORT", 6);
  add_cell(text, "EXPORT", 6);
  add_cell(text, "CHECK", 5);
  add_cell(text, "EXTENSIONS", 20);
  text += "DESCRIPTION\n";
  for (const auto& [format, row] : rows) {
    std::string extensions;
    for (const auto& e : row.extensions) extensions += (extensions.empty() ? "" : ",") + e;
    add_cell(text, format, 16);
    add_cell(text, row.import ? "yes" : "-", 6);
    add_cell(text, row.export_ ? "yes" : "-", 6);
    add_cell(text, row.check ? "yes" : "-", 5);
    add_cell(text, extensions.empty() ? "-" : extensions, 20);
    text += row.description;
    text += '\n';
  }
  const auto transforms = registry.transforms();
  if (!transforms.empty()) {
    text += '\n';
    add_cell(text, "TRANSFORM", 16);
    text += "DESCRIPTION\n";
    for (const auto& o : transforms) {
      add_cell(text, o.spec->name, 16);
      text += o.spec->description;
      text += '\n';
    }
  }
  print_out(text);
  return 0;
}

}  // namespace castkit::cli
