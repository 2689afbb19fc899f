// castkit: the command-line host. Dispatches to a command and turns failures into diagnostics
// and exit codes (0 ok, 1 bad input, 2 usage or configuration, 3 plugin failure, 4 I/O).
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "castkit/diagnostics.hpp"
#include "castkit/version.hpp"
#include "cli/commands.hpp"
#include "cli/output_text.hpp"

namespace {

using castkit::cli::Args;

int dispatch(std::string_view command, const Args& args) {
  if (command == "convert") return castkit::cli::run_convert(args);
  if (command == "build") return castkit::cli::run_build(args);
  if (command == "lint") return castkit::cli::run_lint(args);
  if (command == "plugins") return castkit::cli::run_plugins(args);
  if (command == "formats") return castkit::cli::run_formats(args);
  castkit::fail_usage("unknown command \"" + std::string(command) + "\" (see castkit --help)");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Args all(argv + 1, argv + argc);
    if (all.empty()) {
      castkit::cli::print_main_help();
      return 2;
    }
    const std::string_view first = all.front();
    if (first == "--help" || first == "-h" || first == "help") {
      castkit::cli::print_main_help();
      return 0;
    }
    if (first == "--version") {
      castkit::cli::print_out("castkit " CASTKIT_VERSION_STRING " (plugin ABI " CASTKIT_STRINGIFY(
          CASTKIT_ABI_MAJOR) "." CASTKIT_STRINGIFY(CASTKIT_ABI_MINOR) ", " CASTKIT_BUILD_TAG ")\n");
      return 0;
    }
    return dispatch(first, Args(all.begin() + 1, all.end()));
  } catch (const castkit::Error& e) {
    castkit::cli::print_err(castkit::format_diagnostic(e.diagnostic()) + "\n");
    return static_cast<int>(e.kind());
  } catch (const std::bad_alloc&) {
    castkit::cli::print_err("error: out of memory\n");
    return 4;
  } catch (const std::exception& e) {
    castkit::cli::print_err(std::string("error: internal error: ") + e.what() + "\n");
    return 3;
  }
}
