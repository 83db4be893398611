#include "checker/compare/verdict.h"

#include <string>
#include <vector>

#include "absl/types/optional.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/relate.h"
#include "checker/compare/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::ComparisonOf;
using ::crosscheck::testing::Pointers;
using ::crosscheck::testing::SetScope;
using ::crosscheck::testing::StateDepartment;
using ::crosscheck::testing::Toll;
using ::crosscheck::testing::VenezuelaGovernment;
using ::testing::ElementsAre;

// The verdict of the first two of `claims` (as a group) under `comparison`.
absl::optional<PairVerdict> Decide(const std::vector<Claim>& claims, const Comparison& comparison,
                                   Relation relation, absl::optional<int64_t> days_apart) {
  ClaimGroup group = ClaimGroup::Of(claims);
  return DecidePairVerdict(group.claims()[0], group.claims()[1], comparison, relation, days_apart);
}

// "DISPUTED/kTwoAccounts", or "none".
std::string Words(const absl::optional<PairVerdict>& v) {
  if (!v) return "none";
  const char* reasons[] = {"kTwoAccounts", "kHeadline",        "kGrew",    "kApart",
                           "kConflict",    "kUndatedConflict", "kSameDay", "kRevised",
                           "kLagging",     "kUndatedReports"};
  return Verdict_Name(v->verdict) + "/" + reasons[static_cast<int>(v->reason)];
}

TEST(DecidePairVerdictTest, InOneArticle) {
  const Comparison& orders = ComparisonOf("withdrawal_order");
  Claim pompeo = StateDepartment("004", "Al Jazeera", "2019-03-14", "Mike Pompeo");
  Claim caracas = VenezuelaGovernment("004", "Al Jazeera", "2019-03-14", "the government");
  caracas.mutable_span()->set_begin(500);
  EXPECT_EQ(Words(Decide({pompeo, caracas}, orders, Relation::kSoftConflict, 0)),
            "DISPUTED/kTwoAccounts");
  // One source, headline against body.
  const Comparison& tolls = ComparisonOf("death_toll");
  Claim headline = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  headline.set_section(SECTION_HEADLINE);
  Claim body = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 20);
  body.mutable_span()->set_begin(900);
  EXPECT_EQ(Words(Decide({headline, body}, tolls, Relation::kHardConflict, 0)),
            "DISCREPANCY/kHeadline");
  // A developing count in the article's own words beside a sourced one: the
  // story told as it moved, no dispute; two sources that differ dispute it.
  Claim ministry = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 24);
  ministry.mutable_attribution()->set_source("the ministry");
  ministry.mutable_span()->set_begin(1500);
  EXPECT_EQ(Words(Decide({body, ministry}, tolls, Relation::kHardConflict, 0)), "none");
  Claim channel = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 20);
  channel.mutable_attribution()->set_source("a TV channel");
  EXPECT_EQ(Words(Decide({channel, ministry}, tolls, Relation::kHardConflict, 0)),
            "DISPUTED/kTwoAccounts");
  // A developing count's headline above its body: the body gives the
  // figure before ("rose from 20 to 24"), no finding.
  Claim latest = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 24);
  latest.set_section(SECTION_HEADLINE);
  EXPECT_EQ(Words(Decide({latest, body}, tolls, Relation::kHardConflict, 0)), "none");
  // One voice: a running story, no finding.
  Claim body_again = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  EXPECT_EQ(Words(Decide({body_again, body}, tolls, Relation::kHardConflict, 0)), "none");
}

