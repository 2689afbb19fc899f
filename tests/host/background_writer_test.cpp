// The output writing thread: every byte arrives in order, and a failed write is reported to
// whoever writes next or finishes.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <csignal>
#include <filesystem>

#include "atomic_output.hpp"
#include "background_writer.hpp"
#include "castkit/diagnostics.hpp"
#include "castkit_testing/files.hpp"

using namespace castkit;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const char* name) {
  return testing::fresh_directory(fs::path(CASTKIT_FIXTURE_DIR) / name);
}

/// Limits the size of files this process writes (writes past it fail with EFBIG instead of a
/// SIGXFSZ) while it exists.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &old_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{bytes, old_.rlim_max};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("buffers handed to the writer arrive whole and in order") {
  const fs::path dir = fresh_dir("background-ok");
  const fs::path path = dir / "out.txt";
  std::string expected;
  {
    host::AtomicFile file(path.string(), false);
    host::BackgroundWriter writer(file);
    std::string buffer;
    for (int i = 0; i < 200; ++i) {
      const std::string piece(1000 + i * 37, static_cast<char>('a' + i % 26));
      buffer += piece;
      expected += piece;
      if (i % 3 == 2) {
        writer.write(buffer);
        CHECK(buffer.empty());
      }
    }
    writer.finish();
    file.write(buffer);
    file.commit();
  }
  CHECK(testing::read_file(path) == expected);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a failed background write is thrown to the next write or to finish") {
  const fs::path dir = fresh_dir("background-fail");
  const fs::path path = dir / "out.txt";
  const FileSizeLimit limit(64 * 1024);
  const std::string megabyte(1 << 20, 'x');
  for (const bool then_finish : {false, true}) {
    host::AtomicFile file(path.string(), false);
    host::BackgroundWriter writer(file);
    std::string buffer = megabyte;
    writer.write(buffer);  // fails on the thread
    try {
      if (then_finish) {
        writer.finish();
      } else {
        buffer = megabyte;
        writer.write(buffer);
      }
      FAIL("no exception");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::io);
      CHECK(e.diagnostic().file == path.string());
      CHECK(e.diagnostic().message.find("cannot write") != std::string::npos);
    }
  }
  CHECK(!fs::exists(path));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 0);
}
