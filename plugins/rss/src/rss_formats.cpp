// Registration of the rss formats and the thin Importer/Exporter/Checker classes around the
// reader, writer and linter.
#include "rss_formats.hpp"

#include "castkit/streaming.hpp"
#include "feed_input.hpp"
#include "follow_links.hpp"
#include "rss_lint.hpp"
#include "rss_reader.hpp"
#include "rss_writer.hpp"

namespace castkit::rss {
namespace {

class RssImporter final : public Importer, public StreamingImporter {
 public:
  void read(const Input& input, Show& show, Context& context) override {
    ParsedFeed feed;
    decode_feed(feed, input.bytes, input.encoding, input.name);
    context.host.input_consumed(input, input.bytes.size());  // feed.text is the copy read
    parse_decoded_feed(feed, input.bytes, input.encoding, input.name);
    read_rss(feed, input.name, show);
    if (context.options["follow"].as_bool(false)) follow_links(show, context, input.name);
  }

  /// The channel (all of it, also what follows the items) to the sink first, then each item,
  /// read into one reused episode.
  void read_into(const Input& input, ModelSink& sink, Context& context) override {
    if (context.options["follow"].as_bool(false))
      throw NeedsWholeModel("--follow reads linked files into the whole model");
    ParsedFeed feed;
    decode_feed(feed, input.bytes, input.encoding, input.name);
    context.host.input_consumed(input, input.bytes.size());  // feed.text is the copy read
    parse_decoded_feed(feed, input.bytes, input.encoding, input.name);
    FeedReader reader(feed, input.name);
    Show show;
    reader.read_channel(show);
    sink.show(show);
    Episode episode;
    for (pugi::xml_node item = reader.next_item({}); item; item = reader.next_item(item)) {
      reset_episode(episode);
      reader.read_item(item, episode);
      sink.episode(episode);
    }
    sink.finish();
  }
};

WriteOptions write_options(Context& context) {
  WriteOptions options;
  options.always_inline_chapters = context.options["psc"].as_bool(false);
  return options;
}

void log_warnings(Context& context, const std::string& output_name,
                  const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings)
    context.host.log(LogLevel::warning, output_name + ": " + warning);
}

/// Writes the feed as the model arrives: the channel at show(), an item per episode().
class RssSink final : public ModelSink {
 public:
  RssSink(std::string output_name, std::string& out, Context& context)
      : output_name_(std::move(output_name)),
        out_(out),
        context_(context),
        options_(write_options(context)) {}
  void show(const Show& show) override {
    log_warnings(context_, output_name_, write_feed_head(show, out_));
  }
  void episode(const Episode& episode) override { write_feed_item(episode, out_, options_); }
  void segment(const Segment&) override {}  // transcripts are linked from a feed, not written
  void finish() override { write_feed_tail(out_); }

 private:
  std::string output_name_;
  std::string& out_;
  Context& context_;
  WriteOptions options_;
};

class RssExporter final : public Exporter, public StreamingExporter {
 public:
  void write(const ExportRequest& request, std::string& out, Context& context) override {
    log_warnings(context, request.output_name,
                 write_rss(request.show, out, write_options(context)));
  }
  std::unique_ptr<ModelSink> open(const std::string& output_name, std::string& out,
                                  Context& context) override {
    return std::make_unique<RssSink>(output_name, out, context);
  }
};

class RssChecker final : public Checker {
 public:
  int check(const Input& input, Context& context) override {
    return lint_feed(input, context.host);
  }
};

}  // namespace

Confidence probe_rss(const Input& input) {
  std::string_view head = input.bytes.substr(0, 4096);
  if (head.find("<rss") == std::string_view::npos) return 0;
  if (head.find("itunes") != std::string_view::npos ||
      head.find("podcast") != std::string_view::npos)
    return 100;
  return 80;
}

void register_formats(Registrar& registrar) {
  registrar.add(ImporterSpec{
      .format = "rss",
      .description = "RSS 2.0 podcast feed (iTunes, Podcasting 2.0, Podlove Simple Chapters)",
      .extensions = {"rss", "xml"},
      .media_types = {"application/rss+xml", "application/xml", "text/xml"},
      .signatures = {"<rss"},
      .options = {OptionSpec{"follow", "formats.rss.follow",
                             "fetch the chapters and JSON transcripts the feed links to", false}},
      .probe = probe_rss,
      .create = [] { return std::unique_ptr<Importer>(new RssImporter); },
  });
  registrar.add(ExporterSpec{
      .format = "rss",
      .description = "RSS 2.0 podcast feed with Apple and Podcasting 2.0 tags",
      .extension = "xml",
      .media_type = "application/rss+xml",
      .scope = ExportScope::show,
      .options = {OptionSpec{"psc", "formats.rss.psc",
                             "write psc:chapters inline even when an episode links a chapters file",
                             false}},
      .create = [] { return std::unique_ptr<Exporter>(new RssExporter); },
  });
  registrar.add(CheckerSpec{
      .format = "rss",
      .description = "Apple Podcasts and Podcasting 2.0 rules for feeds",
      .create = [] { return std::unique_ptr<Checker>(new RssChecker); },
  });
}

}  // namespace castkit::rss
