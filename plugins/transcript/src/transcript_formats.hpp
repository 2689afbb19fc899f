// The transcript plugin's formats: transcript-json and transcript-html, import and export.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::transcript {

/// transcript-json importer: Podcasting 2.0 JSON transcripts (and Whisper-shaped JSON).
ImporterSpec json_importer_spec();
/// transcript-json exporter: an episode's transcript as Podcasting 2.0 JSON.
ExporterSpec json_exporter_spec();
/// transcript-html importer: Podcasting 2.0 HTML transcripts.
ImporterSpec html_importer_spec();
/// transcript-html exporter: an episode's transcript as Podcasting 2.0 HTML.
ExporterSpec html_exporter_spec();

}  // namespace castkit::transcript
