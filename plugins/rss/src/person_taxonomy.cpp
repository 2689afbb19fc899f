// Roles and groups as listed in podcast-namespace's taxonomy.json (names trimmed; the list's
// "Translater" spelling is kept beside the right one).
#include "person_taxonomy.hpp"

namespace castkit::rss {
namespace {

bool same_words(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  while (!a.empty() && a.back() == ' ') a.remove_suffix(1);
  while (!a.empty() && a.front() == ' ') a.remove_prefix(1);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

constexpr std::string_view groups[] = {"creative direction",
                                       "cast",
                                       "writing",
                                       "audio production",
                                       "audio post-production",
                                       "administration",
                                       "visuals",
                                       "community",
                                       "misc.",
                                       "video production",
                                       "video post-production"};

constexpr std::string_view roles[] = {
    // Creative Direction
    "director", "assistant director", "executive producer", "senior producer", "producer",
    "associate producer", "development producer", "creative director",
    // Cast
    "host", "co-host", "guest host", "guest", "voice actor", "narrator", "announcer", "reporter",
    // Writing
    "author", "editorial director", "co-writer", "writer", "songwriter", "guest writer",
    "story editor", "managing editor", "script editor", "script coordinator", "researcher",
    "editor", "fact checker", "translator", "translater", "transcriber", "logger",
    // Audio Production
    "studio coordinator", "technical director", "technical manager", "audio engineer",
    "remote recording engineer", "post production engineer",
    // Audio Post-Production
    "audio editor", "sound designer", "foley artist", "composer", "theme music", "music production",
    "music contributor",
    // Administration
    "production coordinator", "booking coordinator", "production assistant", "content manager",
    "marketing manager", "sales representative", "sales manager",
    // Visuals
    "graphic designer", "cover art designer",
    // Community
    "social media manager",
    // Misc.
    "consultant", "intern",
    // Video Production
    "camera operator", "lighting designer", "camera grip", "assistant camera",
    // Video Post-Production
    "assistant editor",
    // Spelling variants in use
    "cohost", "co host", "guest-host"};

}  // namespace

bool is_taxonomy_group(std::string_view group) {
  for (std::string_view known : groups)
    if (same_words(group, known)) return true;
  return same_words(group, "misc");
}

bool is_taxonomy_role(std::string_view role) {
  for (std::string_view known : roles)
    if (same_words(role, known)) return true;
  return false;
}

}  // namespace castkit::rss
