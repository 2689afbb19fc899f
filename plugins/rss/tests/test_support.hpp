// Helpers for the rss plugin's tests: corpus files, a host that records, import/export calls.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "castkit/plugin.hpp"
#include "castkit/streaming.hpp"

namespace castkit::rss::test {

/// The bytes of tests/data/<relative>.
std::string read_data(const std::string& relative);

/// The names of the feeds (*.xml) in tests/data/rss, sorted.
std::vector<std::string> corpus_feeds();

/// A Host that records diagnostics and logs and answers fetches from a map of URL -> body.
class RecordingHost : public Host {
 public:
  void report(const Diagnostic& diagnostic) override { diagnostics.push_back(diagnostic); }
  void log(LogLevel, std::string_view message) override { logs.emplace_back(message); }
  FetchResponse fetch(const FetchRequest& request) override;
  std::vector<FetchResponse> fetch_all(const std::vector<FetchRequest>& requests) override;
  void input_consumed(const Input&, std::size_t offset) override { consumed = offset; }

  std::vector<Diagnostic> diagnostics;        ///< everything reported
  std::vector<std::string> logs;              ///< everything logged
  std::map<std::string, std::string> bodies;  ///< what fetch answers, by URL (else 404)
  std::size_t consumed = 0;                   ///< the last offset given to input_consumed
  int count(Severity severity) const;         ///< diagnostics of one severity
};

/// Imports `bytes` with the rss importer (options: formats.rss section as key -> value).
Show import_feed(std::string_view bytes, const std::string& name = "feed.xml",
                 const std::map<std::string, std::string>& options = {},
                 RecordingHost* host = nullptr);

/// Exports `show` with the rss exporter.
std::string export_feed(const Show& show, RecordingHost* host = nullptr);

/// Streams `bytes` through the rss importer's read_into into `sink` (options as import_feed).
void stream_feed(std::string_view bytes, ModelSink& sink,
                 const std::map<std::string, std::string>& options = {},
                 RecordingHost* host = nullptr);

/// Streams `bytes` through the rss importer into the rss exporter's sink: the feed a streaming
/// `castkit convert -f rss -t rss` writes.
std::string stream_feed_to_rss(std::string_view bytes, RecordingHost* host = nullptr);

/// Streams `show` into the rss exporter's sink (show(), episode() for each, finish()).
std::string stream_show_to_rss(const Show& show, RecordingHost* host = nullptr);

}  // namespace castkit::rss::test
