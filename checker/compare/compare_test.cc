#include "checker/compare/compare.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/base/verdict_order.h"
#include "checker/compare/test_claims.h"
#include "checker/internal/shipped_rules.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Aid;
using ::crosscheck::testing::ComparisonOf;
using ::crosscheck::testing::CountVerdict;
using ::crosscheck::testing::Deadline;
using ::crosscheck::testing::Dump;
using ::crosscheck::testing::HasConflict;
using ::crosscheck::testing::RelationName;
using ::crosscheck::testing::SetScope;
using ::crosscheck::testing::StateDepartment;
using ::crosscheck::testing::Toll;
using ::crosscheck::testing::UsGovernment;
using ::crosscheck::testing::VenezuelaGovernment;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;

class CompareTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = &testing::ShippedRules(); }

  std::vector<Finding> Compare(const std::vector<Claim>& claims) {
    Comparer comparer(*rules_);
    return comparer.Compare(claims);
  }

  static const Rules* rules_;
};

const Rules* CompareTest::rules_ = nullptr;

TEST_F(CompareTest, ShippedRulesHaveTheKindsTheseTestsUse) {
  for (const char* kind : {"death_toll", "deadline", "withdrawal_order"}) {
    ASSERT_NE(rules_->FindKind(kind), nullptr) << kind;
    EXPECT_GT(ComparisonOf(kind).update_after_days(), 0) << kind;
    EXPECT_TRUE(ComparisonOf(kind).report_agreement()) << kind;
  }
}

// --- Quantities -------------------------------------------------------------

TEST_F(CompareTest, DifferentExactCountsOfOneDayAreATimelineNotAContradiction) {
  // "12 killed Wednesday" on Thursday, "20 killed Wednesday" on Friday: the
  // toll of Wednesday's attack, grown as it was counted.
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "The Washington Post", "2019-01-25", QUALIFIER_EXACT, 20);
  SetScope(&a, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  SetScope(&b, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  const Finding& f = findings[0];
  EXPECT_EQ(f.verdict(), UPDATE);
  EXPECT_EQ(f.kind(), "death_toll");
  EXPECT_EQ(f.subject(), "deaths");
  EXPECT_THAT(f.explanation(),
              HasSubstr("The count by day of publication: 2019-01-24: 12; 2019-01-25: 20."));
  ASSERT_THAT(f.claims(), SizeIs(2));
  // Evidence in a stable order: article id, then offset.
  EXPECT_EQ(f.claims(0).article_id(), "a1");
  EXPECT_EQ(f.claims(1).article_id(), "b1");
  EXPECT_FALSE(f.id().empty());
  EXPECT_EQ(f.id(), FindingId(f));
}

TEST_F(CompareTest, ExactCountsOfOneDayDifferByTimingNotContradict) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 20);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  EXPECT_THAT(findings[0].explanation(), HasSubstr("same day"));
}

// Reports of one day with their publication times are listed in time
// order, with the times.
TEST_F(CompareTest, SameDayReportsAreListedByTimeWhenKnown) {
  Claim late = Toll("a", "AP", "2021-07-14", QUALIFIER_EXACT, 17);
  late.set_published_time("2021-07-14T18:30:00Z");
  Claim early = Toll("b", "Reuters", "2021-07-14", QUALIFIER_EXACT, 3);
  early.set_published_time("2021-07-14T07:05:00Z");
  Claim unknown = Toll("c", "AFP", "2021-07-14", QUALIFIER_EXACT, 8);
  std::vector<Finding> findings = Compare({late, early, unknown});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  EXPECT_THAT(findings[0].explanation(),
              StartsWith("2021-07-14: 07:05 UTC 3 (Reuters), 18:30 UTC 17 (AP), 8 (AFP): "));
  EXPECT_EQ(findings[0].claims(0).published_time(), "2021-07-14T18:30:00Z");
}

// Undated reports of a developing count cannot be ordered: one finding for
// them all, none against the dated ones.
TEST_F(CompareTest, UndatedReportsOfADevelopingCountAreOneFinding) {
  Comparer comparer(*rules_);
  comparer.set_compare_undated(true);  // (the pipeline's default)
  const std::vector<Claim> claims = {Toll("a", "AP", "", QUALIFIER_EXACT, 154),
                                     Toll("b", "BBC", "", QUALIFIER_EXACT, 220),
                                     Toll("c", "CNN", "", QUALIFIER_EXACT, 158),
                                     Toll("d", "Reuters", "2020-08-05", QUALIFIER_EXACT, 135)};
  std::vector<Finding> findings = comparer.Compare(claims);
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  EXPECT_EQ(findings[0].claims_size(), 3);
  EXPECT_THAT(findings[0].explanation(),
              StartsWith("undated: 154 (AP), 220 (BBC), 158 (CNN): reports without a publication "
                         "date give different deaths counts"));
}