TEST(DecidePairVerdictTest, ARunningCountThatGrewIsAnUpdate) {
  const Comparison& tolls = ComparisonOf("death_toll");
  ASSERT_TRUE(tolls.cumulative());
  Claim early = Toll("a", "AP", "1998-08-07", QUALIFIER_EXACT, 24);
  Claim later = Toll("b", "Xinhua", "1998-08-08", QUALIFIER_AT_LEAST, 110);
  EXPECT_EQ(Words(Decide({early, later}, tolls, Relation::kSoftConflict, 1)), "UPDATE/kGrew");
  EXPECT_EQ(Words(Decide({later, early}, tolls, Relation::kSoftConflict, 1)), "UPDATE/kGrew");
  // A count that fell, or counts of one day, or for named spans, conflict.
  Claim fewer = Toll("c", "Reuters", "1998-08-09", QUALIFIER_EXACT, 6);
  EXPECT_EQ(Words(Decide({later, fewer}, tolls, Relation::kSoftConflict, 1)),
            "DISCREPANCY/kConflict");
  Claim same_day = Toll("d", "Reuters", "1998-08-07", QUALIFIER_EXACT, 30);
  EXPECT_EQ(Words(Decide({early, same_day}, tolls, Relation::kHardConflict, 0)),
            "CONTRADICTION/kConflict");
  Claim scoped = later;
  SetScope(&scoped, "Friday", "1998-08-07", "1998-08-07", GRANULARITY_DAY);
  EXPECT_EQ(Words(Decide({early, scoped}, tolls, Relation::kSoftConflict, 1)),
            "DISCREPANCY/kConflict");
  // Not for kinds that are not running counts.
  Comparison not_cumulative = tolls;
  not_cumulative.set_cumulative(false);
  EXPECT_EQ(Words(Decide({early, later}, not_cumulative, Relation::kSoftConflict, 1)),
            "DISCREPANCY/kConflict");
}

TEST(DecidePairVerdictTest, ClaimsReportedUpdateAfterDaysApartAreAnUpdate) {
  const Comparison& tolls = ComparisonOf("death_toll");
  ASSERT_EQ(tolls.update_after_days(), 7);
  // (A toll that falls: a rising one is an update from the next day on.)
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 20);
  Claim b = Toll("b1", "Reuters", "2019-01-31", QUALIFIER_EXACT, 12);
  EXPECT_EQ(Words(Decide({a, b}, tolls, Relation::kHardConflict, 7)), "UPDATE/kApart");
  EXPECT_EQ(Words(Decide({a, b}, tolls, Relation::kHardConflict, 6)), "CONTRADICTION/kConflict");
  Comparison never = tolls;
  never.set_update_after_days(0);
  EXPECT_EQ(Words(Decide({a, b}, never, Relation::kHardConflict, 70)), "CONTRADICTION/kConflict");
}

TEST(DecidePairVerdictTest, AContradictionNeedsBothArticlesDated) {
  const Comparison& tolls = ComparisonOf("death_toll");
  Claim dated = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim undated = Toll("b1", "Blog", "", QUALIFIER_EXACT, 20);
  EXPECT_EQ(Words(Decide({dated, undated}, tolls, Relation::kHardConflict, absl::nullopt)),
            "DISCREPANCY/kUndatedConflict");
  EXPECT_EQ(Words(Decide({dated, undated}, tolls, Relation::kSoftConflict, absl::nullopt)),
            "DISCREPANCY/kConflict");
}

TEST(DecidePairVerdictTest, TheKindsOwnVerdictsReplaceTheDefaults) {
  Comparison cmp = ComparisonOf("death_toll");
  cmp.set_conflict_verdict(DISCREPANCY);
  cmp.set_soft_conflict_verdict(UPDATE);
  Claim a = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "Reuters", "2019-01-24", QUALIFIER_EXACT, 20);
  EXPECT_EQ(Words(Decide({a, b}, cmp, Relation::kHardConflict, 0)), "DISCREPANCY/kConflict");
  EXPECT_EQ(Words(Decide({a, b}, cmp, Relation::kSoftConflict, 0)), "UPDATE/kConflict");
}

// Each article its own voice.
std::string Itself(const std::string& id) { return id; }

