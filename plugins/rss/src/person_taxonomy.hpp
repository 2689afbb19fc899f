// The Podcast Taxonomy Project's person roles and groups (podcast-namespace taxonomy.json).
#pragma once

#include <string_view>

namespace castkit::rss {

/// True when `group` is a taxonomy group (compared case-insensitively, e.g. "cast", "writing").
bool is_taxonomy_group(std::string_view group);

/// True when `role` is a taxonomy role (case-insensitive, e.g. "host", "cover art designer").
bool is_taxonomy_role(std::string_view role);

}  // namespace castkit::rss
