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

// The elements read most often are cleared member by member: no temporary to build, move from
// and destroy (that took a third of the instructions of reading a chapter). A member added to
// one of these structs must be cleared here too: the sizes stop the build until it is (on
// x86-64 with libstdc++), and a test compares each cleared struct with a new one.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Chapter) == 280 && sizeof(Person) == 208 && sizeof(FileLink) == 176,
              "a model struct changed: clear its new members in clear_keeping_storage below");
#endif

/// Chapter{}, keeping the strings' buffers.
inline void clear_keeping_storage(Chapter& c) {
  c.start = 0;
  c.end.reset();
  c.title.clear();
  c.url.clear();
  c.img.clear();
  c.toc = true;
  c.location.reset();
  c.ext.clear();
}

/// Person{}, keeping the strings' buffers.
inline void clear_keeping_storage(Person& p) {
  p.name.clear();
  p.role.clear();
  p.group.clear();
  p.img.clear();
  p.href.clear();
  p.ext.clear();
}

/// FileLink{}, keeping the strings' buffers.
inline void clear_keeping_storage(FileLink& l) {
  l.url.clear();
  l.type.clear();
  l.language.clear();
  l.rel.clear();
  l.ext.clear();
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
