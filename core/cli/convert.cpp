// castkit convert INPUT... [-f FORMAT] -t FORMAT [-o OUTPUT]
#include <charconv>

#include "atomic_output.hpp"
#include "cli/commands.hpp"
#include "cli/output_text.hpp"
#include "cli/session.hpp"
#include "input_source.hpp"
#include "pipeline.hpp"

namespace castkit::cli {
namespace {

std::vector<OptionDef> convert_options() {
  std::vector<OptionDef> options = {
      {"from", 'f', "FORMAT", "input format (default: sniffed from each input)"},
      {"to", 't', "FORMAT", "output format (required)"},
      {"output", 'o', "FILE", "where to write (default: - for stdout)"},
      {"episode", 0, "N", "the episode (1-based) an episode-level format writes"},
      {"explain", 0, "", "print which signal produced each guessed field"},
      {"transform", 0, "NAME", "apply a transform after reading (repeatable; see castkit formats)",
       "", true},
      {"set", 0, "KEY=VALUE", "set a configuration key, e.g. formats.srt.crlf=true", "", true},
      {"input-encoding", 0, "ENC", "read inputs in this encoding (cp1252, UTF-16LE, ...)"},
      {"offline", 0, "", "answer URLs from the fetch cache only"},
      {"cache-dir", 0, "DIR", "the fetch cache directory"},
      {"config", 0, "FILE", "read settings from a castkit.yaml"},
  };
  for (auto& o : Session::common_options()) options.push_back(o);
  return options;
}

std::optional<long> episode_number(const ParsedArgs& parsed) {
  if (!parsed.has("episode")) return std::nullopt;
  const std::string text = parsed.get("episode");
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1)
    fail_usage("--episode expects a number from 1, got \"" + text + "\"");
  return value;
}

void print_help(Session& session) {
  print_out(
      "usage: castkit convert INPUT... [-f FORMAT] -t FORMAT [-o OUTPUT] [options]\n\n"
      "Reads every INPUT (a file, - for stdin, or an http(s) URL), merges them into one\n"
      "episode model (the first input wins per field) and writes it in FORMAT.\n\n"
      "options:\n" +
      describe_options(convert_options()) + "\nformat options (from the plugins):\n" +
      describe_options(session.plugin_options(host::RegistryTexts::all)));
}

/// Prints which signal produced each guessed field, on stderr (stdout may be the output).
void explain(const Show& show) {
  std::string text;
  for (std::size_t i = 0; i < show.episodes.size(); ++i) {
    const Episode& episode = show.episodes[i];
    text += "episode " + std::to_string(i + 1) +
            (episode.title.empty() ? "" : " (" + episode.title + ")") + ":\n";
    if (episode.provenance.empty()) text += "  no guessed fields\n";
    for (const auto& [field, signal] : episode.provenance)
      text += "  " + field + ": " + signal + "\n";
  }
  print_err(text);
}

}  // namespace

int run_convert(const Args& args) {
  const std::vector<std::string> config_files = prescan(args, "config");
  Session session(args, config_files.empty() ? std::string() : config_files.back(),
                  !config_files.empty());
  std::vector<OptionDef> options = convert_options();
  if (prescan_flag(args, "help", 'h')) {
    print_help(session);
    return 0;
  }
  for (auto& o : session.plugin_options()) options.push_back(o);
  const ParsedArgs parsed = parse_arguments(args, options, "convert");
  session.apply_overrides(parsed);
  if (parsed.positional.empty())
    fail_usage("convert needs at least one INPUT (see castkit convert --help)");
  if (!parsed.has("to"))
    fail_usage("convert needs an output format: -t FORMAT (see castkit formats)");
  const std::string to = parsed.get("to");
  const std::string output = parsed.get("output", "-");
  const std::optional<long> chosen = episode_number(parsed);

  host::Pipeline pipeline(session.registry(), session.host(), session.config());
  // Know the exporter and transforms before reading anything, so a wrong name fails fast.
  const ExportScope scope = pipeline.exporter(to).spec->scope;
  for (const std::string& name : parsed.all("transform")) session.registry().transform(name);

  // URL inputs are fetched together (concurrently), then every input is read once, in order.
  std::vector<FetchRequest> requests;
  for (const std::string& name : parsed.positional)
    if (host::is_url(name)) requests.push_back({name, {}});
  std::vector<FetchResponse> responses =
      requests.size() > 1 ? session.host().fetch_all(requests) : std::vector<FetchResponse>{};
  std::vector<host::InputData> inputs;
  std::size_t next_response = 0;
  for (const std::string& name : parsed.positional) {
    if (host::is_url(name) && next_response < responses.size())
      inputs.push_back(host::input_from_response(name, std::move(responses[next_response++]),
                                                 session.max_input_bytes()));
    else
      inputs.push_back(host::read_input(name, session.max_input_bytes(), session.host()));
  }
  // One input into one output with nothing in between: stream it when the plugins can.
  const bool plain = inputs.size() == 1 && parsed.all("transform").empty() &&
                     session.view()["transforms"].items().empty() && !parsed.has("explain") &&
                     !chosen;
  Show show;
  if (plain && session.view()["convert"]["streaming"].as_bool(true)) {
    // The importer is chosen once, for the stream and for the whole model if it falls back.
    const host::InputData& input = inputs.front();
    const auto importer =
        pipeline.choose_importer(input.plugin_input(pipeline.input_encoding()), parsed.get("from"));
    if (pipeline.stream(input, importer, to, output, session.durable_outputs())) return 0;
    show = pipeline.import(input, importer);
  } else {
    show = pipeline.import_all(inputs, std::vector<std::string>(inputs.size(), parsed.get("from")));
  }
  pipeline.apply_configured_transforms(show);
  for (const std::string& name : parsed.all("transform"))
    pipeline.transform(show, name, pipeline.format_options(name));
  if (parsed.has("explain")) explain(show);

  std::string bytes;
  if (scope == ExportScope::episode) {
    const Episode& episode = host::choose_episode(show, chosen, to);
    bytes = pipeline.export_model(show, &episode, to, output);
  } else if (chosen) {
    Show one = show;
    one.episodes = {host::choose_episode(show, chosen, to)};
    bytes = pipeline.export_model(one, nullptr, to, output);
  } else {
    bytes = pipeline.export_model(show, nullptr, to, output);
  }
  host::write_atomically(output, bytes, session.durable_outputs());
  return 0;
}

}  // namespace castkit::cli
