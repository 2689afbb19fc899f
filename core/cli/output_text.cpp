// stdout for help texts and tables, stderr for explanations.
#include "cli/output_text.hpp"

#include <unistd.h>

#include "atomic_output.hpp"

namespace castkit::cli {

void print_out(std::string_view text) {
  host::write_atomically("-", text);
}

void print_err(std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace castkit::cli
