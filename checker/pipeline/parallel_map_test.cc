#include "checker/pipeline/parallel_map.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;
using ::testing::ElementsAre;

// Produces "item 0" ... "item n-1", stopping at emit's first error.
auto Items(int n) {
  return [n](absl::FunctionRef<absl::Status(std::string)> emit) {
    for (int i = 0; i < n; ++i) RETURN_IF_ERROR(emit(absl::StrCat("item ", i)));
    return absl::OkStatus();
  };
}

// The item's number, after a pause that varies with it (so that items
// finish out of order).
int SlowNumber(std::string& item) {
  const int n = std::stoi(item.substr(5));
  std::this_thread::sleep_for(std::chrono::microseconds((n * 37) % 11 * 50));
  return n;
}

TEST(ParallelMapTest, ResultsComeInInputOrderForAnyThreadsAndBatch) {
  for (int threads : {1, 2, 5}) {
    for (int batch : {1, 4}) {
      ParallelMapOptions options;
      options.threads = threads;
      options.batch = batch;
      options.max_in_flight = 16;
      std::vector<int> got;
      ASSERT_OK((OrderedParallelMap<std::string, int>(options, Items(300), SlowNumber, [&](int n) {
        got.push_back(n);
        return absl::OkStatus();
      })));
      ASSERT_EQ(got.size(), 300u);
      for (int i = 0; i < 300; ++i) ASSERT_EQ(got[i], i) << threads << " threads, batch " << batch;
    }
  }
}

TEST(ParallelMapTest, AtMostMaxInFlightItemsAreBetweenProducerAndConsumer) {
  ParallelMapOptions options;
  options.threads = 3;
  options.batch = 2;
  options.max_in_flight = 8;
  std::atomic<int64_t> emitted{0}, consumed{0};
  int64_t most = 0;
  ASSERT_OK((OrderedParallelMap<int, int>(
      options,
      [&](absl::FunctionRef<absl::Status(int)> emit) {
        for (int i = 0; i < 200; ++i) {
          RETURN_IF_ERROR(emit(i));
          ++emitted;
        }
        return absl::OkStatus();
      },
      [](int& i) { return i; },
      [&](int) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));  // a slow consumer
        ++consumed;  // (handed on: no longer in flight)
        most = std::max(most, emitted.load() - consumed.load());
        return absl::OkStatus();
      })));
  EXPECT_EQ(consumed, 200);
  EXPECT_LE(most, 8);
}

TEST(ParallelMapTest, TheConsumersErrorEndsTheRun) {
  ParallelMapOptions options;
  options.threads = 2;
  options.max_in_flight = 10;
  std::atomic<int> mapped{0};
  absl::Status produced;
  std::vector<int> got;
  absl::Status status = OrderedParallelMap<int, int>(
      options,
      [&](absl::FunctionRef<absl::Status(int)> emit) {
        for (int i = 0; i < 100000; ++i) {
          if (absl::Status s = emit(i); !s.ok()) return produced = s;
        }
        return produced = absl::OkStatus();
      },
      [&](int& i) {
        ++mapped;
        return i;
      },
      [&](int i) {
        if (i == 5) return absl::DataLossError("item 5");
        got.push_back(i);
        return absl::OkStatus();
      });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kDataLoss, "item 5"));
  EXPECT_THAT(got, ElementsAre(0, 1, 2, 3, 4));
  EXPECT_THAT(produced, StatusIs(absl::StatusCode::kCancelled, "cancelled"));
  EXPECT_LT(mapped, 100);  // the producer was held back, then stopped
}

TEST(ParallelMapTest, TheProducersErrorComesAfterWhatItEmitted) {
  ParallelMapOptions options;
  options.threads = 3;
  std::vector<int> got;
  absl::Status status = OrderedParallelMap<int, int>(
      options,
      [](absl::FunctionRef<absl::Status(int)> emit) {
        for (int i = 0; i < 20; ++i) RETURN_IF_ERROR(emit(i));
        return absl::NotFoundError("no more input");
      },
      [](int& i) { return i * 2; },
      [&](int i) {
        got.push_back(i);
        return absl::OkStatus();
      });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kNotFound, "no more input"));
  ASSERT_EQ(got.size(), 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(got[i], 2 * i);
}

TEST(ParallelMapTest, NoItemsIsNoResults) {
  int consumed = 0;
  ASSERT_OK(
      (OrderedParallelMap<std::string, int>(ParallelMapOptions(), Items(0), SlowNumber, [&](int) {
        ++consumed;
        return absl::OkStatus();
      })));
  EXPECT_EQ(consumed, 0);
}

// Every thread maps at once: each item waits (up to a minute) until as many
// items as threads are being mapped.
TEST(ParallelMapTest, ItemsAreMappedConcurrently) {
  constexpr int kThreads = 3;
  absl::Mutex mu;
  int running = 0, most = 0;
  ParallelMapOptions options;
  options.threads = kThreads;
  ASSERT_OK((OrderedParallelMap<int, int>(
      options,
      [](absl::FunctionRef<absl::Status(int)> emit) {
        for (int i = 0; i < kThreads; ++i) RETURN_IF_ERROR(emit(i));
        return absl::OkStatus();
      },
      [&](int& i) {
        absl::MutexLock lock(&mu);
        most = std::max(most, ++running);
        mu.AwaitWithTimeout(absl::Condition(
                                +[](int* most) { return *most == kThreads; }, &most),
                            absl::Seconds(60));
        --running;
        return i;
      },
      [](int) { return absl::OkStatus(); })));
  EXPECT_EQ(most, kThreads);
}

TEST(ParallelMapTest, ParallelForGivesEachIndexInOrder) {
  std::vector<size_t> indexes;
  std::vector<std::string> results;
  ASSERT_OK(OrderedParallelFor<std::string>(
      4, 50, [](size_t i) { return absl::StrCat("#", i); },
      [&](size_t i, std::string result) {
        indexes.push_back(i);
        results.push_back(std::move(result));
        return absl::OkStatus();
      }));
  ASSERT_EQ(indexes.size(), 50u);
  for (size_t i = 0; i < 50; ++i) {
    EXPECT_EQ(indexes[i], i);
    EXPECT_EQ(results[i], absl::StrCat("#", i));
  }
  EXPECT_THAT(
      OrderedParallelFor<int>(
          2, 50, [](size_t i) { return static_cast<int>(i); },
          [](size_t i, int) { return i == 7 ? absl::AbortedError("seven") : absl::OkStatus(); }),
      StatusIs(absl::StatusCode::kAborted, "seven"));
}

// The calling thread maps too: with one thread, it maps every index.
TEST(ParallelMapTest, ParallelForMapsOnTheCallingThread) {
  const std::thread::id caller = std::this_thread::get_id();
  for (int threads : {1, 3}) {
    absl::Mutex mu;
    std::set<std::thread::id> mappers;
    ASSERT_OK(OrderedParallelFor<int>(
        threads, 40,
        [&](size_t i) {
          std::this_thread::sleep_for(std::chrono::microseconds(200));
          absl::MutexLock lock(&mu);
          mappers.insert(std::this_thread::get_id());
          return static_cast<int>(i);
        },
        [](size_t, int) { return absl::OkStatus(); }));
    EXPECT_LE(mappers.size(), static_cast<size_t>(threads));
    if (threads == 1) {
      EXPECT_EQ(mappers, std::set<std::thread::id>{caller});
    }
  }
}

}  // namespace
}  // namespace crosscheck
