// Tests for the memory hints.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "castkit/memory.hpp"

TEST_CASE("advise_huge_pages leaves buffers usable, large or small", "[memory]") {
  std::string big;
  big.reserve(9u << 20);
  castkit::advise_huge_pages(big.data(), big.capacity());
  big.assign(9u << 20, 'x');
  CHECK(big[0] == 'x');
  CHECK(big.back() == 'x');
  std::vector<int> small(16, 7);
  castkit::advise_huge_pages(small.data(), small.size() * sizeof(int));
  CHECK(small[15] == 7);
  castkit::advise_huge_pages(nullptr, 1u << 30);  // ignored
}
