// Wires the text page reader into the plugin contract.
#include "text_format.hpp"

#include <cstring>
#include <set>

#include "castkit/text.hpp"
#include "page_lines.hpp"
#include "page_sections.hpp"
#include "text_page_reader.hpp"

namespace castkit::text_page {
namespace {

// How many of the page's section headings stand on lines of their own in the first 64 KiB.
// No signature is certain, so the confidence stays below that of formats with signatures.
Confidence probe(const Input& input) {
  std::string_view head = input.bytes.substr(0, 64 * 1024);
  std::set<SectionKind> seen;
  std::size_t pos = 0;
  while (pos < head.size()) {
    std::size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(pos, end - pos);
    if (line.size() < 24)
      if (auto kind = heading_kind(line)) seen.insert(*kind);
    pos = end + 1;
  }
  return seen.size() >= 3 ? 40 : seen.size() == 2 ? 20 : 0;
}

ReadOptions read_options(const Context& context) {
  ReadOptions options;
  std::int64_t max_line = context.project["limits"]["max_line_bytes"].as_int(
      static_cast<std::int64_t>(options.max_line_bytes));
  if (max_line <= 0)
    context.project["limits"]["max_line_bytes"].fail("expected a positive number of bytes");
  options.max_line_bytes = static_cast<std::size_t>(max_line);
  ConfigView boilerplate = context.options["boilerplate"];
  if (boilerplate.exists()) {
    options.boilerplate.clear();
    for (const ConfigView& item : boilerplate.items())
      options.boilerplate.push_back(item.as_string());
  }
  return options;
}

class TextPageImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    DecodedText decoded = decode_to_utf8(input.bytes, input.encoding, input.name);
    std::string_view text = decoded.text();
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
      fail_input(input.name, 1, 1, "empty input; expected a text rendering of an episode page");
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
      TextPosition at = position_at(text, static_cast<const char*>(nul) - text.data());
      fail_input(input.name, at.line, at.column,
                 "binary data (a NUL byte); expected a text rendering of an episode page in UTF-8");
    }
    PageResult page = read_page(text, read_options(context), input.name);
    for (const Diagnostic& notice : page.notices) context.host.report(notice);
    if (page.speakers_hint && input.other_inputs == 0) context.host.report(*page.speakers_hint);
    if (show.title.empty()) show.title = std::move(page.show_title);
    show.episodes.push_back(std::move(page.episode));
  }
};

}  // namespace

ImporterSpec importer_spec() {
  ImporterSpec spec;
  spec.format = "text";
  spec.description =
      "text rendering of an episode page (summary, Featuring, Sponsors, Notes & Links, Chapters, "
      "Transcript)";
  spec.extensions = {"txt"};
  spec.media_types = {"text/plain"};
  spec.probe = &probe;
  spec.create = [] { return std::unique_ptr<Importer>(new TextPageImporter); };
  return spec;
}

}  // namespace castkit::text_page