// A toll that grew through a day and the next ones (3, then 8, 17, 30): a
// timeline, each step an update, never a chain of contradictions; reports
// with days between them are not compared.
TEST_F(CompareTest, ATollThatGrewIsATimeline) {
  std::vector<Claim> claims = {
      Toll("a", "AP", "2021-07-14", QUALIFIER_EXACT, 3),
      Toll("b", "Reuters", "2021-07-14", QUALIFIER_EXACT, 8),
      Toll("c", "AFP", "2021-07-15", QUALIFIER_EXACT, 17),
      Toll("d", "BBC", "2021-07-16", QUALIFIER_EXACT, 30),
  };
  std::vector<Finding> findings = Compare(claims);
  EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 0) << Dump(findings);
  EXPECT_EQ(CountVerdict(findings, DISCREPANCY), 1) << Dump(findings);  // 3 vs 8, same day
  // One update per step of days: 14th -> 15th, 15th -> 16th.
  EXPECT_EQ(CountVerdict(findings, UPDATE), 2) << Dump(findings);
}

// A toll revised down (359, then 253 after double counting, kept by later
// reports): an UPDATE explained as a revision, notable, listed before the
// routine updates.
TEST_F(CompareTest, ATollRevisedDownIsANotableUpdate) {
  std::vector<Claim> claims = {
      Toll("a", "AP", "2019-04-23", QUALIFIER_EXACT, 321),
      Toll("b", "AFP", "2019-04-24", QUALIFIER_EXACT, 359),
      Toll("c", "PTI", "2019-04-25", QUALIFIER_EXACT, 253),
      Toll("d", "Reuters", "2019-04-26", QUALIFIER_AT_LEAST, 253),
  };
  std::vector<Finding> findings = Compare(claims);
  EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 0) << Dump(findings);
  ASSERT_GE(findings.size(), 2u) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), UPDATE);
  EXPECT_TRUE(findings[0].notable());
  EXPECT_THAT(findings[0].explanation(), HasSubstr("revised down"));
  EXPECT_EQ(findings[0].claims(0).article_id(), "b");
  EXPECT_EQ(findings[0].claims(1).article_id(), "c");
  for (size_t i = 1; i < findings.size(); ++i) EXPECT_FALSE(findings[i].notable());
}

TEST_F(CompareTest, CountAgainstABoundForAWiderScopeIsADiscrepancy) {
  Claim a = Toll("a1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "Unknown aggregator", "2019-01-25", QUALIFIER_AT_LEAST, 20);
  SetScope(&a, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  SetScope(&b, "this week", "2019-01-21", "2019-01-27", GRANULARITY_WEEK);
  b.mutable_attribution()->set_source("the New York Times");
  b.mutable_attribution()->set_named(true);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 0);
}

TEST_F(CompareTest, CountAgainstABoundForTheSameScopeIsNotAContradiction) {
  // "at least 20" vs 12: one is a bound, so at most a discrepancy.
  Claim a = Toll("a1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "Reuters", "2019-01-24", QUALIFIER_AT_LEAST, 20);
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 0) << Dump(findings);
  EXPECT_EQ(CountVerdict(findings, DISCREPANCY), 1) << Dump(findings);
}

TEST_F(CompareTest, ALowerBoundBelowACountIsNoConflict) {
  Claim a = Toll("a1", "Reuters", "2019-01-24", QUALIFIER_AT_LEAST, 20);
  Claim b = Toll("b1", "BBC News", "2019-01-24", QUALIFIER_EXACT, 30);
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_FALSE(HasConflict(findings)) << Dump(findings);
  EXPECT_EQ(CountVerdict(findings, UPDATE), 0) << Dump(findings);
}

TEST_F(CompareTest, AnApproximateCountCoversANearbyCount) {
  Claim a = Toll("a1", "Reuters", "2019-01-24", QUALIFIER_ABOUT, 300);
  Claim b = Toll("b1", "BBC News", "2019-01-24", QUALIFIER_EXACT, 310);
  std::string reason;
  EXPECT_EQ(RelationName(Relate(a, b, ComparisonOf("death_toll"), &reason)),
            RelationName(Relation::kCompatible));
  EXPECT_FALSE(reason.empty());
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_FALSE(HasConflict(findings)) << Dump(findings);
  // Different values: no agreement either.
  EXPECT_EQ(CountVerdict(findings, AGREEMENT), 0) << Dump(findings);
}

TEST_F(CompareTest, OpenBoundsExcludeTheirEndpoint) {
  // Regression test (fixed): Quantity documents "more than 20" as (20, +inf) and "fewer than 20"
  // as [0, 20), but RelateQuantities treats every interval as closed, so
  // "more than 20" vs exactly 20 (and "fewer than 20" vs "more than 20")
  // come out kCompatible and no finding is made. They cannot both be true:
  // a bound against a count, so a soft conflict (DISCREPANCY).
  const Comparison& cmp = ComparisonOf("death_toll");
  Claim twenty = Toll("a1", "Reuters", "2019-01-24", QUALIFIER_EXACT, 20);
  Claim more = Toll("b1", "BBC News", "2019-01-24", QUALIFIER_AT_LEAST, 20);
  more.mutable_quantity()->set_qualifier(QUALIFIER_MORE_THAN);
  more.set_display_value("more than 20");
  Claim fewer = Toll("c1", "CNN", "2019-01-24", QUALIFIER_EXACT, 20);
  fewer.mutable_quantity()->set_qualifier(QUALIFIER_LESS_THAN);
  fewer.mutable_quantity()->set_lower(0);
  fewer.set_display_value("fewer than 20");
  EXPECT_EQ(RelationName(Relate(twenty, more, cmp, nullptr)),
            RelationName(Relation::kSoftConflict));
  EXPECT_EQ(RelationName(Relate(twenty, fewer, cmp, nullptr)),
            RelationName(Relation::kSoftConflict));
  EXPECT_EQ(RelationName(Relate(fewer, more, cmp, nullptr)), RelationName(Relation::kSoftConflict));
  std::vector<Finding> findings = Compare({twenty, more});
  EXPECT_EQ(CountVerdict(findings, DISCREPANCY), 1) << Dump(findings);
  // Closed bounds do include their endpoint.
  Claim at_least = Toll("d1", "NBC News", "2019-01-24", QUALIFIER_AT_LEAST, 20);
  EXPECT_EQ(RelationName(Relate(twenty, at_least, cmp, nullptr)),
            RelationName(Relation::kCompatible));
}

TEST_F(CompareTest, HedgedExactCountsAreOnlyADiscrepancy) {
  Claim a = Toll("a1", "Reuters", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "BBC News", "2019-01-24", QUALIFIER_EXACT, 20);
  b.mutable_attribution()->set_hedged(true);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
}

// --- Times ------------------------------------------------------------------

TEST_F(CompareTest, DifferentDaysContradict) {
  Claim a = Deadline("000", "McClatchy", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY,
                     "Sunday 2019-01-27");
  Claim b = Deadline("003", "The Washington Post", "2019-01-25", "2019-01-26", "2019-01-26",
                     GRANULARITY_DAY, "Saturday 2019-01-26");
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), CONTRADICTION);
  EXPECT_EQ(findings[0].kind(), "deadline");
}

