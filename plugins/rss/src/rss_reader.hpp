// The rss importer's core: any podcast feed into the model.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "castkit/model.hpp"
#include "feed_input.hpp"
#include "xml_names.hpp"

namespace castkit::rss {

/// Reads a parsed feed in two steps, so that the show can be handed on before its episodes: the
/// channel's own fields first, then the items one at a time. What the model has no field for is
/// kept as extension data (see extension_keys.hpp) so exporting to rss writes it back.
class FeedReader {
 public:
  /// Checks that `feed` (which must outlive the reader) is an RSS feed; throws castkit::Error
  /// (input) naming `input_name` when it is not.
  FeedReader(const ParsedFeed& feed, const std::string& input_name);
  /// Fills the empty fields of `show` from the channel's elements other than items (those after
  /// the items too) and records the namespaces declared anywhere in the feed.
  void read_channel(Show& show);
  /// The first <item> after `previous`, or the first of all when `previous` is null; null at
  /// the end.
  pugi::xml_node next_item(pugi::xml_node previous) const;
  /// Fills the empty fields of `episode` from `item`.
  void read_item(pugi::xml_node item, Episode& episode);

 private:
  pugi::xml_node channel_;
  NamespaceScope scope_;
  Value namespaces_ = Value::object();  ///< other namespaces declared in the feed (for the show)
};

/// Empties `episode` for the next item while keeping the memory its strings and lists hold (a
/// streaming import reads every item into the same episode).
void reset_episode(Episode& episode);

/// Reads the parsed `feed` into `show` with a FeedReader (show fields are filled where empty;
/// every item becomes a new episode).
void read_rss(const ParsedFeed& feed, const std::string& input_name, Show& show);

}  // namespace castkit::rss
