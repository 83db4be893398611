#include "checker/storage/release_memory.h"

#include <memory>
#include <vector>

#include "gtest/gtest.h"

namespace crosscheck {
namespace {

// What can be checked without the allocator's internals: freed memory stays
// usable by the allocator after it is released, from any thread, any number
// of times (tests link glibc's malloc, so this is malloc_trim's path).
TEST(ReleaseFreeMemoryTest, FreedMemoryStaysUsable) {
  for (int round = 0; round < 3; ++round) {
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 1000; ++i) blocks.emplace_back(new char[4096]());
    for (size_t i = 0; i < blocks.size(); i += 2) blocks[i].reset();
    ReleaseFreeMemory();
    for (size_t i = 1; i < blocks.size(); i += 2) EXPECT_EQ(blocks[i][4095], 0);
    blocks.clear();
    ReleaseFreeMemory();
  }
  auto after = std::make_unique<char[]>(1 << 20);
  after[(1 << 20) - 1] = 1;
  EXPECT_EQ(after[(1 << 20) - 1], 1);
}

}  // namespace
}  // namespace crosscheck