TEST_F(CompareTest, AWeekendCoversItsSunday) {
  Claim a = Deadline("000", "McClatchy", "2019-01-24", "2019-01-26", "2019-01-27",
                     GRANULARITY_WEEKEND, "this weekend");
  Claim b = Deadline("003", "The Washington Post", "2019-01-25", "2019-01-27", "2019-01-27",
                     GRANULARITY_DAY, "Sunday 2019-01-27");
  std::string reason;
  EXPECT_EQ(RelationName(Relate(a, b, ComparisonOf("deadline"), &reason)),
            RelationName(Relation::kCompatible));
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_FALSE(HasConflict(findings)) << Dump(findings);
}

TEST_F(CompareTest, AVagueIntervalDisjointFromADayIsADiscrepancy) {
  Claim a = Deadline("002", "Unknown aggregator", "2019-01-25", "2019-01-28", "2019-01-31",
                     GRANULARITY_VAGUE, "within 72 hours");
  Claim b = Deadline("003", "The Washington Post", "2019-01-25", "2019-01-26", "2019-01-26",
                     GRANULARITY_DAY, "Saturday 2019-01-26");
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
}

// --- Time apart, one article, sources -----------------------------------------

TEST_F(CompareTest, ClaimsWeeksApartAreAnUpdateNotAContradiction) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "Al Jazeera", "2019-03-14", QUALIFIER_EXACT, 20);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), UPDATE);
  EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 0);

  Claim c = Deadline("000", "McClatchy", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY,
                     "Sunday 2019-01-27");
  Claim d = Deadline("004", "Al Jazeera", "2019-03-14", "2019-03-16", "2019-03-16", GRANULARITY_DAY,
                     "Saturday 2019-03-16");
  findings = Compare({c, d});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), UPDATE);
}

TEST_F(CompareTest, UpdateStartsAtUpdateAfterDays) {
  // deadline: update_after_days 7.
  Claim a = Deadline("a1", "McClatchy", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY,
                     "Sunday 2019-01-27");
  Claim six = Deadline("b1", "Reuters", "2019-01-30", "2019-02-02", "2019-02-02", GRANULARITY_DAY,
                       "Saturday 2019-02-02");
  Claim seven = Deadline("c1", "BBC News", "2019-01-31", "2019-02-02", "2019-02-02",
                         GRANULARITY_DAY, "Saturday 2019-02-02");
  std::vector<Finding> findings = Compare({a, six});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_NE(findings[0].verdict(), UPDATE);
  findings = Compare({a, seven});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), UPDATE);
  EXPECT_THAT(findings[0].explanation(), HasSubstr("7 days"));
  // A toll that fell a week later, with no one confirming the lower count:
  // the later report lags, or counts less.
  findings = Compare({Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 20),
                      Toll("c1", "BBC News", "2019-01-31", QUALIFIER_EXACT, 12)});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  EXPECT_THAT(findings[0].explanation(), HasSubstr("lower deaths count"));
}

