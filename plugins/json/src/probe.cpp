// The json format's probe.
#include "probe.hpp"

namespace castkit::json {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// True when the quoted marker at `at` is followed by a colon, i.e. it is a key.
bool is_key_at(std::string_view s, std::size_t at, std::string_view marker) {
  const std::size_t after = skip_space(s, at + marker.size());
  return after < s.size() && s[after] == ':';
}

}  // namespace

Confidence probe_model(std::string_view bytes) {
  constexpr std::string_view kMarker = "\"castkit\"";
  std::string_view head = bytes.substr(0, 4096);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  std::size_t i = skip_space(head, 0);
  if (i >= head.size() || head[i] != '{') return 0;
  i = skip_space(head, i + 1);
  if (head.substr(i).starts_with(kMarker) && is_key_at(head, i, kMarker)) return 100;
  for (auto at = head.find(kMarker); at != std::string_view::npos; at = head.find(kMarker, at + 1))
    if (is_key_at(head, at, kMarker)) return 90;
  return 10;
}

}  // namespace castkit::json
