#include "checker/pipeline/group_schedule.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace crosscheck {
namespace {

// Budget 100 bytes; groups of at most 5 bytes may pass it.
constexpr size_t kBudget = 100;
constexpr size_t kSmall = 5;

TEST(GroupScheduleTest, LargestFirstWithinTheBudget) {
  GroupSchedule schedule({30, 60, 10, 30}, kBudget, kSmall);
  EXPECT_EQ(schedule.Take(), 1u);  // 60
  EXPECT_EQ(schedule.Take(), 0u);  // 30 (90): of two equal, the first
  schedule.Done(1);
  EXPECT_EQ(schedule.Take(), 3u);  // 30 (60)
  EXPECT_EQ(schedule.Take(), 2u);  // 10 (70)
  EXPECT_EQ(schedule.Take(), std::nullopt);
}

TEST(GroupScheduleTest, AGroupOverTheBudgetIsTakenAlone) {
  GroupSchedule schedule({500, 200}, kBudget, kSmall);
  EXPECT_EQ(schedule.Take(), 0u);  // nothing is being compared
  std::optional<size_t> next;
  std::atomic<bool> taken{false};
  std::thread waiter([&] {
    next = schedule.Take();
    taken = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(taken);  // 200 does not fit beside 500, nor is it small
  schedule.Done(0);
  waiter.join();
  EXPECT_EQ(next, 1u);
}

TEST(GroupScheduleTest, SmallGroupsAreTakenWhileTheBudgetIsFull) {
  GroupSchedule schedule({90, 3, 40, 5, 20}, kBudget, kSmall);
  EXPECT_EQ(schedule.Take(), 0u);  // 90
  EXPECT_EQ(schedule.Take(), 1u);  // 40 does not fit: the smallest, 3
  EXPECT_EQ(schedule.Take(), 3u);  // then 5
  std::optional<size_t> next;
  std::thread waiter([&] { next = schedule.Take(); });  // 20: neither fits nor is small
  schedule.Done(0);
  waiter.join();
  EXPECT_EQ(next, 2u);  // 40 fits once 90 is done
  EXPECT_EQ(schedule.Take(), 4u);
  EXPECT_EQ(schedule.Take(), std::nullopt);
}

TEST(GroupScheduleTest, StopEndsTheWaitsAndTheTaking) {
  GroupSchedule schedule({90, 50, 50}, kBudget, kSmall);
  EXPECT_EQ(schedule.Take(), 0u);
  std::optional<size_t> next = 7;
  std::thread waiter([&] { next = schedule.Take(); });
  schedule.Stop();
  waiter.join();
  EXPECT_EQ(next, std::nullopt);
  schedule.Done(0);
  EXPECT_EQ(schedule.Take(), std::nullopt);
}

TEST(GroupScheduleTest, NoGroupsNothingToTake) {
  GroupSchedule schedule({}, kBudget, kSmall);
  EXPECT_EQ(schedule.Take(), std::nullopt);
}

}  // namespace
}  // namespace crosscheck