TEST_F(CompareTest, TwoPartiesInOneArticleAreDisputed) {
  Claim a = StateDepartment("004", "Al Jazeera", "2019-03-14", "Mike Pompeo");
  Claim b = VenezuelaGovernment("004", "Al Jazeera", "2019-03-14", "the Venezuelan government");
  b.mutable_span()->set_begin(500);
  b.mutable_span()->set_end(540);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISPUTED);
  EXPECT_EQ(findings[0].kind(), "withdrawal_order");
  EXPECT_THAT(findings[0].explanation(), HasSubstr("Mike Pompeo"));
  EXPECT_THAT(findings[0].explanation(), HasSubstr("the Venezuelan government"));
}

TEST_F(CompareTest, OneArticleInOneVoiceIsNotAConflict) {
  // A running story in one article: 11, then 12 after one more death.
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 11);
  Claim b = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  b.mutable_span()->set_begin(900);
  b.mutable_span()->set_end(920);
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_THAT(findings, IsEmpty()) << Dump(findings);
}

TEST_F(CompareTest, HeadlineAgainstBodyOfOneArticleIsADiscrepancy) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  a.set_section(SECTION_HEADLINE);
  a.mutable_span()->set_begin(0);
  a.mutable_span()->set_end(10);
  Claim b = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 20);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
}

TEST_F(CompareTest, AnAgencyAndItsGovernmentAreNoConflict) {
  Claim a = StateDepartment("000", "McClatchy", "2019-01-24", "");
  Claim b = UsGovernment("001", "The Washington Post", "2019-01-24", "");
  std::string reason;
  EXPECT_EQ(RelationName(Relate(a, b, ComparisonOf("withdrawal_order"), &reason)),
            RelationName(Relation::kEqual));
  EXPECT_EQ(RelationName(Relate(b, a, ComparisonOf("withdrawal_order"), nullptr)),
            RelationName(Relation::kEqual));
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_FALSE(HasConflict(findings)) << Dump(findings);
  EXPECT_EQ(CountVerdict(findings, UPDATE), 0) << Dump(findings);
}

TEST_F(CompareTest, DifferentPartiesFromTwoOutletsAreADiscrepancy) {
  // withdrawal_order says both parties may have given orders: not exclusive.
  Claim a = StateDepartment("000", "McClatchy", "2019-01-24", "");
  Claim b = VenezuelaGovernment("003", "The Washington Post", "2019-01-25", "");
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
}

// --- Agreement --------------------------------------------------------------

TEST_F(CompareTest, TheSameValueFromTwoOutletsIsAgreement) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "The Washington Post", "2019-01-25", QUALIFIER_EXACT, 12);
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  const Finding& f = findings[0];
  EXPECT_EQ(f.verdict(), AGREEMENT);
  ASSERT_THAT(f.claims(), SizeIs(2));
  EXPECT_THAT(f.explanation(), HasSubstr("McClatchy"));
  EXPECT_THAT(f.explanation(), HasSubstr("The Washington Post"));
  EXPECT_THAT(f.explanation(), HasSubstr("12"));
}

TEST_F(CompareTest, TheSameValueSevenWeeksApartIsNotAgreement) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "Al Jazeera", "2019-03-14", QUALIFIER_EXACT, 12);  // 49 days on
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_EQ(CountVerdict(findings, AGREEMENT), 0) << Dump(findings);
  EXPECT_FALSE(HasConflict(findings)) << Dump(findings);
}

TEST_F(CompareTest, AgreementNeedsOneWindowOfTime) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim six = Toll("b1", "Reuters", "2019-01-30", QUALIFIER_EXACT, 12);
  Claim seven = Toll("c1", "BBC News", "2019-01-31", QUALIFIER_EXACT, 12);
  EXPECT_EQ(CountVerdict(Compare({a, six}), AGREEMENT), 1);
  EXPECT_EQ(CountVerdict(Compare({a, seven}), AGREEMENT), 0);
}

TEST_F(CompareTest, AgreementOfThreeOutletsIsOneFinding) {
  std::vector<Finding> findings =
      Compare({Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_AT_LEAST, 20),
               Toll("b1", "Reuters", "2019-01-24", QUALIFIER_AT_LEAST, 20),
               Toll("c1", "BBC News", "2019-01-25", QUALIFIER_AT_LEAST, 20)});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), AGREEMENT);
  EXPECT_THAT(findings[0].claims(), SizeIs(3));
  for (const char* outlet : {"McClatchy", "Reuters", "BBC News"}) {
    EXPECT_THAT(findings[0].explanation(), HasSubstr(outlet));
  }
}

