// `chapters`: Podcasting 2.0 JSON chapters 1.2, in and out.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::chapters {

/// How sure the importer is that `input` is a JSON chapters file.
Confidence probe_json_chapters(const Input& input);

/// Reads a JSON chapters file into the show's (first) episode: chapters, and the file's title,
/// podcastName and author where the model has none yet; fileName is kept as extension data.
void read_json_chapters(const Input& input, Show& show);

/// Writes the episode's chapters as JSON chapters 1.2 (title: the episode's, podcastName and
/// author: the show's).
void write_json_chapters_file(const Show& show, const Episode& episode, std::string& out);

}  // namespace castkit::chapters
