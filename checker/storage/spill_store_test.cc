#include "checker/storage/spill_store.h"

#include <sys/stat.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string TempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

// Values made of many appends of different sizes, interleaved.
void Fill(SpillStore* store, std::vector<int>* values, std::vector<std::string>* expected) {
  for (int v = 0; v < 5; ++v) {
    values->push_back(store->NewValue());
    expected->emplace_back();
  }
  for (int i = 0; i < 400; ++i) {
    const int v = (i * 7) % 5;
    std::string piece =
        absl::StrCat("piece ", i, std::string(static_cast<size_t>(i % 37), 'x'), ";");
    ASSERT_OK(store->Append((*values)[v], piece));
    (*expected)[v] += piece;
  }
}

TEST(SpillStoreTest, WithinTheBudgetNothingIsWritten) {
  SpillStore store(int64_t{1} << 20, TempDir());
  std::vector<int> values;
  std::vector<std::string> expected;
  Fill(&store, &values, &expected);
  EXPECT_EQ(store.spilled_bytes(), 0);
  for (size_t v = 0; v < values.size(); ++v) {
    EXPECT_EQ(store.size(values[v]), static_cast<int64_t>(expected[v].size()));
    absl::StatusOr<std::string> got = store.Take(values[v]);
    ASSERT_OK(got);
    EXPECT_EQ(*got, expected[v]);
  }
}

TEST(SpillStoreTest, BeyondTheBudgetValuesComeBackWholeAndInOrder) {
  for (int64_t budget : {0, 1, 100, 5000}) {
    SpillStore store(budget, TempDir());
    std::vector<int> values;
    std::vector<std::string> expected;
    Fill(&store, &values, &expected);
    EXPECT_GT(store.spilled_bytes(), 0) << budget;
    for (size_t v = 0; v < values.size(); ++v) {
      EXPECT_EQ(store.size(values[v]), static_cast<int64_t>(expected[v].size()));
      absl::StatusOr<std::string> got = store.Take(values[v]);
      ASSERT_OK(got);
      EXPECT_EQ(*got, expected[v]) << "budget " << budget << ", value " << v;
      EXPECT_EQ(store.size(values[v]), 0);  // taken
    }
  }
}

TEST(SpillStoreTest, StreamedValuesAreReadAMegabyteAtATimeAndCountTheirAppends) {
  // Spilled in large and small appends, some still in memory at the end.
  SpillStore store(int64_t{3} << 20, TempDir());
  const int v = store.NewValue();
  const int other = store.NewValue();
  std::string expected;
  for (int i = 0; i < 9; ++i) {
    std::string piece(static_cast<size_t>(700000 + i), static_cast<char>('a' + i));
    ASSERT_OK(store.Append(v, piece));
    ASSERT_OK(store.Append(other, "interleaved"));
    expected += piece;
  }
  EXPECT_GT(store.spilled_bytes(), 0);
  EXPECT_EQ(store.appends(v), 9);
  SpillStore::Reader reader = store.Stream(v);
  EXPECT_EQ(store.size(v), 0);  // taken
  EXPECT_EQ(store.appends(v), 0);
  std::string got;
  std::vector<size_t> sizes;
  for (absl::string_view piece; reader.Next(&piece);) {
    sizes.push_back(piece.size());
    got.append(piece.data(), piece.size());
  }
  ASSERT_OK(reader.status());
  EXPECT_EQ(got, expected);
  // What was spilled (3.5 MB), then what is in memory (2.8 MB), in pieces
  // of 1 MB at most.
  EXPECT_GE(sizes.size(), 7u);
  for (size_t size : sizes) EXPECT_LE(size, size_t{1} << 20);
  absl::string_view piece;
  EXPECT_FALSE(reader.Next(&piece));  // and stays at its end
  EXPECT_EQ(*store.Take(other), [] {
    std::string s;
    for (int i = 0; i < 9; ++i) s += "interleaved";
    return s;
  }());
}

TEST(SpillStoreTest, AnyRangeOfAValueIsReadWhereverItIs) {
  for (int64_t budget : {int64_t{0}, int64_t{100}, int64_t{5000}, int64_t{1} << 20}) {
    SpillStore store(budget, TempDir());
    std::vector<int> values;
    std::vector<std::string> expected;
    Fill(&store, &values, &expected);
    for (size_t v = 0; v < values.size(); ++v) {
      const int64_t size = store.size(values[v]);
      for (int64_t at : {int64_t{0}, int64_t{1}, size / 3, size - 7, size}) {
        for (int64_t length : {int64_t{0}, int64_t{1}, int64_t{6}, size / 2}) {
          if (at + length > size) continue;
          absl::StatusOr<std::string> got = store.Read(values[v], at, length);
          ASSERT_OK(got);
          EXPECT_EQ(*got, expected[v].substr(static_cast<size_t>(at), static_cast<size_t>(length)))
              << "budget " << budget << ", value " << v << ", at " << at;
        }
      }
      EXPECT_EQ(store.size(values[v]), size);  // still there
      EXPECT_THAT(store.Read(values[v], size - 1, 2),
                  StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("of a stored value of")));
    }
  }
}

