// Apple Podcasts categories and subcategories (the list Apple has used since 2019).
#pragma once

#include <string_view>

namespace castkit::rss {

/// True when `category` is one of Apple's top-level categories (exact text, e.g. "Technology").
bool is_apple_category(std::string_view category);

/// True when `subcategory` belongs to `category` in Apple's list (e.g. "News" / "Tech News").
bool is_apple_subcategory(std::string_view category, std::string_view subcategory);

}  // namespace castkit::rss
