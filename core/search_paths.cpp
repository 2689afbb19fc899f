// Plugin and configuration locations, relative to the executable where they are installed.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "search_paths.hpp"

namespace castkit::host {
namespace {

std::string resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || path.front() == '/' || base_dir.empty()) return path;
  return base_dir + "/" + path;
}

bool is_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::string executable_dir() {
  char buffer[4096];
  ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) return ".";
  std::string path(buffer, static_cast<std::size_t>(n));
  return path.substr(0, path.rfind('/'));
}

std::vector<std::string> plugin_search_path(const std::vector<std::string>& cli_dirs,
                                            const ConfigView& config,
                                            const std::string& config_dir) {
  std::vector<std::string> dirs = cli_dirs;
  if (const char* env = std::getenv("CASTKIT_PLUGIN_PATH"); env && *env) {
    std::string_view rest = env;
    while (!rest.empty()) {
      auto colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) dirs.emplace_back(dir);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  for (const ConfigView& item : config["plugins"]["paths"].items())
    dirs.push_back(resolve(config_dir, item.as_string()));
  const std::string exe = executable_dir();
  dirs.push_back(exe + "/" CASTKIT_RELATIVE_PLUGIN_DIR);
  dirs.push_back(exe + "/plugins");
  return dirs;
}

std::string default_config_file() {
  const std::string exe = executable_dir();
  for (std::string candidate :
       {exe + "/config/castkit.yaml", exe + "/" CASTKIT_RELATIVE_DATA_DIR "/castkit.yaml"})
    if (is_file(candidate)) return candidate;
  return {};
}

}  // namespace castkit::host
