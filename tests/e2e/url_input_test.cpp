// Inputs given as http:// URLs: fetched through the host's network library (loaded only for
// such runs), in convert and concurrently in build; HTTP failures are I/O errors (exit 4).
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "run_castkit.hpp"

namespace {

/// `python3 -m http.server` on 127.0.0.1 serving a directory, stopped when destroyed.
class FileServer {
 public:
  explicit FileServer(const std::string& dir) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      ::execl("/usr/bin/python3", "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
              "--directory", dir.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    // "Serving HTTP on 127.0.0.1 port 41235 (http://127.0.0.1:41235/) ..."
    std::string banner;
    char c;
    while (banner.find('\n') == std::string::npos && ::read(out[0], &c, 1) == 1) banner += c;
    ::close(out[0]);
    const auto at = banner.find("port ");
    REQUIRE(at != std::string::npos);
    port_ = std::stoi(banner.substr(at + 5));
  }
  ~FileServer() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

const std::string kKvDir = std::string(CASTKIT_FIXTURE_DIR) + "/kv";

}  // namespace

TEST_CASE("convert fetches URL inputs and reports HTTP errors as exit 4") {
  const std::string dir = scratch_dir("url-convert");
  std::filesystem::create_directories(dir + "/site");
  spit(dir + "/site/a.kv", "#kv\ntitle=From the web\n");
  FileServer server(dir + "/site");
  const std::vector<std::string> common = {"--plugin-path", kKvDir, "--cache-dir", dir + "/cache",
                                           "-v"};

  std::vector<std::string> args = {"convert", server.url("a.kv"), "-t", "kv"};
  args.insert(args.end(), common.begin(), common.end());
  RunResult ok = run_castkit(args);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == "#kv\nepisode=\ntitle=From the web\n");
  CHECK(ok.err.find("castkit: loading the network library\n") != std::string::npos);

  // Several URLs are fetched together and merged like files.
  spit(dir + "/site/b.kv", "#kv\nshow=Web Show\n");
  args = {"convert", server.url("a.kv"), server.url("b.kv"), "-t", "kv"};
  args.insert(args.end(), common.begin(), common.end());
  RunResult two = run_castkit(args);
  CHECK(two.exit_code == 0);
  CHECK(two.out == "#kv\nshow=Web Show\nepisode=\ntitle=From the web\n");

  args = {"convert", server.url("missing.kv"), "-t", "kv"};
  args.insert(args.end(), common.begin(), common.end());
  RunResult missing = run_castkit(args);
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find(server.url("missing.kv") + ": error: HTTP status 404\n") !=
        std::string::npos);

  // A run on local files never loads the network library.
  spit(dir + "/local.kv", "#kv\n");
  args = {"convert", dir + "/local.kv", "-t", "kv"};
  args.insert(args.end(), common.begin(), common.end());
  RunResult local = run_castkit(args);
  CHECK(local.exit_code == 0);
  CHECK(local.err.find("network library") == std::string::npos);
}

TEST_CASE("build fetches the URL sources of all episodes") {
  const std::string dir = scratch_dir("url-build");
  std::filesystem::create_directories(dir + "/site");
  spit(dir + "/site/one.kv", "#kv\ntitle=One\n");
  spit(dir + "/site/two.kv", "#kv\ntitle=Two\n");
  FileServer server(dir + "/site");
  spit(dir + "/castkit.yaml", "plugins: {paths: [" + kKvDir + "]}\nfetch: {cache_dir: " + dir +
                                  "/cache}\nepisodes:\n  - sources: [" + server.url("one.kv") +
                                  "]\n  - sources: [" + server.url("two.kv") +
                                  "]\noutputs:\n  - {format: kv, path: all.kv}\n");
  RunResult r = run_castkit({"build", dir + "/castkit.yaml", "-q"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(slurp(dir + "/public/all.kv") == "#kv\nepisode=\ntitle=One\nepisode=\ntitle=Two\n");
}
