// Podlove Simple Chapters with pugixml (reading) and the shared XML escaping (writing).
#include "psc_format.hpp"

#include <pugixml.hpp>

#include "castkit/feed/npt_time.hpp"
#include "castkit/feed/xml_escape.hpp"
#include "castkit/text.hpp"
#include "chapters_formats.hpp"

namespace castkit::chapters {
namespace {

constexpr std::string_view psc_uri = "http://podlove.org/simple-chapters";

/// The prefix bound to the psc namespace on `element` ("" for a default namespace), or
/// nothing when the element does not declare it.
std::optional<std::string> psc_prefix(pugi::xml_node element) {
  for (pugi::xml_attribute attribute : element.attributes()) {
    std::string_view name = attribute.name();
    if (attribute.value() != psc_uri) continue;
    if (name == "xmlns") return std::string();
    if (name.substr(0, 6) == "xmlns:") return std::string(name.substr(6));
  }
  return std::nullopt;
}

}  // namespace

Confidence probe_psc(const Input& input) {
  std::string_view head = input.bytes.substr(0, 4096);
  if (head.find(psc_uri) == std::string_view::npos) return 0;
  return head.find("<rss") == std::string_view::npos ? 100 : 10;  // inside a feed: rss reads it
}

void read_psc(const Input& input, Show& show) {
  DecodedText decoded = decode_to_utf8(input.bytes, input.encoding, input.name);
  std::string_view text = decoded.text();
  pugi::xml_document document;
  pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    TextPosition at = position_at(text, static_cast<std::size_t>(parsed.offset));
    fail_input(input.name, at.line, at.column,
               std::string("not well-formed XML: ") + parsed.description());
  }
  pugi::xml_node root = document.document_element();
  auto prefix = root ? psc_prefix(root) : std::nullopt;
  std::string qualified = prefix && !prefix->empty() ? *prefix + ":" : std::string();
  if (!prefix || std::string_view(root.name()) != qualified + "chapters")
    fail_input(input.name, 1, 1,
               "expected <psc:chapters xmlns:psc=\"http://podlove.org/simple-chapters\"> as the "
               "root element");
  std::vector<Chapter> chapters;
  for (pugi::xml_node child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    TextPosition at = position_at(text, static_cast<std::size_t>(child.offset_debug()));
    if (std::string_view(child.name()) != qualified + "chapter")
      fail_input(input.name, at.line, at.column,
                 std::string("expected <") + qualified + "chapter>, found <" + child.name() + ">");
    auto start = feed::parse_npt(child.attribute("start").value());
    if (!start)
      fail_input(input.name, at.line, at.column,
                 std::string("chapter start \"") + child.attribute("start").value() +
                     "\" is not a time like 00:03:07.250, 08:26 or 12:42.345");
    Chapter chapter;
    chapter.start = *start;
    chapter.title = child.attribute("title").value();
    chapter.url = child.attribute("href").value();
    chapter.img = child.attribute("image").value();
    chapters.push_back(std::move(chapter));
  }
  target_episode(show).chapters = std::move(chapters);
}

void write_psc(const Episode& episode, std::string& out) {
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<psc:chapters version=\"1.2\" xmlns:psc=\"";
  out += psc_uri;
  out += "\">\n";
  auto attribute = [&](const char* name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    feed::append_xml_attribute(out, value);
    out += '"';
  };
  for (const Chapter& chapter : episode.chapters) {
    out += "  <psc:chapter";
    attribute("start", feed::format_npt(chapter.start));
    attribute("title", chapter.title);
    if (!chapter.url.empty()) attribute("href", chapter.url);
    if (!chapter.img.empty()) attribute("image", chapter.img);
    out += "/>\n";
  }
  out += "</psc:chapters>\n";
}

}  // namespace castkit::chapters
