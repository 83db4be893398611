#include "checker/pipeline/compare_groups.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/compare/compare.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/score/reliability.h"
#include "checker/storage/delimited.h"
#include "checker/storage/spill_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/claim.pb.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::EqualsProto;
using ::crosscheck::testing::ShippedRules;

using Groups = std::map<std::pair<std::string, std::string>, GroupValues>;

// An exact death toll of `subject` in article `article`, with what only the
// report shows (quote, pattern id, sentence span).
Claim Toll(const std::string& subject, const std::string& article, const std::string& outlet,
           const std::string& published, double value) {
  Claim c;
  c.set_kind("death_toll");
  c.set_subject(subject);
  c.set_article_id(article);
  c.set_outlet(outlet);
  c.set_published(published);
  c.set_matched_text(absl::StrCat(value, " people were killed"));
  c.set_display_value(absl::StrCat(value));
  c.set_quote(absl::StrCat("In ", article, ", ", value, " people were killed."));
  c.set_pattern_id(absl::StrCat("toll-", article));
  c.set_section(SECTION_BODY);
  c.mutable_span()->set_begin(10);
  c.mutable_span()->set_end(30);
  c.mutable_sentence_span()->set_begin(0);
  c.mutable_sentence_span()->set_end(40);
  Quantity* q = c.mutable_quantity();
  q->set_value(value);
  q->set_qualifier(QUALIFIER_EXACT);
  q->set_lower(value);
  q->set_upper(value);
  return c;
}

// Claims of three subjects: disagreements, an agreement, and a later
// update.
std::vector<Claim> SomeClaims() {
  return {
      Toll("deaths", "a1", "Reuters", "2019-01-24", 12),
      Toll("deaths", "b1", "BBC News", "2019-01-24", 20),
      Toll("deaths", "c1", "CNN", "2019-01-24", 12),
      Toll("deaths in Lima", "a2", "Reuters", "2019-03-02", 5),
      Toll("deaths in Lima", "b2", "BBC News", "2019-03-02", 5),
      Toll("deaths in Quito", "a3", "Reuters", "2019-05-01", 3),
      Toll("deaths in Quito", "b3", "BBC News", "2019-05-04", 9),
  };
}

// Stores `claims` as the report builder does: each (kind, subject) group's
// claims without their shown parts, and those parts apart.
Groups StoreGroups(SpillStore* store, std::vector<Claim> claims) {
  Groups groups;
  Claim shown;
  for (Claim& c : claims) {
    auto [it, added] = groups.try_emplace({c.kind(), c.subject()});
    if (added) it->second = {store->NewValue(), store->NewValue()};
    MoveShownParts(&c, &shown);
    std::string claim_record, shown_record;
    AppendDelimited(c, &claim_record);
    AppendDelimited(shown, &shown_record);
    EXPECT_OK(store->Append(it->second.claims, claim_record));
    EXPECT_OK(store->Append(it->second.shown, shown_record));
  }
  return groups;
}

// The groups of SomeClaims compared on `threads` threads.
GroupsCompared Compared(int threads, bool defer) {
  const Comparer comparer(ShippedRules());
  OutletScorer scorer(ShippedRules(), {});
  SpillStore store(int64_t{1} << 20);
  const Groups groups = StoreGroups(&store, SomeClaims());
  absl::StatusOr<GroupsCompared> compared =
      CompareGroups(comparer, &scorer, threads, &store, groups, defer);
  EXPECT_OK(compared);
  for (const auto& [key, values] : groups) EXPECT_EQ(store.size(values.claims), 0);  // taken
  return compared.ok() ? *std::move(compared) : GroupsCompared();
}