TEST(DecideAgreementTest, NeedsTwoIndependentOutlets) {
  const std::vector<Claim> claims = {Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("a2", "McClatchy", "2019-01-25", QUALIFIER_EXACT, 12),
                                     Toll("b1", "Reuters", "2019-01-25", QUALIFIER_EXACT, 12),
                                     Toll("c1", "AP", "2019-01-25", QUALIFIER_EXACT, 12)};
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<const GroupClaim*> all = Pointers(group);
  absl::optional<Agreement> agreement = DecideAgreement(all, Itself);
  ASSERT_TRUE(agreement.has_value());
  EXPECT_THAT(agreement->outlets, ElementsAre("AP", "McClatchy", "Reuters"));
  EXPECT_THAT(agreement->evidence, ElementsAre(all[0], all[1], all[2], all[3]));
  EXPECT_TRUE(DecideAgreement({all[0], all[2]}, Itself).has_value());
  // Two articles of one outlet are one outlet.
  EXPECT_FALSE(DecideAgreement({all[0], all[1]}, Itself).has_value());
  // A copy is no independent voice: Reuters' b1 copies McClatchy's a1.
  auto copied = [](const std::string& id) { return id == "b1" ? std::string("a1") : id; };
  EXPECT_FALSE(DecideAgreement({all[0], all[2]}, copied).has_value());
  EXPECT_FALSE(DecideAgreement({all[0], all[1], all[2]}, copied).has_value());
  EXPECT_TRUE(DecideAgreement({all[0], all[2], all[3]}, copied).has_value());
}

TEST(DecideAgreementTest, OneClaimPerArticleAndArticlesWithoutAnOutletStandForThemselves) {
  Claim again = Toll("a1", "", "2019-01-24", QUALIFIER_EXACT, 12);
  again.mutable_span()->set_begin(800);
  const std::vector<Claim> claims = {Toll("a1", "", "2019-01-24", QUALIFIER_EXACT, 12), again,
                                     Toll("b1", "", "2019-01-24", QUALIFIER_EXACT, 12)};
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<const GroupClaim*> all = Pointers(group);
  absl::optional<Agreement> agreement = DecideAgreement(all, Itself);
  ASSERT_TRUE(agreement.has_value());
  EXPECT_THAT(agreement->outlets, ElementsAre("a1", "b1"));
  EXPECT_THAT(agreement->evidence, ElementsAre(all[0], all[2]));
  EXPECT_FALSE(DecideAgreement({all[0], all[1]}, Itself).has_value());
}

// A developing toll, table-driven: each row is the reports of a story (day,
// value, article) and the pair asked about.
struct TimelineCase {
  const char* name;
  std::vector<std::pair<std::string, double>> reports;  // (published, value), article i
  int x, y;                                             // the pair
  const char* expected;                                 // Words() of the verdict, or "n/a"
};

