// Finds castkit-net.so and creates a fetcher from it. Only this file knows Boost.DLL.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include "net/fetcher.hpp"

namespace castkit::net {
namespace {

constexpr const char* kLibraryName = "castkit-net.so";

[[noreturn]] void fail_io(std::string message) {
  throw Error(ErrorKind::io, Diagnostic{Severity::error, {}, 0, 0, std::move(message)});
}

/// The loaded library. Deliberately never unloaded: fetchers it created may live until exit.
boost::dll::shared_library* loaded_library = nullptr;

boost::dll::shared_library& open_library() {
  if (loaded_library) return *loaded_library;
  std::string searched;
  for (const std::string& candidate : fetch_library_candidates()) {
    std::error_code exists_error;
    if (!std::filesystem::is_regular_file(candidate, exists_error)) {
      searched += "\n  " + candidate + " (not found)";
      continue;
    }
    boost::dll::fs::error_code load_error;
    auto library = std::make_unique<boost::dll::shared_library>(
        candidate, boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local,
        load_error);
    if (load_error) {
      searched += "\n  " + candidate + " (" + load_error.message() + ")";
      continue;
    }
    if (!library->has(CASTKIT_NET_FACTORY_NAME)) {
      searched += "\n  " + candidate + " (no " CASTKIT_NET_FACTORY_NAME ")";
      continue;
    }
    loaded_library = library.release();
    return *loaded_library;
  }
  fail_io(std::string("cannot fetch over the network: ") + kLibraryName +
          " is not usable; searched:" + searched);
}

}  // namespace

std::vector<std::string> fetch_library_candidates() {
  std::vector<std::string> out;
  if (const char* explicit_path = std::getenv("CASTKIT_NET_LIBRARY");
      explicit_path && *explicit_path)
    out.emplace_back(explicit_path);
  boost::dll::fs::error_code location_error;
  const std::filesystem::path exe_dir = boost::dll::program_location(location_error).parent_path();
  if (location_error) return out;
  out.push_back((exe_dir / kLibraryName).string());
  out.push_back((exe_dir.parent_path() / CASTKIT_NET_RELATIVE_INSTALL_DIR / kLibraryName)
                    .lexically_normal()
                    .string());
  return out;
}

std::unique_ptr<Fetcher> load_fetcher(const FetchOptions& options) {
  auto& library = open_library();
  auto& create = library.get<Fetcher*(const FetchOptions*)>(CASTKIT_NET_FACTORY_NAME);
  std::unique_ptr<Fetcher> fetcher(create(&options));
  if (!fetcher) fail_io(std::string(kLibraryName) + " could not create a fetcher");
  return fetcher;
}

}  // namespace castkit::net