TEST(CompareGroupsTest, MoveShownPartsTakesWhatOnlyTheReportShows) {
  Claim c = Toll("deaths", "a1", "Reuters", "2019-01-24", 12);
  Claim shown;
  shown.set_kind("left over");
  MoveShownParts(&c, &shown);
  EXPECT_EQ(shown.quote(), "In a1, 12 people were killed.");
  EXPECT_EQ(shown.pattern_id(), "toll-a1");
  EXPECT_EQ(shown.sentence_span().end(), 40);
  EXPECT_EQ(shown.kind(), "");
  EXPECT_EQ(c.quote(), "");
  EXPECT_EQ(c.pattern_id(), "");
  EXPECT_FALSE(c.has_sentence_span());
  EXPECT_EQ(c.matched_text(), "12 people were killed");
}

// The groups' findings are those of comparing each group's claims whole,
// in group order, with what only the report shows back in their claims.
TEST(CompareGroupsTest, FindingsAreThoseOfEachGroupComparedWhole) {
  const Comparer comparer(ShippedRules());
  std::map<std::string, std::vector<Claim>> by_subject;
  for (Claim& c : SomeClaims()) by_subject[c.subject()].push_back(std::move(c));
  std::vector<Finding> expected;
  for (const auto& [subject, claims] : by_subject) {
    for (Finding& f : comparer.Compare(claims)) expected.push_back(std::move(f));
  }
  ASSERT_GE(expected.size(), 3u);
  const GroupsCompared compared = Compared(1, /*defer=*/false);
  ASSERT_EQ(compared.findings.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_THAT(compared.findings[i], EqualsProto(expected[i])) << i;
  }
  int counted = 0;
  for (const auto& [verdict, n] : compared.by_verdict) counted += n;
  EXPECT_EQ(counted, static_cast<int>(expected.size()));
  EXPECT_GT(compared.comparisons, 0);
}

TEST(CompareGroupsTest, TheResultIsTheSameOnAnyNumberOfThreads) {
  const GroupsCompared one = Compared(1, /*defer=*/false);
  for (int threads : {2, 3, 8}) {
    const GroupsCompared many = Compared(threads, /*defer=*/false);
    ASSERT_EQ(many.findings.size(), one.findings.size()) << threads;
    for (size_t i = 0; i < one.findings.size(); ++i) {
      EXPECT_THAT(many.findings[i], EqualsProto(one.findings[i])) << threads;
    }
    EXPECT_EQ(many.by_verdict, one.by_verdict);
    EXPECT_EQ(many.comparisons, one.comparisons);
  }
}

// With `defer`, the updates and agreements stay in the store, in the
// report's order; the others are the report's, and all are counted.
TEST(CompareGroupsTest, DeferredFindingsStayInTheStore) {
  const GroupsCompared all = Compared(2, /*defer=*/false);
  const GroupsCompared deferred = Compared(2, /*defer=*/true);
  EXPECT_EQ(deferred.by_verdict, all.by_verdict);
  ASSERT_FALSE(deferred.stored.empty());
  EXPECT_EQ(deferred.findings.size() + deferred.stored.size(), all.findings.size());
  std::vector<std::string> stored_ids, expected_ids;
  for (const StoredFinding& f : deferred.stored) stored_ids.push_back(f.id);
  for (const Finding& f : all.findings) {
    if (f.verdict() != UPDATE && f.verdict() != AGREEMENT) continue;
    expected_ids.push_back(f.id());
  }
  EXPECT_THAT(stored_ids, ::testing::UnorderedElementsAreArray(expected_ids));
  for (const Finding& f : deferred.findings) {
    EXPECT_TRUE(f.verdict() != UPDATE && f.verdict() != AGREEMENT) << f.id();
  }
}

TEST(CompareGroupsTest, NoGroupsNoFindings) {
  const Comparer comparer(ShippedRules());
  OutletScorer scorer(ShippedRules(), {});
  SpillStore store(int64_t{1} << 20);
  absl::StatusOr<GroupsCompared> compared = CompareGroups(comparer, &scorer, 2, &store, {}, true);
  ASSERT_OK(compared);
  EXPECT_TRUE(compared->findings.empty());
  EXPECT_TRUE(compared->stored.empty());
  EXPECT_EQ(compared->comparisons, 0);
}

}  // namespace
}  // namespace crosscheck
