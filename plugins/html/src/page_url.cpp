#include "page_url.hpp"

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include "node_text.hpp"

namespace castkit::html {

std::string resolve_url(std::string_view base, std::string_view href) {
  std::string clean = collapse_whitespace(href);
  if (base.empty() || clean.empty()) return clean;
  const std::string base_text(base);
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(clean.c_str()),
                               reinterpret_cast<const xmlChar*>(base_text.c_str()));
  if (!built) return clean;
  std::string out(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return out;
}

std::string comparable_url(std::string_view url) {
  std::string out(url.substr(0, url.find('#')));
  while (!out.empty() && out.back() == '/') out.pop_back();
  const std::size_t scheme_end = out.find("://");
  const std::size_t host_end = scheme_end == std::string::npos ? 0 : out.find('/', scheme_end + 3);
  for (std::size_t i = 0;
       i < std::min(host_end == std::string::npos ? out.size() : host_end, out.size()); ++i)
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] + 32);
  if (out.starts_with("http://")) out.replace(0, 7, "https://");  // same page either way
  return out;
}

}  // namespace castkit::html
