// Heading detection for text pages.
#include "page_sections.hpp"

#include <array>
#include <utility>

namespace castkit::text_page {

std::optional<SectionKind> heading_kind(std::string_view line) {
  static constexpr std::array<std::pair<std::string_view, SectionKind>, 8> kHeadings{{
      {"featuring", SectionKind::featuring},
      {"sponsors", SectionKind::sponsors},
      {"notes & links", SectionKind::notes},
      {"notes and links", SectionKind::notes},
      {"notes &amp; links", SectionKind::notes},
      {"show notes", SectionKind::notes},
      {"chapters", SectionKind::chapters},
      {"transcript", SectionKind::transcript},
  }};
  line = trim(line);
  if (!line.empty() && line.back() == ':') line = trim(line.substr(0, line.size() - 1));
  for (const auto& [name, kind] : kHeadings)
    if (line.size() == name.size() && starts_with_nocase(line, name)) return kind;
  return std::nullopt;
}

PageSections split_sections(const std::vector<Line>& lines) {
  PageSections page;
  bool in_transcript = false;
  for (const Line& line : lines) {
    std::optional<SectionKind> kind = in_transcript ? std::nullopt : heading_kind(line.text);
    if (kind) {
      page.sections.push_back(Section{*kind, line, {}});
      in_transcript = *kind == SectionKind::transcript;
    } else if (page.sections.empty()) {
      page.opening.push_back(line);
    } else {
      page.sections.back().lines.push_back(line);
    }
  }
  return page;
}

}  // namespace castkit::text_page
