// Comparer::Compare's counts (CompareStats) and what keeps claims from being
// compared: the cap on findings per subject, the window of publication,
// buckets of equal values, places and participants of different events, and
// copies that are one voice.
#include <string>
#include <vector>

#include "checker/compare/compare.h"
#include "checker/compare/test_claims.h"
#include "checker/events/places.h"
#include "checker/internal/shipped_rules.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Aid;
using ::crosscheck::testing::ComparisonOf;
using ::crosscheck::testing::CountVerdict;
using ::crosscheck::testing::Dump;
using ::crosscheck::testing::SetPlace;
using ::crosscheck::testing::ShippedRules;
using ::crosscheck::testing::Toll;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// Twenty outlets, each with its own amount of aid (each twice the last), all
// on one day (amounts of aid are no developing count: every pair is a
// finding of its own).
std::vector<Claim> TwentyOutletsTwentyCounts() {
  std::vector<Claim> claims;
  for (int i = 0; i < 20; ++i) {
    claims.push_back(Aid("a" + std::to_string(i), "Outlet" + std::to_string(i), "2019-01-24", "USD",
                         1e6 * (1 << i)));
  }
  return claims;
}

// The findings that are not agreements.
int Conflicts(const std::vector<Finding>& findings) {
  int n = 0;
  for (const Finding& f : findings) n += f.verdict() != AGREEMENT;
  return n;
}

TEST(CompareStatsTest, FindingsPerSubjectAreCappedAndTheRestCounted) {
  // Twenty outlets, each with its own amount, all on one day: 190 conflicts.
  const std::vector<Claim> claims = TwentyOutletsTwentyCounts();
  Comparer comparer(ShippedRules());
  comparer.set_max_findings_per_subject(25);
  CompareStats stats;
  std::vector<Finding> findings = comparer.Compare(claims, {}, &stats);
  EXPECT_EQ(Conflicts(findings), 25);
  EXPECT_EQ(stats.omitted, 190 - 25);
  EXPECT_EQ(stats.comparisons, 190);  // twenty distinct values: every pair of values once
}

TEST(CompareStatsTest, ASubjectIsNoLongerExaminedPastTwentyTimesTheCap) {
  const std::vector<Claim> claims = TwentyOutletsTwentyCounts();
  Comparer comparer(ShippedRules());
  comparer.set_max_findings_per_subject(2);
  CompareStats stats;
  std::vector<Finding> findings = comparer.Compare(claims, {}, &stats);
  EXPECT_EQ(Conflicts(findings), 2);
  EXPECT_EQ(stats.omitted, 40);  // 20 x 2, then the subject stops
  EXPECT_EQ(stats.truncated_subjects, 1);
  EXPECT_LT(stats.comparisons, 190);
}

