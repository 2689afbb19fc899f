// Skimming JSON text byte by byte: where a value ends, without parsing it. Used to cut a large
// document into pieces that are each parsed (and validated) by simdjson on their own.
#pragma once

#include <cstddef>
#include <string_view>

namespace castkit::json::skim {

/// Returned when the text ends before the value does.
inline constexpr std::size_t npos = std::string_view::npos;

/// The first position at or after `pos` that is not JSON whitespace (text.size() at the end).
std::size_t skip_whitespace(std::string_view text, std::size_t pos);

/// The position just past the string whose opening quote is text[pos], or npos.
std::size_t skip_string(std::string_view text, std::size_t pos);

/// Which code skims containers: the fastest the processor runs (AVX-512, else AVX2), AVX2 when
/// the processor runs it, or the x86-64 baseline (SSE2). All give the same results; tests
/// compare them.
enum class Kernel { best, avx2, baseline };

/// The position just past the JSON value that starts at text[pos], or npos when the text ends
/// first. Finds only the extent: strings (escapes respected), the nesting of {} and [], a scalar
/// up to the next ',', '}', ']' or whitespace. Nothing is validated, so a malformed value may
/// end anywhere; whoever parses the piece finds the fault.
std::size_t skip_value(std::string_view text, std::size_t pos, Kernel kernel = Kernel::best);

}  // namespace castkit::json::skim
