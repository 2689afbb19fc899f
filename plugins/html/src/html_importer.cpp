#include "html_importer.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "html_document.hpp"
#include "node_text.hpp"
#include "page_signals.hpp"
#include "profile_extract.hpp"
#include "site_profile.hpp"

namespace castkit::html {
namespace {

/// The directory holding the library this code is linked into (the plugin, or a test).
std::filesystem::path own_directory() {
  Dl_info info{};
  if (::dladdr(reinterpret_cast<const void*>(&own_directory), &info) == 0 || !info.dli_fname)
    return {};
  std::error_code error;
  const auto path = std::filesystem::canonical(info.dli_fname, error);
  return error ? std::filesystem::path() : path.parent_path();
}

PageLimits limits_from(const ConfigView& options) {
  PageLimits limits;
  const auto bytes =
      options["max_page_bytes"].as_int(static_cast<std::int64_t>(limits.max_page_bytes));
  if (bytes < 1) options["max_page_bytes"].fail("formats.html.max_page_bytes must be positive");
  limits.max_page_bytes = static_cast<std::uint64_t>(bytes);
  const auto depth = options["max_depth"].as_int(limits.max_depth);
  if (depth < 16 || depth > 100000)
    options["max_depth"].fail("formats.html.max_depth must be between 16 and 100000");
  limits.max_depth = static_cast<std::uint32_t>(depth);
  return limits;
}

/// The profile that applies to the page, and why: --site, the URL, or a signature.
const SiteProfile* choose_profile(const std::vector<SiteProfile>& profiles,
                                  const std::string& forced, const std::string& url,
                                  const pugi::xml_document& page, const ConfigView& site_option,
                                  std::string& why) {
  if (!forced.empty()) {
    for (const SiteProfile& profile : profiles)
      if (profile.name == forced) return why = "--site " + forced, &profile;
    std::string known;
    for (const SiteProfile& profile : profiles) known += (known.empty() ? "" : ", ") + profile.name;
    site_option.fail("no site profile named \"" + forced +
                     "\" (known: " + (known.empty() ? "none" : known) + ")");
  }
  for (const SiteProfile& profile : profiles)
    if (matches_url(profile, url)) return why = "URL " + url, &profile;
  for (const SiteProfile& profile : profiles)
    if (auto signature = matching_signature(profile, page)) return why = *signature, &profile;
  return nullptr;
}

}  // namespace

std::vector<std::string> site_directories(const ConfigView& options) {
  std::vector<std::string> out;
  const ConfigView sites = options["sites"];
  if (!sites.items().empty())
    for (const ConfigView& item : sites.items()) out.push_back(item.as_string());
  else if (sites.exists())
    out.push_back(sites.as_string());
  if (const char* env = std::getenv("CASTKIT_SITES_PATH"); env && *env) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      if (colon != 0) out.emplace_back(rest.substr(0, colon));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  // An installation has share/castkit/sites next to its plugins; a build tree reads the source's.
  std::error_code error;
  const auto dir = own_directory();
  const auto installed = (dir / CASTKIT_HTML_SITES_RELATIVE_DIR).lexically_normal();
  if (!dir.empty() && std::filesystem::is_directory(installed, error))
    out.push_back(installed.string());
  else
    out.push_back(CASTKIT_HTML_SOURCE_SITES_DIR);
  return out;
}

Confidence probe_html(const Input& input) {
  if (contains_ignoring_case(input.media_type, "html")) return 80;
  const std::string_view head = input.bytes.substr(0, 4096);
  if (contains_ignoring_case(head, "<!doctype html") || contains_ignoring_case(head, "<html"))
    return 70;
  if (contains_ignoring_case(head, "<head") || contains_ignoring_case(head, "<body")) return 40;
  return 0;
}

void HtmlImporter::read(const Input& input, Show& show, Context& context) {
  HtmlPage parsed;
  parse_page(input.bytes, input.encoding, input.name, limits_from(context.options), parsed);
  read_page(parsed.document, input, show, context);
}

void read_page(const pugi::xml_document& document, const Input& input, Show& show,
               Context& context) {
  const ConfigView& options = context.options;
  const std::string page_name = input.url.empty() ? input.name : input.url;
  const PageView page{document, input.url, input.name};

  Episode episode;
  EpisodeFill fill(episode, show);
  bool found = false;

  const std::vector<SiteProfile> profiles = load_profiles(site_directories(options));
  std::string why;
  const std::string forced = options["site"].as_string();
  if (const SiteProfile* profile =
          choose_profile(profiles, forced, input.url, document, options["site"], why)) {
    extract_with_profile(*profile, document, input.url, why, fill);
    found = !episode.title.empty() || episode.enclosure || !episode.transcript.segments.empty();
  }
  // The generic chain fills what the profile left empty. A page a profile read is not looked
  // up in its feeds (that costs network requests for fields the profile already has).
  found = read_json_ld(page, fill) || found;
  if (!found && options["follow_feeds"].as_bool(true)) {
    const auto max_feeds = options["max_feeds"].as_int(3);
    found = read_rss_link(page, context,
                          static_cast<int>(std::clamp<std::int64_t>(max_feeds, 0, 20)), fill);
  }
  read_meta_tags(page, fill);
  read_heuristics(page, fill);
  if (!input.url.empty()) fill.text(&Episode::link, "link", input.url, "the page's URL");
  found = found || episode.enclosure || !episode.chapters.empty() ||
          !episode.transcript.segments.empty();
  if (!found)
    fail_input(
        input.name, 0, 0,
        "no episode found in " + page_name + ": tried JSON-LD, RSS link, OpenGraph, headings");
  if (episode.summary.empty() && !episode.description.empty() &&
      episode.description.find('<') == std::string::npos) {
    episode.summary = episode.description;
    fill.note("summary", "the description");
  }
  show.episodes.push_back(std::move(episode));
}

}  // namespace castkit::html
