// Times the rss plugin's own work, in process, without the host or other plugins: parsing and
// reading a feed into the model, writing the model back as a feed, and both item by item as a
// streaming rss -> rss conversion does. Not a test.
// Usage: castkit_rss_timing FEED.xml [RUNS]   (prints medians of thread CPU time in ms)
#include <pugixml.hpp>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "feed_input.hpp"
#include "rss_reader.hpp"
#include "rss_writer.hpp"

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

/// CPU time of this thread in ms: on a shared, loaded machine it varies far less than the wall.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/// Runs `work` and returns its thread CPU time in milliseconds.
template <typename Work>
double time_ms(Work work) {
  double start = thread_cpu_ms();
  work();
  return thread_cpu_ms() - start;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: castkit_rss_timing FEED.xml [RUNS]\n";
    return 2;
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();

  std::vector<double> read_times, write_times, stream_times;
  castkit::Show show;
  std::size_t written = 0;
  try {
    for (int run = 0; run < runs; ++run) {
      castkit::Show fresh;
      read_times.push_back(time_ms([&] {
        castkit::rss::ParsedFeed feed;
        castkit::rss::parse_feed(feed, bytes, "", argv[1]);
        castkit::rss::read_rss(feed, argv[1], fresh);
      }));
      show = std::move(fresh);
    }
    for (int run = 0; run < runs; ++run) {
      std::string out;
      write_times.push_back(time_ms([&] { castkit::rss::write_rss(show, out, {}); }));
      written = out.size();
    }
    for (int run = 0; run < runs; ++run) {
      stream_times.push_back(time_ms([&] {
        castkit::rss::ParsedFeed feed;
        castkit::rss::parse_feed(feed, bytes, "", argv[1]);
        castkit::rss::FeedReader reader(feed, argv[1]);
        castkit::Show head;
        reader.read_channel(head);
        std::string out;
        castkit::rss::write_feed_head(head, out);
        castkit::Episode episode;
        for (pugi::xml_node item = reader.next_item({}); item; item = reader.next_item(item)) {
          castkit::rss::reset_episode(episode);
          reader.read_item(item, episode);
          castkit::rss::write_feed_item(episode, out, {});
          out.clear();  // as the host does when it moves the bytes to the file
        }
      }));
    }
  } catch (const std::exception& error) {
    std::cerr << error.what() << '\n';
    return 1;
  }
  std::cout << "feed " << argv[1] << ": " << bytes.size() << " bytes, " << show.episodes.size()
            << " items\n"
            << "read  (decode + pugixml + model): " << median(read_times) << " ms CPU (median of "
            << runs << ")\n"
            << "write (model -> " << written << " bytes): " << median(write_times)
            << " ms CPU (median of " << runs << ")\n"
            << "stream (parse, then read and write item by item): " << median(stream_times)
            << " ms CPU (median of " << runs << ")\n";
  return 0;
}