TEST(SpillStoreTest, FlushWritesWhatIsInMemoryOnlyOnceTheStoreHasSpilled) {
  SpillStore small(1000, TempDir());
  const int v = small.NewValue();
  ASSERT_OK(small.Append(v, "within the budget"));
  ASSERT_OK(small.Flush());
  EXPECT_EQ(small.spilled_bytes(), 0);  // no file for so little

  SpillStore large(100, TempDir());
  const int w = large.NewValue();
  ASSERT_OK(large.Append(w, std::string(150, 'a')));  // spills
  ASSERT_OK(large.Append(w, "in memory"));
  EXPECT_EQ(large.spilled_bytes(), 150);
  ASSERT_OK(large.Flush());
  EXPECT_EQ(large.spilled_bytes(), 159);
  EXPECT_EQ(*large.Take(w), std::string(150, 'a') + "in memory");
}

TEST(SpillStoreTest, AnEmptyValueStreamsNoPiece) {
  SpillStore store(0, TempDir());
  SpillStore::Reader reader = store.Stream(store.NewValue());
  absl::string_view piece;
  EXPECT_FALSE(reader.Next(&piece));
  EXPECT_OK(reader.status());
}

TEST(SpillStoreTest, TakenValuesCanGrowAgain) {
  SpillStore store(10, TempDir());
  int v = store.NewValue();
  ASSERT_OK(store.Append(v, "first value, spilled"));
  ASSERT_OK(store.Take(v).status());
  ASSERT_OK(store.Append(v, "second"));
  EXPECT_EQ(*store.Take(v), "second");
  EXPECT_THAT(*store.Take(store.NewValue()), IsEmpty());
}

TEST(SpillStoreTest, ValuesAreTakenOnSeveralThreadsAtOnce) {
  SpillStore store(64, TempDir());
  std::vector<int> values;
  std::vector<std::string> expected;
  Fill(&store, &values, &expected);
  std::vector<std::string> got(values.size());
  std::vector<std::thread> threads;
  for (size_t v = 0; v < values.size(); ++v) {
    threads.emplace_back([&, v] { got[v] = *store.Take(values[v]); });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(got, expected);
}

TEST(SpillStoreTest, ThreadsAppendAndTakeAtOnce) {
  SpillStore store(/*memory_budget=*/300, TempDir());
  constexpr int kThreads = 4;
  std::vector<int> values;
  for (int t = 0; t < 2 * kThreads; ++t) values.push_back(store.NewValue());
  std::vector<std::string> expected(kThreads), got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread fills a value of its own, taking it back now and then
      // while the others append (and spill).
      for (int i = 0; i < 300; ++i) {
        const std::string piece = absl::StrCat("t", t, "-", i, ";");
        ASSERT_OK(store.Append(values[t], piece));
        expected[t] += piece;
        if (i % 50 == 49) {
          absl::StatusOr<std::string> part = store.Take(values[t]);
          ASSERT_OK(part);
          got[t] += *part;
        }
        ASSERT_OK(store.Append(values[kThreads + t], "x"));
      }
      got[t] += *store.Take(values[t]);
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_GT(store.spilled_bytes(), 0);
  EXPECT_EQ(got, expected);
  for (int t = 0; t < kThreads; ++t)
    EXPECT_EQ(*store.Take(values[kThreads + t]), std::string(300, 'x'));
}

TEST(SpillStoreTest, TheFileLeavesNothingBehind) {
  const std::string dir = absl::StrCat(TempDir(), "/spill_leaves_nothing");
  ASSERT_EQ(mkdir(dir.c_str(), 0700), 0);
  {
    SpillStore store(0, dir);
    int v = store.NewValue();
    ASSERT_OK(store.Append(v, "spilled at once"));
    EXPECT_GT(store.spilled_bytes(), 0);
    // Unlinked as soon as created: the directory is empty while in use.
    EXPECT_EQ(rmdir(dir.c_str()), 0);
    EXPECT_EQ(*store.Take(v), "spilled at once");
  }
}

TEST(SpillStoreTest, ADirectoryThatCannotTakeTheFileIsAnErrorNamingIt) {
  SpillStore store(0, "/nonexistent/crosscheck-test-dir");
  int v = store.NewValue();
  absl::Status s = store.Append(v, "bytes");
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("/nonexistent/crosscheck-test-dir/crosscheck-claims-"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("TMPDIR"));
}

}  // namespace
}  // namespace crosscheck