TEST(DecideOnTimelineTest, DevelopingCounts) {
  const Comparison& tolls = ComparisonOf("death_toll");
  const std::vector<TimelineCase> cases = {
      {"same day, written hours apart",
       {{"2021-07-14", 3}, {"2021-07-14", 8}},
       0,
       1,
       "DISCREPANCY/kSameDay"},
      {"rose to the next day", {{"2021-07-14", 17}, {"2021-07-15", 30}}, 0, 1, "UPDATE/kGrew"},
      {"rose, in either order", {{"2021-07-15", 30}, {"2021-07-14", 17}}, 0, 1, "UPDATE/kGrew"},
      {"days between carry the story",
       {{"2021-07-14", 17}, {"2021-07-15", 30}, {"2021-07-16", 42}},
       0,
       2,
       "none"},
      {"cut, kept and confirmed: a revision",
       {{"2019-04-24", 359}, {"2019-04-25", 253}, {"2019-04-26", 253}},
       0,
       1,
       "UPDATE/kRevised"},
      {"cut on the last day, confirmed by another outlet that day",
       {{"2019-04-24", 359}, {"2019-04-25", 253}, {"2019-04-25", 255}},
       0,
       1,
       "UPDATE/kRevised"},
      {"lower, but later reports went higher: lagging",
       {{"2019-04-21", 215}, {"2019-04-22", 207}, {"2019-04-23", 310}},
       0,
       1,
       "DISCREPANCY/kLagging"},
      {"undated reports of a developing count: one discrepancy, unordered",
       {{"", 154}, {"", 220}},
       0,
       1,
       "DISCREPANCY/kUndatedReports"},
      {"lower and nobody confirms it: not a revision",
       {{"2019-04-24", 359}, {"2019-04-25", 6}},
       0,
       1,
       "DISCREPANCY/kLagging"},
  };
  for (const TimelineCase& c : cases) {
    std::vector<Claim> claims;
    for (size_t i = 0; i < c.reports.size(); ++i) {
      claims.push_back(Toll("a" + std::to_string(i), "Outlet " + std::to_string(i),
                            c.reports[i].first, QUALIFIER_EXACT, c.reports[i].second));
    }
    ClaimGroup group = ClaimGroup::Of(claims);
    std::vector<DatedClaim> dated;
    for (size_t i = 0; i < group.claims().size(); ++i) {
      dated.push_back(DateClaim(group.claims()[i], static_cast<int>(i)));
    }
    const CountTimeline timeline(dated, 7);
    const TimelineVerdict v = DecideOnTimeline(dated[c.x], dated[c.y], tolls, timeline);
    EXPECT_EQ(v.applies ? Words(v.verdict) : "n/a", c.expected) << c.name;
  }
}

TEST(DecideOnTimelineTest, NotForPairsOffTheTimeline) {
  const Comparison& tolls = ComparisonOf("death_toll");
  Claim a = Toll("a", "AP", "2021-07-14", QUALIFIER_EXACT, 3);
  Claim b = Toll("b", "Reuters", "2021-07-15", QUALIFIER_EXACT, 8);
  Claim undated = Toll("c", "Blog", "", QUALIFIER_EXACT, 8);
  Claim background = Toll("d", "Reuters", "2021-07-15", QUALIFIER_EXACT, 230000);
  SetScope(&background, "in 2010", "2010-01-01", "2010-12-31", GRANULARITY_YEAR);
  Claim same_article = Toll("a", "AP", "2021-07-15", QUALIFIER_EXACT, 8);
  const std::vector<Claim> claims = {a, b, undated, background, same_article};
  ClaimGroup group = ClaimGroup::Of(claims);  // (wraps `claims`)
  std::vector<DatedClaim> dated;
  for (size_t i = 0; i < group.claims().size(); ++i) {
    dated.push_back(DateClaim(group.claims()[i], static_cast<int>(i)));
  }
  const CountTimeline timeline(dated, 7);
  EXPECT_TRUE(DecideOnTimeline(dated[0], dated[1], tolls, timeline).applies);
  // An undated report against a dated one: no finding.
  const TimelineVerdict undated_pair = DecideOnTimeline(dated[0], dated[2], tolls, timeline);
  EXPECT_TRUE(undated_pair.applies);
  EXPECT_FALSE(undated_pair.verdict.has_value());
  EXPECT_FALSE(DecideOnTimeline(dated[0], dated[3], tolls, timeline).applies);
  EXPECT_FALSE(DecideOnTimeline(dated[0], dated[4], tolls, timeline).applies);
  Comparison not_cumulative = tolls;
  not_cumulative.set_cumulative(false);
  EXPECT_FALSE(DecideOnTimeline(dated[0], dated[1], not_cumulative, timeline).applies);
  EXPECT_TRUE(NotableReason(PairReason::kRevised));
  EXPECT_FALSE(NotableReason(PairReason::kGrew));
}

}  // namespace
}  // namespace crosscheck
