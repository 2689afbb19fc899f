// `--follow`: reads the chapters and transcripts a feed links to into the model.
#pragma once

#include "castkit/plugin.hpp"

namespace castkit::rss {

/// Fetches (through the host, concurrently) each episode's podcast:chapters file when the episode
/// has no chapters yet, and its JSON podcast:transcript when it has no transcript yet, and reads
/// them into the episode. Failures are reported as warnings naming the URL; the feed stays read.
/// Transcripts in formats other plugins read (VTT, SRT, HTML) are logged as not followed.
void follow_links(Show& show, Context& context, const std::string& input_name);

/// True for the media types JSON chapters are served with (application/json+chapters,
/// application/json, application/audio-chapters+json, ...).
bool is_json_chapters_type(std::string_view type);

/// True for the media types of Podcasting 2.0 JSON transcripts.
bool is_json_transcript_type(std::string_view type);

}  // namespace castkit::rss