TEST(CompareStatsTest, ClaimsFurtherApartThanTheWindowAreNotCompared) {
  // death_toll compares within compare_within_days of publication.
  const int within = ComparisonOf("death_toll").compare_within_days();
  ASSERT_GT(within, 0);
  Claim early = Toll("a", "A", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim near = Toll("b", "B", "2019-01-25", QUALIFIER_EXACT, 20);
  Claim far = Toll("c", "C", "2021-06-01", QUALIFIER_EXACT, 30);
  std::vector<Finding> findings = Comparer(ShippedRules()).Compare({early, near, far});
  for (const Finding& f : findings) {
    for (const Claim& c : f.claims()) EXPECT_NE(c.article_id(), "c") << f.explanation();
  }
  EXPECT_GE(findings.size(), 1u);
}

TEST(CompareStatsTest, EqualValuesAreComparedOnceAsABucket) {
  // Ten outlets say 12 million, ten say 20 million: one value comparison,
  // 100 conflicts.
  std::vector<Claim> claims;
  for (int i = 0; i < 10; ++i) {
    claims.push_back(
        Aid("x" + std::to_string(i), "X" + std::to_string(i), "2019-01-24", "USD", 12e6));
    claims.push_back(
        Aid("y" + std::to_string(i), "Y" + std::to_string(i), "2019-01-24", "USD", 20e6));
  }
  Comparer comparer(ShippedRules());
  comparer.set_max_findings_per_subject(1000);
  CompareStats stats;
  std::vector<Finding> findings = comparer.Compare(claims, {}, &stats);
  EXPECT_EQ(stats.comparisons, 1);
  EXPECT_EQ(Conflicts(findings), 100);
}

// A toll of `value` in a place (`within`: the places it lies in).
Claim TollIn(const std::string& article_id, const std::string& outlet, double value,
             const std::string& place, std::vector<std::string> within) {
  Claim c = Toll(article_id, outlet, "2019-01-24", QUALIFIER_EXACT, value);
  SetPlace(&c, place, std::move(within));
  return c;
}

TEST(CompareStatsTest, PlacesThatExcludeEachOtherAreDifferentEvents) {
  const Claim vancouver = TollIn("v1", "CBC", 3, "Vancouver", {"british columbia", "canada"});
  const Claim troy = TollIn("t1", "Detroit Free Press", 5, "Troy", {"michigan"});
  Comparer comparer(ShippedRules());
  CompareStats stats;
  std::vector<Finding> findings = comparer.Compare({vancouver, troy}, {}, &stats);
  EXPECT_THAT(findings, IsEmpty()) << Dump(findings);
  EXPECT_EQ(stats.kept_apart.pairs, 1);
  EXPECT_THAT(stats.kept_apart.examples,
              ElementsAre("deaths: t1 vs v1 (Vancouver, British Columbia vs Troy, Michigan)"));
  // Nor does the same toll in both agree.
  const Claim troy_3 = TollIn("t1", "Detroit Free Press", 3, "Troy", {"michigan"});
  findings = comparer.Compare({vancouver, troy_3}, {}, &stats);
  EXPECT_THAT(findings, IsEmpty()) << Dump(findings);
  EXPECT_EQ(stats.kept_apart.pairs, 1);
  EXPECT_THAT(stats.kept_apart.examples,
              ElementsAre("deaths: t1 vs v1 (Troy, Michigan vs Vancouver, British Columbia)"));
}

TEST(CompareStatsTest, ThePlacesOfTheWholeCorpusTellWhatLiesInWhat) {
  const Claim troy = TollIn("t1", "Detroit Free Press", 3, "Troy", {});
  const Claim michigan = TollIn("m1", "AP", 5, "Michigan", {});
  Comparer comparer(ShippedRules());
  CompareStats stats;
  EXPECT_THAT(comparer.Compare({troy, michigan}, {}, &stats), IsEmpty());
  EXPECT_EQ(stats.kept_apart.pairs, 1);
  // Another article of the corpus says Troy is in Michigan.
  PlaceHierarchy places;
  places.Add(TollIn("x1", "X", 3, "Troy", {"michigan"}).place());
  comparer.set_places(&places);
  std::vector<Finding> findings = comparer.Compare({troy, michigan}, {}, &stats);
  EXPECT_EQ(CountVerdict(findings, DISCREPANCY), 1) << Dump(findings);
  EXPECT_EQ(stats.kept_apart.pairs, 0);
}

TEST(CompareStatsTest, AnUndatedArticleIsComparedOnlyWithAParticipantInCommon) {
  Claim dated = Aid("d1", "AP", "2019-01-24", "USD", 12e6);
  dated.add_participants("rahimi");
  Claim stranger = Aid("u1", "Blog", "", "USD", 20e6);
  Claim witness = Aid("u2", "Blog", "", "USD", 20e6);  // (one outlet: no agreement)
  witness.add_participants("rahimi");
  Comparer comparer(ShippedRules());
  CompareStats stats;
  // Undated articles are not compared by default.
  EXPECT_THAT(comparer.Compare({dated, stranger, witness}, {}, &stats), IsEmpty());
  EXPECT_EQ(stats.kept_apart.pairs, 0);
  comparer.set_compare_undated(true);
  std::vector<Finding> findings = comparer.Compare({dated, stranger, witness}, {}, &stats);
  // d1 and u2 share rahimi: a conflict, but only a DISCREPANCY (u2 has no
  // date). u1 names nobody.
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  EXPECT_EQ(findings[0].claims(1).article_id(), "u2");
  EXPECT_THAT(findings[0].explanation(), HasSubstr("no publication date"));
  EXPECT_EQ(stats.kept_apart.pairs, 1);
  EXPECT_THAT(stats.kept_apart.examples,
              ElementsAre("US aid: d1 vs u1 (undated vs dated, no participant in common)"));
  // A developing count's undated report could be from any day of it: no
  // finding against a dated one, whoever it names.
  Claim dated_toll = Toll("d1", "AP", "2019-01-24", QUALIFIER_EXACT, 12);
  dated_toll.add_participants("rahimi");
  Claim undated_toll = Toll("u2", "Blog", "", QUALIFIER_EXACT, 20);
  undated_toll.add_participants("rahimi");
  EXPECT_THAT(comparer.Compare({dated_toll, undated_toll}, {}, &stats), IsEmpty());
}

TEST(CompareStatsTest, AnArticleAndItsCopyAreOneVoice) {
  const std::vector<Claim> claims = {Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("b1", "Reuters", "2019-01-24", QUALIFIER_EXACT, 12)};
  Copy copy;
  copy.set_copier("b1");
  copy.set_source("a1");
  Comparer comparer(ShippedRules());
  EXPECT_EQ(CountVerdict(comparer.Compare(claims), AGREEMENT), 1);
  EXPECT_EQ(CountVerdict(comparer.Compare(claims, {copy}), AGREEMENT), 0);
  // The corpus' copies, when a call gives none.
  comparer.set_copies({copy});
  EXPECT_EQ(CountVerdict(comparer.Compare(claims), AGREEMENT), 0);
}

}  // namespace
}  // namespace crosscheck