TEST_F(CompareTest, OneArticleRepeatingAValueIsNotAgreement) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  b.mutable_span()->set_begin(700);
  b.mutable_span()->set_end(720);
  EXPECT_THAT(Compare({a, b}), IsEmpty());
}

TEST_F(CompareTest, TwoArticlesOfOneOutletAreNotIndependentAgreement) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("a2", "McClatchy", "2019-01-25", QUALIFIER_EXACT, 12);
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_EQ(CountVerdict(findings, AGREEMENT), 0) << Dump(findings);
}

TEST_F(CompareTest, NegatedClaimsAreIgnored) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 20);
  b.mutable_attribution()->set_negated(true);
  EXPECT_THAT(Compare({a, b}), IsEmpty());
  Claim c = Toll("c1", "Reuters", "2019-01-24", QUALIFIER_EXACT, 12);
  c.mutable_attribution()->set_negated(true);
  EXPECT_THAT(Compare({a, c}), IsEmpty());
}

TEST_F(CompareTest, DifferentSubjectsAreNotCompared) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 20);
  b.set_subject("protesters arrested");
  EXPECT_THAT(Compare({a, b}), IsEmpty());
}

TEST_F(CompareTest, UnknownKindsAreSkipped) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 20);
  a.set_kind("no_such_kind");
  b.set_kind("no_such_kind");
  EXPECT_THAT(Compare({a, b}), IsEmpty());
}

// --- Amounts ----------------------------------------------------------------

TEST_F(CompareTest, AmountsInDifferentCurrenciesNeitherConflictNorAgree) {
  Claim usd = Aid("a1", "A", "2019-01-24", "USD", 20000000);
  Claim eur = Aid("b1", "B", "2019-01-24", "EUR", 20000000);
  Claim eur_more = Aid("b1", "B", "2019-01-24", "EUR", 50000000);
  std::vector<Finding> findings = Compare({usd, eur_more});
  EXPECT_THAT(findings, IsEmpty()) << Dump(findings);
  // Neither do they agree.
  findings = Compare({usd, eur});
  EXPECT_THAT(findings, IsEmpty()) << Dump(findings);
  // In one currency, they do.
  Claim usd_too = Aid("b1", "B", "2019-01-24", "USD", 20000000);
  findings = Compare({usd, usd_too});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), AGREEMENT);
}

// --- Measures (kinds with open_dimensions) ----------------------------------

// A measure claim as the extractor makes it: value in the base unit, the
// unit it was written in kept.
Claim Measure(const std::string& article_id, const std::string& outlet, const std::string& subject,
              double base_value, const std::string& written_unit, const std::string& display) {
  Claim c = testing::BaseClaim("measure", subject, article_id, outlet, "2020-08-05", display);
  Quantity* q = c.mutable_quantity();
  q->set_value(base_value);
  q->set_lower(base_value);
  q->set_upper(base_value);
  q->set_qualifier(QUALIFIER_EXACT);
  q->set_unit("metre");
  q->set_dimension(written_unit == "tonne" ? "mass" : "length");
  if (written_unit == "tonne") q->set_unit("kilogram");
  q->set_written_unit(written_unit);
  c.set_display_value(display);
  return c;
}

TEST_F(CompareTest, MeasuresInTwoUnitsAreComparedInOne) {
  Claim km = Measure("a1", "A", "distance from Addis Ababa", 55000, "kilometre", "55 km");
  Claim miles = Measure("b1", "B", "distance from Addis Ababa", 48280.32, "mile",
                        "30 miles (48.3 kilometres)");
  std::vector<Finding> findings = Compare({km, miles});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  EXPECT_THAT(findings[0].explanation(), HasSubstr("30 miles (48.3 kilometres)"));
  EXPECT_THAT(findings[0].explanation(), HasSubstr("55 km"));
  // 130 miles is 209 km: a conversion's rounding of 207 km, no conflict.
  Claim near = Measure("c1", "C", "distance from Addis Ababa", 209214.7, "mile",
                       "130 miles (209 kilometres)");
  Claim some = Measure("d1", "D", "distance from Addis Ababa", 207000, "kilometre", "207 km");
  EXPECT_THAT(Compare({near, some}), IsEmpty());
}

TEST_F(CompareTest, MeasuresInOneUnitAreComparedAsWritten) {
  // 2,700 and 2,750 tonnes are 2% apart: within a conversion's tolerance,
  // but both are written in tonnes.
  Claim a = Measure("a1", "A", "mass of nitrate", 2700000, "tonne", "2,700 tons");
  Claim b = Measure("b1", "B", "mass of nitrate", 2750000, "tonne", "2,750 tonnes");
  std::vector<Finding> findings = Compare({a, b});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), DISCREPANCY);
  // The same amount written as tons and as tonnes agrees.
  Claim c = Measure("c1", "C", "mass of nitrate", 2750000, "tonne", "2,750 tons");
  EXPECT_THAT(Compare({b, c}), IsEmpty());
}

