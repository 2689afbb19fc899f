// Clearing read-into model structs for the next episode: nothing of the old one may remain.
#include <catch2/catch.hpp>

#include "model_recycling.hpp"
#include "test_support.hpp"

using namespace castkit;
using namespace castkit::json;
using namespace castkit::json::testing;

namespace {

/// Clears a copy of `item` and checks it equals a new T.
template <class T>
void check_cleared(const T& item) {
  T copy = item;
  clear_keeping_storage(copy);
  CHECK(copy == T{});
}

}  // namespace

TEST_CASE("cleared chapters, persons, links and episodes equal new ones") {
  const Show rich = rich_model();
  int chapters = 0, persons = 0, links = 0;
  for (const Episode& e : rich.episodes) {
    for (const Chapter& c : e.chapters) check_cleared(c), ++chapters;
    for (const Person& p : e.persons) check_cleared(p), ++persons;
    for (const FileLink& l : e.transcript_links) check_cleared(l), ++links;
    if (e.chapters_link) check_cleared(*e.chapters_link), ++links;

    Episode copy = e;
    Spares spares;
    clear_except_lists(copy, spares);
    CHECK(copy.persons == e.persons);  // left to be read into
    CHECK(copy.chapters == e.chapters);
    CHECK(copy.transcript_links == e.transcript_links);
    copy.persons.clear();
    copy.chapters.clear();
    copy.transcript_links.clear();
    CHECK(copy == Episode{});
    CHECK(spares.enclosures.size() == (e.enclosure ? 1u : 0u));
    CHECK(spares.file_links.size() == (e.chapters_link ? 1u : 0u));
    for (const Enclosure& spare : spares.enclosures) CHECK(spare == Enclosure{});
    for (const FileLink& spare : spares.file_links) CHECK(spare == FileLink{});
  }
  // The rich model sets every member of these structs somewhere.
  CHECK(chapters >= 2);
  CHECK(persons >= 2);
  CHECK(links >= 2);
}
