// Atomic writes: a new file appears complete; a failed write leaves the old file as it was
// and no temporary file behind.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "atomic_output.hpp"
#include "castkit/diagnostics.hpp"
#include "castkit_testing/files.hpp"

using namespace castkit;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const char* name) {
  return testing::fresh_directory(fs::path(CASTKIT_FIXTURE_DIR) / name);
}

}  // namespace

TEST_CASE("writing replaces the file and keeps its permissions") {
  const fs::path dir = fresh_dir("atomic-ok");
  const fs::path file = dir / "out.txt";
  host::write_atomically(file.string(), "first");
  CHECK(testing::read_file(file) == "first");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  host::write_atomically(file.string(), "second");
  CHECK(testing::read_file(file) == "second");
  CHECK((fs::status(file).permissions() & fs::perms::group_read) == fs::perms::group_read);
  CHECK((fs::status(file).permissions() & fs::perms::others_read) == fs::perms::none);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a write that cannot happen is an I/O error and leaves nothing behind") {
  const fs::path dir = fresh_dir("atomic-fail");
  try {
    host::write_atomically((dir / "missing" / "out.txt").string(), "x");
    FAIL("no exception");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(e.diagnostic().file == (dir / "missing" / "out.txt").string());
  }
  // Renaming over a directory fails after the temporary file was written: it is removed.
  fs::create_directories(dir / "taken");
  CHECK_THROWS_AS(host::write_atomically((dir / "taken").string(), "x"), Error);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}