TEST_F(CompareTest, MeasuresOfOneArticleAreNotCompared) {
  // "three churches" and "one church in Colombo" in one article: two
  // scopes, not two accounts.
  Claim a = Measure("a1", "A", "length of section", 200, "metre", "200-metre");
  Claim b = Measure("a1", "A", "length of section", 80, "metre", "80 metres");
  b.mutable_attribution()->set_source("the prefect");
  EXPECT_THAT(Compare({a, b}), IsEmpty());
}

TEST_F(CompareTest, WordsOneArticleUsesForTwoMeasuresNameNone) {
  // "seven bullets" hit him and his gun held "four bullets" (article b1):
  // b1's claims are left out; with a quarter of the articles so, the whole
  // subject is.
  Claim a = Measure("a1", "A", "length of section", 200, "metre", "200 metres");
  Claim b = Measure("b1", "B", "length of section", 80, "metre", "80 metres");
  Claim b_other = Measure("b1", "B", "length of section", 200, "metre", "200 metres");
  EXPECT_THAT(Compare({a, b, b_other}), IsEmpty());
  Claim c = Measure("c1", "C", "length of section", 80, "metre", "80 metres");
  Claim d = Measure("d1", "D", "length of section", 200, "metre", "200 metres");
  Claim e = Measure("e1", "E", "length of section", 200, "metre", "200 metres");
  Claim f = Measure("f1", "F", "length of section", 200, "metre", "200 metres");
  // Once in five articles: only that article's claims are left out.
  std::vector<Finding> findings = Compare({a, b, b_other, c, d, e, f});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  for (const Claim& claim : findings[0].claims()) EXPECT_NE(claim.article_id(), "b1");
}

// --- Finding ids, order, explanations ---------------------------------------

TEST_F(CompareTest, AFindingKeepsItsIdWhateverTheOrderOrTheRestOfTheCorpus) {
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "The Washington Post", "2019-01-25", QUALIFIER_EXACT, 20);
  std::vector<Finding> first = Compare({a, b});
  std::vector<Finding> again = Compare({a, b});
  std::vector<Finding> reversed = Compare({b, a});
  ASSERT_THAT(first, SizeIs(1));
  ASSERT_THAT(again, SizeIs(1));
  ASSERT_THAT(reversed, SizeIs(1));
  EXPECT_EQ(first[0].id(), again[0].id());
  EXPECT_EQ(first[0].id(), reversed[0].id());
  EXPECT_EQ(first[0].id(), FindingId(first[0]));

  // A claim elsewhere in the corpus does not change it.
  Claim unrelated = Deadline("z9", "Reuters", "2019-01-24", "2019-01-27", "2019-01-27",
                             GRANULARITY_DAY, "Sunday");
  std::vector<Finding> more = Compare({a, unrelated, b});
  bool found = false;
  for (const Finding& f : more) found |= f.id() == first[0].id();
  EXPECT_TRUE(found) << Dump(more);
}

TEST_F(CompareTest, FindingsAreSortedMostSevereFirst) {
  std::vector<Claim> claims = {
      // AGREEMENT (death_toll 12, two outlets).
      Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12),
      Toll("b1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 12),
      // DISCREPANCY with both of them (at least 20, the same day).
      Toll("c1", "Reuters", "2019-01-24", QUALIFIER_AT_LEAST, 20),
      // UPDATE (a different toll weeks later).
      Toll("d1", "Al Jazeera", "2019-03-14", QUALIFIER_EXACT, 40),
      // CONTRADICTION (Sunday vs Saturday).
      Deadline("a1", "McClatchy", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY,
               "Sunday 2019-01-27"),
      Deadline("b1", "The Washington Post", "2019-01-25", "2019-01-26", "2019-01-26",
               GRANULARITY_DAY, "Saturday 2019-01-26"),
      // DISPUTED (two parties in one article).
      StateDepartment("d1", "Al Jazeera", "2019-03-14", "Mike Pompeo"),
      VenezuelaGovernment("d1", "Al Jazeera", "2019-03-14", "the Venezuelan government"),
  };
  claims.back().mutable_span()->set_begin(800);
  std::vector<Finding> findings = Compare(claims);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 1) << Dump(findings);
  EXPECT_EQ(CountVerdict(findings, DISPUTED), 1) << Dump(findings);
  EXPECT_GE(CountVerdict(findings, DISCREPANCY), 1) << Dump(findings);
  EXPECT_GE(CountVerdict(findings, UPDATE), 1) << Dump(findings);
  EXPECT_EQ(CountVerdict(findings, AGREEMENT), 1) << Dump(findings);
  for (size_t i = 1; i < findings.size(); ++i) {
    const Finding& p = findings[i - 1];
    const Finding& f = findings[i];
    ASSERT_LE(VerdictRank(p.verdict()), VerdictRank(f.verdict())) << Dump(findings);
    if (p.verdict() == f.verdict()) {
      ASSERT_LE(p.kind(), f.kind()) << Dump(findings);
      if (p.kind() == f.kind()) {
        ASSERT_LE(p.subject(), f.subject()) << Dump(findings);
        if (p.subject() == f.subject()) {
          ASSERT_LT(p.id(), f.id()) << Dump(findings);
        }
      }
    }
  }
  EXPECT_EQ(findings.front().verdict(), CONTRADICTION);
  EXPECT_EQ(findings.back().verdict(), AGREEMENT);
  // Every id is its FindingId.
  for (const Finding& f : findings) EXPECT_EQ(f.id(), FindingId(f));
}

