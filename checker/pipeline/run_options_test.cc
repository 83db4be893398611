#include "checker/pipeline/run_options.h"

#include <chrono>
#include <thread>

#include "gtest/gtest.h"

namespace crosscheck {
namespace {

TEST(RunOptionsTest, TheDefaultsAreAStrictWholeRun) {
  const RunOptions options;
  EXPECT_TRUE(options.strict);
  EXPECT_TRUE(options.compare_undated);
  EXPECT_EQ(options.jobs, 0);
  EXPECT_EQ(options.shard_index, 0);
  EXPECT_EQ(options.shard_count, 1);
  EXPECT_EQ(options.claims_memory, int64_t{32} << 20);
  EXPECT_EQ(options.times, nullptr);
}

TEST(RunOptionsTest, ThreadCountIsTheJobsOrOnePerCore) {
  EXPECT_EQ(ThreadCount(3), 3);
  EXPECT_EQ(ThreadCount(1), 1);
  const unsigned cores = std::thread::hardware_concurrency();
  EXPECT_EQ(ThreadCount(0), cores > 0 ? static_cast<int>(cores) : 1);
}

TEST(RunOptionsTest, SecondsSinceCountsWallTime) {
  const auto start = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const double seconds = SecondsSince(start);
  EXPECT_GE(seconds, 0.02);
  EXPECT_LT(seconds, 60);
}

}  // namespace
}  // namespace crosscheck
