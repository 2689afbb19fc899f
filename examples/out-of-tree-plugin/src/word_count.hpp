// The `words` exporter: how many words each speaker says in an episode's transcript.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "castkit/plugin.hpp"

namespace words {

/// Words per speaker in order of first appearance ("" for segments without a speaker).
std::vector<std::pair<std::string, std::size_t>> count_words(const castkit::Transcript& transcript);

/// Adds the `words` exporter.
void register_words(castkit::Registrar& registrar);

}  // namespace words
