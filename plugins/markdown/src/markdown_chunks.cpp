// Cuts Markdown at blank lines that are outside fenced code blocks.
#include "markdown_chunks.hpp"

namespace castkit::markdown {
namespace {

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// The fence a line opens or closes ("```" or "~~~", three or more, at most 3 spaces indent), or
// an empty view.
std::string_view fence_of(std::string_view line) {
  std::size_t pos = 0;
  while (pos < line.size() && pos < 3 && line[pos] == ' ') ++pos;
  if (pos >= line.size() || (line[pos] != '`' && line[pos] != '~')) return {};
  std::size_t end = pos;
  while (end < line.size() && line[end] == line[pos]) ++end;
  if (end - pos < 3) return {};
  return line.substr(pos, end - pos);
}

// The line starting at `pos` without its line end, and where the next line starts.
std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next) {
  std::size_t newline = text.find('\n', pos);
  next = newline == std::string_view::npos ? text.size() : newline + 1;
  std::string_view line = text.substr(pos, next - pos);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

std::size_t front_matter_length(std::string_view text) {
  constexpr std::size_t kMaxFrontMatter = 64 * 1024;
  std::size_t next = 0;
  if (line_at(text, 0, next) != "---") return 0;
  // The first line must be a YAML key ("title: ..."), so a rule opening a transcript is kept.
  std::string_view first = line_at(text, next, next);
  std::size_t colon = first.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      first.substr(0, colon).find_first_of(" *_[`>#") != std::string_view::npos)
    return 0;
  for (std::size_t pos = next; pos < text.size() && pos < kMaxFrontMatter; pos = next) {
    std::string_view line = line_at(text, pos, next);
    if (line == "---" || line == "...") return next;
  }
  return 0;
}

std::vector<Chunk> split_into_chunks(std::string_view text, const ChunkLimits& limits) {
  std::vector<Chunk> chunks;
  std::size_t chunk_start = 0;
  std::size_t block_start = std::string_view::npos;  // first byte of the current paragraph
  std::string_view open_fence;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t newline = text.find('\n', pos);
    std::size_t line_end = newline == std::string_view::npos ? text.size() : newline + 1;
    std::string_view line = text.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    std::string_view fence = fence_of(line);
    if (!open_fence.empty()) {
      if (!fence.empty() && fence[0] == open_fence[0] && fence.size() >= open_fence.size())
        open_fence = {};
    } else if (!fence.empty()) {
      open_fence = fence;
      block_start = std::string_view::npos;
    } else if (is_blank(line)) {
      block_start = std::string_view::npos;
      if (line_end - chunk_start >= limits.target_bytes) {
        chunks.push_back({text.substr(chunk_start, line_end - chunk_start), chunk_start});
        chunk_start = line_end;
      }
    } else {
      if (block_start == std::string_view::npos) block_start = pos;
      if (line_end - block_start > limits.max_block_bytes) throw OversizedBlock{block_start};
    }
    pos = line_end;
  }
  if (chunk_start < text.size()) chunks.push_back({text.substr(chunk_start), chunk_start});
  return chunks;
}

}  // namespace castkit::markdown
