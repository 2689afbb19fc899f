// Site profiles: YAML files (config/sites/*.yaml) that say how to read one site's episode
// pages with XPath. The format is described in docs/scraper.md.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace castkit::html {

/// How a field's raw text is turned into a value.
enum class ValueType {
  text,      ///< whitespace-collapsed text
  html,      ///< inner HTML of the selected element
  number,    ///< a decimal number
  offset,    ///< seconds ("76") or a clock time ("1:16"), as milliseconds
  clock,     ///< a clock time "mm:ss" / "h:mm:ss", as milliseconds
  minutes,   ///< "63 minutes", as milliseconds
  duration,  ///< ISO 8601 duration or clock time, as milliseconds
  datetime,  ///< ISO 8601 date-time, as ms since the epoch
  url,       ///< a URL, made absolute against the page's URL
};

/// One field: an XPath (relative to the item for list fields) and small post-processing.
struct FieldRule {
  std::string xpath_text;                    ///< the XPath as written (for --explain)
  std::shared_ptr<pugi::xpath_query> xpath;  ///< compiled once when the profile loads
  std::string after;                         ///< keep the text after the first occurrence of this
  std::string before;                        ///< keep the text before the first occurrence of this
  std::string trim;                  ///< characters trimmed from both ends (after whitespace)
  ValueType type = ValueType::text;  ///< how to read the value
};

/// A repeated structure: `each` selects the items, the named rules read each item.
struct ListRule {
  std::string each_text;                    ///< the XPath as written
  std::shared_ptr<pugi::xpath_query> each;  ///< selects the items
  int skip_first = 0;                       ///< items dropped at the start (boilerplate)
  int skip_last = 0;                        ///< items dropped at the end (boilerplate)
  std::map<std::string, FieldRule> fields;  ///< per-item rules by name
};

/// How to recognise a site's page without its URL.
struct Signature {
  std::string meta;                          ///< meta name or property, e.g. "og:site_name"
  std::string value;                         ///< the content it must have (ignoring case)
  std::string xpath_text;                    ///< or: an XPath that must find something
  std::shared_ptr<pugi::xpath_query> xpath;  ///< compiled form of xpath_text
};

/// A site profile.
struct SiteProfile {
  std::string name;                         ///< e.g. "changelog" (--site NAME)
  std::string description;                  ///< one line
  std::string file;                         ///< where it was read from
  std::vector<std::string> urls;            ///< URL patterns (shell globs, `*` matches anything)
  std::vector<Signature> signatures;        ///< any one identifies the site
  std::map<std::string, FieldRule> fields;  ///< episode fields
  std::map<std::string, ListRule> lists;    ///< persons, sponsors, notes, chapters, transcript
};

/// Reads one profile file. Throws a usage error with file:line:col for bad YAML, unknown keys,
/// bad XPath or a bad type.
SiteProfile load_profile(const std::string& path);

/// Reads every *.yaml file in `directories` (missing directories are skipped), in name order;
/// a profile named like an earlier one is skipped, so earlier directories win.
std::vector<SiteProfile> load_profiles(const std::vector<std::string>& directories);

/// True when `url` matches one of the profile's URL patterns.
bool matches_url(const SiteProfile& profile, const std::string& url);

/// The first signature of the profile `page` carries, described for provenance, if any.
std::optional<std::string> matching_signature(const SiteProfile& profile,
                                              const pugi::xml_document& page);

}  // namespace castkit::html
