// Reusing the storage of delivered episodes for the next ones: the streaming reader reads
// thousands of episodes of much the same shape, and reading into the strings and list elements
// of the one before instead of allocating new ones removes most of its calls to malloc and free.
#pragma once

#include <utility>
#include <vector>

#include "castkit/model.hpp"

namespace castkit::json {

/// Optional parts taken from delivered episodes, cleared but with their storage.
struct Spares {
  std::vector<FileLink> file_links;
  std::vector<Enclosure> enclosures;
};

/// Sets every member of `item` back to its default. Strings keep their heap buffers: moving a
/// short (empty) string into one copies the characters into the buffer it has.
template <class T>
void clear_keeping_storage(T& item) {
  item = T{};
}

/// Moves `item`, cleared, into `spares`.
template <class T>
void put_spare(T&& item, std::vector<T>& spares) {
  spares.push_back(std::move(item));
  clear_keeping_storage(spares.back());
}

/// An empty T: a spare when there is one, else a new one.
template <class T>
T take_spare(std::vector<T>& spares) {
  if (spares.empty()) return T{};
  T item = std::move(spares.back());
  spares.pop_back();
  return item;
}

/// Clears a delivered `episode` for the next one, keeping its storage, except its persons,
/// chapters and transcript links, which are left for the reader to read into again; its
/// enclosure and chapters link go to `spares`.
void clear_except_lists(Episode& episode, Spares& spares);

}  // namespace castkit::json