TEST_F(CompareTest, ExplanationsNameBothValuesAndBothOutlets) {
  struct Pair {
    Claim a;
    Claim b;
    Verdict verdict;
  };
  Claim scoped12 = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  SetScope(&scoped12, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  Claim week20 = Toll("b1", "The Washington Post", "2019-01-25", QUALIFIER_AT_LEAST, 20);
  SetScope(&week20, "this week", "2019-01-21", "2019-01-27", GRANULARITY_WEEK);
  const Pair pairs[] = {
      {Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12),
       Toll("b1", "The Washington Post", "2019-01-24", QUALIFIER_EXACT, 20), DISCREPANCY},
      {scoped12, week20, DISCREPANCY},
      {Deadline("a1", "McClatchy", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY,
                "Sunday 2019-01-27"),
       Deadline("b1", "The Washington Post", "2019-01-25", "2019-01-26", "2019-01-26",
                GRANULARITY_DAY, "Saturday 2019-01-26"),
       CONTRADICTION},
      {Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12),
       Toll("b1", "Al Jazeera", "2019-03-14", QUALIFIER_EXACT, 20), UPDATE},
  };
  for (const Pair& p : pairs) {
    std::vector<Finding> findings = Compare({p.a, p.b});
    ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
    const Finding& f = findings[0];
    EXPECT_EQ(f.verdict(), p.verdict) << f.explanation();
    EXPECT_THAT(f.explanation(), HasSubstr(p.a.display_value()));
    EXPECT_THAT(f.explanation(), HasSubstr(p.b.display_value()));
    EXPECT_THAT(f.explanation(), HasSubstr(p.a.outlet()));
    EXPECT_THAT(f.explanation(), HasSubstr(p.b.outlet()));
  }
  // The scoped discrepancy says which time spans differ.
  std::vector<Finding> findings = Compare({scoped12, week20});
  ASSERT_THAT(findings, SizeIs(1));
  EXPECT_THAT(findings[0].explanation(), HasSubstr("Wednesday"));
  EXPECT_THAT(findings[0].explanation(), HasSubstr("this week"));
}

TEST_F(CompareTest, ARoundNumberNearAnExactOneIsADiscrepancy) {
  // "600 were killed" next to "612 people": the 600 is likely rounded.
  Claim a = Toll("a1", "Reuters", "2005-11-28", QUALIFIER_EXACT, 612);
  Claim b = Toll("b1", "AFP", "2005-11-28", QUALIFIER_EXACT, 600);
  std::vector<Finding> findings = Compare({a, b});
  EXPECT_EQ(CountVerdict(findings, CONTRADICTION), 0) << Dump(findings);
  EXPECT_EQ(CountVerdict(findings, DISCREPANCY), 1) << Dump(findings);
  // Far apart, a round number is no excuse (for a count of one day, a
  // difference of timing).
  Claim c = Toll("c1", "AFP", "2005-11-28", QUALIFIER_EXACT, 400);
  findings = Compare({a, c});
  EXPECT_EQ(CountVerdict(findings, DISCREPANCY), 1) << Dump(findings);
  EXPECT_THAT(findings[0].explanation(), HasSubstr("same day"));
}

TEST_F(CompareTest, ABackgroundNumberIsNotARivalOfTodaysToll) {
  Claim today = Toll("a1", "Reuters", "2005-11-28", QUALIFIER_EXACT, 10);
  Claim february = Toll("b1", "AFP", "2005-11-28", QUALIFIER_EXACT, 612);
  february.set_scope_text("In February");
  february.mutable_scope()->set_start("2005-02-01");
  february.mutable_scope()->set_end("2005-02-28");
  EXPECT_THAT(Compare({today, february}), SizeIs(0));
  // Nor against a claim of unknown time.
  Claim undated = Toll("c1", "Blog", "", QUALIFIER_EXACT, 3);
  EXPECT_THAT(Compare({undated, february}), SizeIs(0));
}

