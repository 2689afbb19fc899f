// The rss importer's core: any podcast feed into the model.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "castkit/model.hpp"

namespace castkit::rss {

/// Reads the parsed feed `document` into `show` (show fields are filled where empty; every item
/// becomes a new episode). What the model has no field for is kept as extension data (see
/// extension_keys.hpp) so exporting to rss writes it back. Throws castkit::Error (input) naming
/// `input_name` when the document is not an RSS feed.
void read_rss(const pugi::xml_document& document, const std::string& input_name, Show& show);

}  // namespace castkit::rss
