// Runs the built castkit binary as a child process, the way a user does.
#pragma once

#include <string>
#include <vector>

/// What a run printed and returned.
struct RunResult {
  int exit_code = -1;  ///< the exit status (-1: killed by a signal)
  std::string out;     ///< stdout
  std::string err;     ///< stderr
};

/// Runs castkit with `args`, feeding `input` on stdin, with the registry cache in a fresh
/// per-test file and plugins found only where the arguments say (plus the build tree).
RunResult run_castkit(const std::vector<std::string>& args, const std::string& input = {},
                      const std::vector<std::string>& extra_env = {});

/// A new empty directory under the build tree's test scratch space.
std::string scratch_dir(const std::string& name);

/// The whole content of a file ("" when missing).
std::string slurp(const std::string& path);

/// Writes a file.
void spit(const std::string& path, const std::string& content);
