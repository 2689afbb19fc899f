// castkit --help
#include "cli/commands.hpp"
#include "cli/output_text.hpp"

namespace castkit::cli {

void print_main_help() {
  print_out(
      "castkit: convert podcast episodes between formats (pages, transcripts, subtitles, feeds)\n\n"
      "usage: castkit COMMAND [options]\n\n"
      "commands:\n"
      "  convert INPUT... -t FORMAT   read inputs into one episode model and write FORMAT\n"
      "  build [castkit.yaml]         build every output of a podcast project\n"
      "  lint INPUT [-f FORMAT]       check an input against its format's rules\n"
      "  plugins                      list plugins, their formats, and refused ones with why\n"
      "  formats                      list formats and what castkit can do with each\n\n"
      "  --version                    print the version\n"
      "  --help                       this help; COMMAND --help for a command's options\n\n"
      "exit codes: 0 ok, 1 bad input, 2 usage or configuration error, 3 plugin failure,\n"
      "            4 I/O or network failure\n\n"
      "plugins are searched in --plugin-path, $CASTKIT_PLUGIN_PATH, plugins.paths of the\n"
      "configuration, <prefix>/lib/castkit/plugins, then <castkit's directory>/plugins\n");
}

}  // namespace castkit::cli
