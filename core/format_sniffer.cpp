// Hints from the registry cache: signatures, file name endings, media types.
#include <algorithm>

#include "format_sniffer.hpp"

namespace castkit::host {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

/// The input's name without a URL's query or fragment.
std::string_view path_part(std::string_view name) {
  return name.substr(0, std::min(name.find('?'), name.find('#')));
}

bool has_extension(std::string_view name, std::string_view extension) {
  if (name.size() <= extension.size()) return false;
  return name[name.size() - extension.size() - 1] == '.' &&
         iequals(name.substr(name.size() - extension.size()), extension);
}

}  // namespace

int hint_score(const ImporterSpec& spec, const Input& input) {
  int score = 0;
  const std::string_view head = input.bytes.substr(0, 4096);
  if (std::any_of(spec.signatures.begin(), spec.signatures.end(),
                  [&](const std::string& s) { return !s.empty() && head.find(s) != head.npos; }))
    score += 2;
  const std::string_view name = path_part(input.name);
  if (std::any_of(spec.extensions.begin(), spec.extensions.end(),
                  [&](const std::string& e) { return has_extension(name, e); }))
    score += 1;
  const std::string_view media =
      std::string_view(input.media_type).substr(0, input.media_type.find(';'));
  if (!media.empty() && std::any_of(spec.media_types.begin(), spec.media_types.end(),
                                    [&](const std::string& m) { return iequals(m, media); }))
    score += 1;
  return score;
}

std::vector<Offer<ImporterSpec>> rank_importers(const std::vector<Offer<ImporterSpec>>& offers,
                                                const Input& input) {
  std::vector<std::pair<int, Offer<ImporterSpec>>> scored;
  for (const auto& offer : offers)
    if (int score = hint_score(*offer.spec, input); score > 0) scored.emplace_back(score, offer);
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Offer<ImporterSpec>> out;
  for (auto& [score, offer] : scored) out.push_back(offer);
  return out;
}

}  // namespace castkit::host
