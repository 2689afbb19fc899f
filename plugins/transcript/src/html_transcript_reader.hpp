// Reads Podcasting 2.0 HTML transcripts (<cite>Name:</cite> <time>m:ss</time> <p>text</p>).
#pragma once

#include <string>
#include <string_view>

#include "castkit/host.hpp"
#include "castkit/model.hpp"

namespace castkit::transcript {

/// Parses an HTML transcript in UTF-8 with libxml2's HTML parser: each <p> is a segment, spoken
/// by the last <cite> before it (a trailing ':' dropped) and starting at the <time> between
/// them, if any (its datetime attribute, else its text: "0:53", "1:02:03"). Text is taken with
/// entities decoded, whitespace collapsed and <br> as a line break; <script>, <style> and
/// <head> are skipped. Warnings (an unreadable <time>) go to `host`. Throws castkit::Error
/// (input) when nothing transcript-like is found or the parser gives up (e.g. nesting past
/// libxml2's depth limit).
Transcript read_html_transcript(std::string_view html, const std::string& input_name, Host& host);

}  // namespace castkit::transcript