TEST_F(CompareTest, ATollThatGrowsFromDayToDayIsAnUpdate) {
  Claim early = Toll("a", "AP", "1998-08-07", QUALIFIER_VAGUE, 24);
  early.mutable_quantity()->set_upper(99);
  early.set_display_value("dozens");
  Claim later = Toll("b", "Xinhua", "1998-08-08", QUALIFIER_AT_LEAST, 110);
  later.mutable_quantity()->set_unbounded(true);
  later.set_display_value("at least 110");
  std::vector<Finding> findings = Compare({early, later});
  ASSERT_THAT(findings, SizeIs(1)) << Dump(findings);
  EXPECT_EQ(findings[0].verdict(), UPDATE);
  EXPECT_THAT(findings[0].explanation(), HasSubstr("count grew"));
  // A toll that falls the next day stays a conflict.
  Claim fewer = Toll("c", "Reuters", "1998-08-09", QUALIFIER_EXACT, 6);
  EXPECT_EQ(CountVerdict(Compare({later, fewer}), UPDATE), 0);
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

// "<outlet> says the fire broke out at <from>-<to> local time", dated.
Claim FireTime(const std::string& article, const std::string& outlet, int from, int to,
               bool exact) {
  Claim c = testing::BaseClaim("event_time", "time the fire broke out", article, outlet,
                               "2019-04-16", "broke out");
  TimeInterval* t = c.mutable_time();
  t->set_has_clock(true);
  t->set_clock_from(from);
  t->set_clock_to(to);
  t->set_clock_exact(exact);
  c.set_display_value(absl::StrCat(from, "-", to));
  return c;
}

class SpreadTest : public ::testing::Test {
 protected:
  std::vector<Finding> Compare(const std::vector<Claim>& claims) {
    return Comparer(testing::ShippedRules()).Compare(claims);
  }
};

TEST_F(SpreadTest, OneSubjectsConflictsAreOneFindingPerVerdict) {
  ASSERT_TRUE(testing::ComparisonOf("event_time").one_finding_per_subject());
  // About 6 pm, around 6:30, around 7 pm, 6:40 and 6:50: rounded times that
  // do not overlap are one DISCREPANCY; the two exact minutes that differ
  // are one CONTRADICTION, and "around 7 pm" (compatible with 6:50) is not
  // in it.
  std::vector<Finding> findings = Compare({
      FireTime("a", "A", 17 * 60 + 45, 18 * 60 + 15, false),
      FireTime("b", "B", 18 * 60 + 20, 18 * 60 + 40, false),
      FireTime("c", "C", 18 * 60 + 45, 19 * 60 + 15, false),
      FireTime("d", "D", 18 * 60 + 40, 18 * 60 + 40, true),
      FireTime("e", "E", 18 * 60 + 50, 18 * 60 + 50, true),
  });
  std::vector<Finding> conflicts;
  for (const Finding& f : findings) {
    if (f.verdict() == CONTRADICTION || f.verdict() == DISCREPANCY) conflicts.push_back(f);
  }
  ASSERT_THAT(conflicts, SizeIs(2));
  const Finding& hard = conflicts[0].verdict() == CONTRADICTION ? conflicts[0] : conflicts[1];
  const Finding& soft = conflicts[0].verdict() == CONTRADICTION ? conflicts[1] : conflicts[0];
  ASSERT_EQ(hard.verdict(), CONTRADICTION);
  ASSERT_THAT(hard.claims(), SizeIs(2));
  EXPECT_EQ(hard.claims(0).article_id(), "d");
  EXPECT_EQ(hard.claims(1).article_id(), "e");
  EXPECT_EQ(soft.verdict(), DISCREPANCY);
  EXPECT_GE(soft.claims_size(), 4);
  EXPECT_THAT(soft.explanation(), StartsWith("Outlets give "));
  EXPECT_THAT(soft.explanation(), HasSubstr("For example: "));
  // The same claims in another order give the same findings.
  std::vector<Finding> again = Compare({
      FireTime("e", "E", 18 * 60 + 50, 18 * 60 + 50, true),
      FireTime("c", "C", 18 * 60 + 45, 19 * 60 + 15, false),
      FireTime("a", "A", 17 * 60 + 45, 18 * 60 + 15, false),
      FireTime("d", "D", 18 * 60 + 40, 18 * 60 + 40, true),
      FireTime("b", "B", 18 * 60 + 20, 18 * 60 + 40, false),
  });
  ASSERT_EQ(again.size(), findings.size());
  for (size_t i = 0; i < again.size(); ++i) EXPECT_EQ(again[i].id(), findings[i].id());
}

TEST_F(SpreadTest, PairKindsStillMakeOneFindingPerPair) {
  EXPECT_FALSE(testing::ComparisonOf("death_toll").one_finding_per_subject());
}

}  // namespace
}  // namespace crosscheck
