// Reading test inputs and golden files; a fresh directory for outputs.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace castkit::testing {

/// The bytes of the file at `path`. Throws std::runtime_error naming it when it cannot be opened
/// (Catch reports that as the test's failure).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the test file " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// `dir`, emptied (created when missing), for a test's outputs.
inline std::filesystem::path fresh_directory(const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace castkit::testing
