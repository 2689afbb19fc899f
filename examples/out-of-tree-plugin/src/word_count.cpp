// Counting words per speaker: words are runs of characters between ASCII whitespace.
#include "word_count.hpp"

#include <algorithm>

namespace words {
namespace {

std::size_t words_in(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

/// Writes "Speaker: N words" lines and a total.
class WordsExporter final : public castkit::Exporter {
 public:
  void write(const castkit::ExportRequest& request, std::string& out,
             castkit::Context& context) override {
    if (!request.episode || request.episode->transcript.segments.empty())
      throw castkit::Error(castkit::ErrorKind::input,
                           castkit::Diagnostic{castkit::Severity::error, request.output_name, 0, 0,
                                               "the episode has no transcript to count"});
    const std::string unknown = context.options["unknown_speaker"].as_string("(unknown)");
    std::size_t total = 0;
    for (const auto& [speaker, count] : count_words(request.episode->transcript)) {
      out += (speaker.empty() ? unknown : speaker) + ": " + std::to_string(count) + " words\n";
      total += count;
    }
    out += "total: " + std::to_string(total) + " words\n";
  }
};

}  // namespace

std::vector<std::pair<std::string, std::size_t>> count_words(
    const castkit::Transcript& transcript) {
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (const castkit::Segment& segment : transcript.segments) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& entry) { return entry.first == segment.speaker; });
    if (it == counts.end()) it = counts.insert(counts.end(), {segment.speaker, 0});
    it->second += words_in(segment.text);
  }
  return counts;
}

void register_words(castkit::Registrar& registrar) {
  registrar.add(castkit::ExporterSpec{
      .format = "words",
      .description = "words per speaker in an episode's transcript",
      .extension = "txt",
      .media_type = "text/plain",
      .scope = castkit::ExportScope::episode,
      .options = {{"unknown-speaker", "formats.words.unknown_speaker",
                   "the name shown for segments without a speaker"}},
      .create = [] {
        return std::unique_ptr<castkit::Exporter>(std::make_unique<WordsExporter>());
      }});
}

}  // namespace words
