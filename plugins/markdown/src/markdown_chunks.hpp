// Splits a Markdown document into pieces that parse on their own, so a huge transcript is parsed
// piece by piece with bounded memory.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace castkit::markdown {

/// One piece of the document: whole blocks, cut only at a blank line outside a fenced code block.
struct Chunk {
  std::string_view text;   ///< the bytes of the piece
  std::size_t offset = 0;  ///< where it starts in the document
};

/// Limits on the pieces.
struct ChunkLimits {
  std::size_t target_bytes = 256 * 1024;  ///< a piece is cut at the first blank line past this
  std::size_t max_block_bytes = 1 << 20;  ///< longest run of non-blank lines outside code fences
};

/// Where a block is longer than ChunkLimits::max_block_bytes (the offset of its first byte).
struct OversizedBlock {
  std::size_t offset = 0;  ///< the block's first byte
};

/// The length of a YAML front matter block at the start of `text` ("---" line, YAML, a closing
/// "---" or "..." line, as Jekyll and Hugo write), or 0 when there is none.
std::size_t front_matter_length(std::string_view text);

/// Splits `text` into chunks. Throws OversizedBlock when a paragraph (a run of non-blank lines
/// outside a code fence) is longer than `limits.max_block_bytes`: a paragraph that long is not a
/// transcript, and cmark's memory grows with the number of inline nodes in it.
std::vector<Chunk> split_into_chunks(std::string_view text, const ChunkLimits& limits);

}  // namespace castkit::markdown
