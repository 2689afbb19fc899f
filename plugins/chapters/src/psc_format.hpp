// `psc`: Podlove Simple Chapters as a standalone XML document, in and out.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::chapters {

/// How sure the importer is that `input` is a Podlove Simple Chapters document.
Confidence probe_psc(const Input& input);

/// Reads `<psc:chapters>` (namespace http://podlove.org/simple-chapters, any prefix) into the
/// show's (first) episode. Start times are NPT (00:00:00, 00:03:07.250, 08:26, 12:42.345).
void read_psc(const Input& input, Show& show);

/// Writes the episode's chapters as a psc document (start as HH:MM:SS.mmm; title, href, image).
void write_psc(const Episode& episode, std::string& out);

}  // namespace castkit::chapters
