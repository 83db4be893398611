#include "checker/storage/stored_records.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/internal/testing.h"
#include "checker/storage/delimited.h"
#include "checker/storage/spill_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::EqualsProto;
using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

std::string TempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

// Problem `i`: a few bytes, or (every tenth) more than the megabyte
// ForEachStoredRecord reads at a time.
Problem MakeProblem(int i) {
  Problem p;
  p.set_location(absl::StrCat("input ", i));
  p.set_message(std::string(i % 10 == 9 ? (size_t{3} << 19) : static_cast<size_t>(i * 1000), 'm'));
  return p;
}

// Stores problems 0..n-1 in a new value of `store`, one append each.
int StoreProblems(SpillStore* store, int n) {
  const int v = store->NewValue();
  for (int i = 0; i < n; ++i) {
    std::string record;
    AppendDelimited(MakeProblem(i), &record);
    EXPECT_OK(store->Append(v, record));
  }
  return v;
}

TEST(StoredRecordsTest, ForEachStoredRecordGivesEachRecordAndWhereItIs) {
  for (int64_t budget : {int64_t{64} << 20, int64_t{0}}) {  // in memory, spilled
    SpillStore store(budget, TempDir());
    const int v = StoreProblems(&store, 25);
    const int64_t size = store.size(v);
    std::vector<Problem> seen;
    ASSERT_OK(ForEachStoredRecord(store, v, [&](int64_t at, absl::string_view bytes) {
      absl::StatusOr<std::string> again = store.Read(v, at, static_cast<int64_t>(bytes.size()));
      EXPECT_OK(again);
      if (again.ok()) {
        EXPECT_EQ(*again, bytes);
      }
      seen.emplace_back().ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
      return absl::OkStatus();
    }));
    ASSERT_EQ(seen.size(), 25u);
    for (int i = 0; i < 25; ++i) EXPECT_THAT(seen[i], EqualsProto(MakeProblem(i))) << budget;
    EXPECT_EQ(store.size(v), size);  // left as it was
  }
}

TEST(StoredRecordsTest, ForEachStoredRecordStopsAtTheFirstError) {
  SpillStore store(int64_t{64} << 20, TempDir());
  const int v = StoreProblems(&store, 5);
  int calls = 0;
  EXPECT_THAT(ForEachStoredRecord(store, v,
                                  [&](int64_t, absl::string_view) {
                                    return ++calls == 2 ? absl::AbortedError("enough")
                                                        : absl::OkStatus();
                                  }),
              StatusIs(absl::StatusCode::kAborted, "enough"));
  EXPECT_EQ(calls, 2);
}

TEST(StoredRecordsTest, ARecordCutShortIsAnInternalError) {
  SpillStore store(int64_t{64} << 20, TempDir());
  const int v = StoreProblems(&store, 2);
  ASSERT_OK(store.Append(v, "\x64short"));  // says 100 bytes, holds 5
  EXPECT_THAT(
      ForEachStoredRecord(store, v, [](int64_t, absl::string_view) { return absl::OkStatus(); }),
      StatusIs(absl::StatusCode::kInternal, HasSubstr("cut short")));
}

TEST(StoredRecordsTest, TakeMessagesParsesEveryRecordAndEmptiesTheValue) {
  for (int64_t budget : {int64_t{64} << 20, int64_t{0}}) {
    SpillStore store(budget, TempDir());
    const int v = StoreProblems(&store, 12);
    absl::StatusOr<std::vector<Problem>> taken = TakeMessages<Problem>(&store, v);
    ASSERT_OK(taken);
    ASSERT_EQ(taken->size(), 12u);
    for (int i = 0; i < 12; ++i) EXPECT_THAT((*taken)[i], EqualsProto(MakeProblem(i)));
    EXPECT_EQ(store.size(v), 0);
  }
}

TEST(StoredRecordsTest, TakeEachNamesTheRecordThatDoesNotParse) {
  SpillStore store(int64_t{64} << 20, TempDir());
  const int v = StoreProblems(&store, 2);
  ASSERT_OK(store.Append(v, "\x02\xff\xff"));  // a record of two bytes that are no Problem
  int seen = 0;
  EXPECT_THAT(TakeEach<Problem>(&store, v, [&](Problem&) { ++seen; }),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("record 2 of a Problem list")));
  EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace crosscheck
