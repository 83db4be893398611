#include "checker/pipeline/stored_lists.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/internal/testing.h"
#include "checker/storage/delimited.h"
#include "checker/storage/spill_store.h"
#include "checker/storage/stored_records.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/finding.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::EqualsProto;
using ::testing::ElementsAre;

// Stores `messages` in a new value of `store`; returns it, and where each
// record's message is.
template <typename Message>
int Store(SpillStore* store, const std::vector<Message>& messages,
          std::vector<std::pair<int64_t, uint32_t>>* places) {
  const int v = store->NewValue();
  for (const Message& m : messages) {
    std::string record;
    AppendDelimited(m, &record);
    EXPECT_OK(store->Append(v, record));
  }
  EXPECT_OK(ForEachStoredRecord(*store, v, [&](int64_t at, absl::string_view bytes) {
    places->emplace_back(at, static_cast<uint32_t>(bytes.size()));
    return absl::OkStatus();
  }));
  return v;
}

ArticleSummary Summary(const std::string& id) {
  ArticleSummary s;
  s.set_id(id);
  s.set_outlet(absl::StrCat("outlet of ", id));
  return s;
}

Finding MakeFinding(const std::string& id, Verdict verdict) {
  Finding f;
  f.set_id(id);
  f.set_verdict(verdict);
  f.set_kind("death_toll");
  f.set_explanation(absl::StrCat("finding ", id));
  return f;
}

// Everything a list emits, parsed.
template <typename Message>
std::vector<Message> Emitted(
    absl::FunctionRef<absl::Status(absl::FunctionRef<absl::Status(absl::string_view)>)> list) {
  std::vector<Message> out;
  EXPECT_OK(list([&](absl::string_view bytes) {
    out.emplace_back().ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
    return absl::OkStatus();
  }));
  return out;
}

TEST(StoredListsTest, ListsComeFromTheStoreInTheGivenOrderWithTheirReviews) {
  for (int64_t budget : {int64_t{1} << 20, int64_t{0}}) {  // in memory, spilled
    auto store = std::make_unique<SpillStore>(budget);
    std::vector<std::pair<int64_t, uint32_t>> article_places, copy_places, finding_places;
    const int articles = Store<ArticleSummary>(
        store.get(), {Summary("b"), Summary("c"), Summary("a")}, &article_places);
    Copy copy;
    copy.set_copier("b");
    copy.set_source("a");
    const int copies = Store<Copy>(store.get(), {copy, copy}, &copy_places);
    const int findings = Store<Finding>(
        store.get(), {MakeFinding("f1", UPDATE), MakeFinding("f2", AGREEMENT)}, &finding_places);
    std::vector<StoredFinding> stored(2);
    for (int i = 0; i < 2; ++i) {
      stored[i].value = findings;
      stored[i].at = finding_places[i].first;
      stored[i].length = finding_places[i].second;
    }
    stored[1].review = 0;
    Review review;
    review.set_finding_id("f2");
    review.set_note("checked");
    StoredLists lists(std::move(store), {article_places[2], article_places[0], article_places[1]},
                      articles, copies, std::move(stored), {review});

    std::vector<ArticleSummary> got_articles =
        Emitted<ArticleSummary>([&](auto emit) { return lists.Articles(emit); });
    ASSERT_EQ(got_articles.size(), 3u);
    EXPECT_EQ(got_articles[0].id(), "a");
    EXPECT_EQ(got_articles[1].id(), "b");
    EXPECT_THAT(got_articles[2], EqualsProto(Summary("c")));
    EXPECT_EQ(Emitted<Copy>([&](auto emit) { return lists.Copies(emit); }).size(), 2u);
    std::vector<Finding> got_findings =
        Emitted<Finding>([&](auto emit) { return lists.Findings(emit); });
    ASSERT_EQ(got_findings.size(), 2u);
    EXPECT_THAT(got_findings[0], EqualsProto(MakeFinding("f1", UPDATE)));
    Finding reviewed = MakeFinding("f2", AGREEMENT);
    *reviewed.mutable_review() = review;
    EXPECT_THAT(got_findings[1], EqualsProto(reviewed));
  }
}

TEST(StoredListsTest, AnErrorOfEmitStopsTheList) {
  auto store = std::make_unique<SpillStore>(int64_t{1} << 20);
  std::vector<std::pair<int64_t, uint32_t>> places;
  const int articles = Store<ArticleSummary>(store.get(), {Summary("a"), Summary("b")}, &places);
  StoredLists lists(std::move(store), places, articles, articles, {}, {});
  int emitted = 0;
  EXPECT_THAT(lists.Articles([&](absl::string_view) {
    ++emitted;
    return absl::ResourceExhaustedError("disk full");
  }),
              ::crosscheck::testing::StatusIs(absl::StatusCode::kResourceExhausted, "disk full"));
  EXPECT_EQ(emitted, 1);
}

TEST(StoredListsTest, StoredFindingsSortByVerdictKindSubjectIdThenPlace) {
  auto finding = [](int rank, std::string kind, std::string subject, std::string id,
                    size_t sequence) {
    StoredFinding f;
    f.rank = rank;
    f.kind = std::move(kind);
    f.subject = std::move(subject);
    f.id = std::move(id);
    f.sequence = sequence;
    return f;
  };
  std::vector<StoredFinding> findings = {
      finding(4, "age", "x", "1", 0),  finding(3, "toll", "b", "2", 1),
      finding(3, "toll", "a", "9", 5), finding(3, "age", "z", "5", 3),
      finding(3, "toll", "a", "9", 2),  // the same keys, an earlier place
  };
  SortStoredFindings(&findings);
  std::vector<std::string> order;
  for (const StoredFinding& f : findings) {
    order.push_back(absl::StrCat(f.rank, f.kind, f.subject, f.id, "@", f.sequence));
  }
  EXPECT_THAT(order, ElementsAre("3agez5@3", "3tolla9@2", "3tolla9@5", "3tollb2@1", "4agex1@0"));
}

}  // namespace
}  // namespace crosscheck
