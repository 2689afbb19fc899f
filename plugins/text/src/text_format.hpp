// The text format's importer as the plugin registers it.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::text_page {

/// The `text` importer: text renderings of episode pages.
ImporterSpec importer_spec();

}  // namespace castkit::text_page
