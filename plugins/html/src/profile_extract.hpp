// Reads a page with a site profile.
#pragma once

#include <string>

#include <pugixml.hpp>

#include "episode_fill.hpp"
#include "site_profile.hpp"

namespace castkit::html {

/// Fills the episode from `page` by the profile's rules; `page_url` resolves relative links.
/// `why` says why the profile applies (recorded in the provenance of every field it sets).
void extract_with_profile(const SiteProfile& profile, const pugi::xml_document& page,
                          const std::string& page_url, const std::string& why, EpisodeFill& fill);

}  // namespace castkit::html
