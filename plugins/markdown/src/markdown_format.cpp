// Wires the Markdown transcript reader and writer into the plugin contract.
#include "markdown_format.hpp"

#include <cstring>

#include "castkit/text.hpp"
#include "markdown_transcript_reader.hpp"
#include "markdown_transcript_writer.hpp"

namespace castkit::markdown {
namespace {

// Looks for `**Name:**` labels at line starts in the first 4 KiB.
Confidence probe(const Input& input) {
  std::string_view head = input.bytes.substr(0, 4096);
  int labels = 0;
  std::size_t pos = 0;
  while (pos < head.size()) {
    std::size_t end = head.find('\n', pos);
    std::string_view line = head.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (line.starts_with("**")) {
      std::size_t close = line.find(":**", 2);
      if (close != std::string_view::npos && close <= 82) ++labels;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  if (labels > 0) return labels >= 2 ? 60 : 35;
  // Markdown has no signature: a .md name is a weak hint that any text is worth reading.
  std::string_view name = input.name;
  bool markdown_name = name.ends_with(".md") || name.ends_with(".markdown");
  return markdown_name && head.find('\0') == std::string_view::npos ? 10 : 0;
}

ReadOptions read_options(const Context& context) {
  ReadOptions options;
  options.smart = context.options["smart"].as_bool(true);
  std::int64_t max_block = context.options["max_block_bytes"].as_int(
      static_cast<std::int64_t>(options.limits.max_block_bytes));
  if (max_block <= 0)
    context.options["max_block_bytes"].fail("expected a positive number of bytes");
  options.limits.max_block_bytes = static_cast<std::size_t>(max_block);
  return options;
}

class MarkdownImporter final : public Importer {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    DecodedText decoded = decode_to_utf8(input.bytes, input.encoding, input.name);
    std::string_view text = decoded.text();
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
      TextPosition at = position_at(text, static_cast<const char*>(nul) - text.data());
      fail_input(input.name, at.line, at.column,
                 "binary data (a NUL byte); expected a Markdown transcript in UTF-8");
    }
    Transcript transcript = read_transcript(text, read_options(context), input.name);
    if (transcript.segments.empty())
      fail_input(input.name, 1, 1,
                 "no transcript paragraphs found; expected paragraphs such as \"**Name:** text\"");
    if (show.episodes.empty()) show.episodes.emplace_back();
    show.episodes.front().transcript = std::move(transcript);
  }
};

class MarkdownExporter final : public Exporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context&) override {
    const Episode* episode = request.episode;
    if (!episode && request.show.episodes.size() == 1) episode = &request.show.episodes.front();
    if (!episode)
      fail_usage("markdown writes one episode's transcript; the model has " +
                 std::to_string(request.show.episodes.size()) + " episodes");
    write_transcript(episode->transcript, out);
  }
};

}  // namespace

ImporterSpec importer_spec() {
  ImporterSpec spec;
  spec.format = "markdown";
  spec.description = "speaker-labelled Markdown transcripts (**Name:** turns, [mm:ss] anchors)";
  spec.extensions = {"md", "markdown"};
  spec.media_types = {"text/markdown"};
  spec.probe = &probe;
  spec.create = [] { return std::unique_ptr<Importer>(new MarkdownImporter); };
  return spec;
}

ExporterSpec exporter_spec() {
  ExporterSpec spec;
  spec.format = "markdown";
  spec.description = "speaker-labelled Markdown transcript (the Changelog convention)";
  spec.extension = "md";
  spec.media_type = "text/markdown";
  spec.scope = ExportScope::episode;
  spec.link_role = LinkRole::none;
  spec.create = [] { return std::unique_ptr<Exporter>(new MarkdownExporter); };
  return spec;
}

}  // namespace castkit::markdown
