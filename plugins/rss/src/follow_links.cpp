// Fetch-and-parse of linked chapters and transcripts, through Host::fetch_all.
#include "follow_links.hpp"

#include "castkit/feed/json_chapters.hpp"
#include "castkit/feed/json_transcript.hpp"

namespace castkit::rss {
namespace {

/// The media type without parameters, lower-cased.
std::string base_type(std::string_view type) {
  std::string out(type.substr(0, type.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

/// One fetch and what to do with its body.
struct Job {
  Episode* episode;
  bool chapters;         ///< true: chapters file; false: JSON transcript
  std::string language;  ///< the transcript link's language
};

}  // namespace

bool is_json_chapters_type(std::string_view type) {
  std::string base = base_type(type);
  return base == "application/json+chapters" || base == "application/json" ||
         base == "application/audio-chapters+json" || base == "application/chapters+json" ||
         base.empty();
}

bool is_json_transcript_type(std::string_view type) {
  std::string base = base_type(type);
  return base == "application/json" || base == "application/transcript+json";
}

void follow_links(Show& show, Context& context, const std::string& input_name) {
  std::vector<FetchRequest> requests;
  std::vector<Job> jobs;
  for (Episode& episode : show.episodes) {
    if (episode.chapters.empty() && episode.chapters_link && !episode.chapters_link->url.empty() &&
        is_json_chapters_type(episode.chapters_link->type)) {
      requests.push_back(
          {episode.chapters_link->url, "application/json+chapters, application/json"});
      jobs.push_back({&episode, true, {}});
    }
    if (!episode.transcript.segments.empty()) continue;
    bool queued = false;
    for (const FileLink& link : episode.transcript_links) {
      if (!queued && is_json_transcript_type(link.type)) {
        requests.push_back({link.url, "application/json"});
        jobs.push_back({&episode, false, link.language});
        queued = true;
      }
    }
    if (!queued && !episode.transcript_links.empty())
      context.host.log(LogLevel::info,
                       "rss --follow: the transcript of \"" + episode.title + "\" is " +
                           episode.transcript_links.front().type + ", not read here; convert " +
                           episode.transcript_links.front().url + " with its own format");
  }
  if (requests.empty()) return;
  std::vector<FetchResponse> responses;
  try {
    responses = context.host.fetch_all(requests);
  } catch (const Error& error) {  // no network at all (e.g. offline): the feed itself still counts
    context.host.report(Diagnostic{Severity::warning, input_name, 0, 0,
                                   "could not fetch the linked chapters and transcripts (" +
                                       std::string(error.what()) + "); left out"});
    return;
  }
  for (std::size_t i = 0; i < jobs.size() && i < responses.size(); ++i) {
    const FetchResponse& response = responses[i];
    const std::string& url = requests[i].url;
    if (response.status < 200 || response.status >= 300) {
      context.host.report(Diagnostic{
          Severity::warning, input_name, 0, 0,
          "could not fetch " + url + " (" +
              (response.status ? "HTTP " + std::to_string(response.status) : response.body) +
              "); left out"});
      continue;
    }
    try {
      if (jobs[i].chapters) {
        jobs[i].episode->chapters = feed::parse_json_chapters(response.body, url).chapters;
      } else {
        Transcript& transcript = jobs[i].episode->transcript;
        feed::parse_json_transcript(response.body, url, transcript);
        if (transcript.language.empty()) transcript.language = jobs[i].language;
      }
    } catch (const Error& error) {
      Diagnostic warning = error.diagnostic();
      warning.severity = Severity::warning;
      warning.message += " (linked from " + input_name + "; left out)";
      context.host.report(warning);
    }
  }
}

}  // namespace castkit::rss
