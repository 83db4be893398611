#include "checker/compare/count_timeline.h"

#include <string>
#include <vector>

#include "checker/compare/claim_days.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/test_claims.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::SetScope;
using ::crosscheck::testing::Toll;

TEST(CountTimelineTest, DaysValuesAndWhatLaterReportsSay) {
  std::vector<Claim> claims = {
      Toll("a", "A", "2019-04-21", QUALIFIER_EXACT, 138),
      Toll("b", "B", "2019-04-21", QUALIFIER_AT_LEAST, 156),
      Toll("c", "C", "2019-04-22", QUALIFIER_EXACT, 290),
      Toll("d", "D", "2019-04-24", QUALIFIER_EXACT, 359),
      Toll("e", "E", "2019-04-25", QUALIFIER_EXACT, 253),
      Toll("f", "F", "", QUALIFIER_EXACT, 300),  // undated: off the timeline
  };
  // "killed on Sunday" in Tuesday's article: still the running toll.
  claims.push_back(Toll("g", "G", "2019-04-23", QUALIFIER_EXACT, 310));
  SetScope(&claims.back(), "on Sunday", "2019-04-21", "2019-04-21", GRANULARITY_DAY);
  // "last weekend": the event's days, before the report.
  claims.push_back(Toll("i", "I", "2019-04-27", QUALIFIER_EXACT, 253));
  SetScope(&claims.back(), "last weekend", "2019-04-20", "2019-04-21", GRANULARITY_WEEKEND);
  // "this week": a span still running, not a running count (but a night
  // up to the report is: below).
  claims.push_back(Toll("h", "H", "2019-04-23", QUALIFIER_EXACT, 999));
  SetScope(&claims.back(), "this week", "2019-04-22", "2019-04-28", GRANULARITY_WEEK);
  ClaimGroup group = ClaimGroup::Of(claims);
  std::vector<DatedClaim> dated;
  for (size_t i = 0; i < group.claims().size(); ++i) {
    dated.push_back(DateClaim(group.claims()[i], static_cast<int>(i)));
  }
  const CountTimeline timeline(dated, 7);
  EXPECT_TRUE(timeline.On(dated[0]));
  EXPECT_FALSE(timeline.On(dated[5]));
  EXPECT_TRUE(timeline.On(dated[6]));
  EXPECT_TRUE(timeline.On(dated[7]));
  EXPECT_FALSE(timeline.On(dated[8]));
  Claim overnight = Toll("j", "J", "2019-04-24", QUALIFIER_EXACT, 359);
  SetScope(&overnight, "overnight", "2019-04-23", "2019-04-24", GRANULARITY_HOURS);
  const std::vector<Claim> night = {overnight};
  ClaimGroup night_group = ClaimGroup::Of(night);
  EXPECT_TRUE(timeline.On(DateClaim(night_group.claims()[0], 0)));
  EXPECT_EQ(timeline.Describe(),
            "2019-04-21: 138 to 156; 2019-04-22: 290; 2019-04-23: 310; 2019-04-24: 359; "
            "2019-04-25: 253; 2019-04-27: 253");
  EXPECT_FALSE(timeline.ReportedBetween(dated[0].day, dated[2].day));
  EXPECT_TRUE(timeline.ReportedBetween(dated[0].day, dated[3].day));
  EXPECT_TRUE(timeline.ReachedAfter(dated[0].day, 359));
  EXPECT_FALSE(timeline.ReachedAfter(dated[4].day, 254));
  EXPECT_FALSE(timeline.ReachedAfter(dated[3].day, 359));
  EXPECT_TRUE(timeline.ConfirmedFrom(dated[0].day, 150, 0.05, "a"));  // b's 156 is within 5%
  EXPECT_TRUE(timeline.ConfirmedFrom(dated[4].day, 253, 0.05, "e"));  // i says 253 too
  EXPECT_FALSE(timeline.ConfirmedFrom(dated[4].day, 290, 0.05, "e"));
}

TEST(CountTimelineTest, LongTimelinesShowTheirEnds) {
  std::vector<Claim> claims;
  for (int d = 1; d <= 20; ++d) {
    char day[16];
    snprintf(day, sizeof day, "2020-01-%02d", d);
    claims.push_back(Toll("a" + std::to_string(d), "A", day, QUALIFIER_EXACT, d * 10));
  }
  ClaimGroup group = ClaimGroup::Of(claims);
  std::vector<DatedClaim> dated;
  for (size_t i = 0; i < group.claims().size(); ++i) {
    dated.push_back(DateClaim(group.claims()[i], static_cast<int>(i)));
  }
  EXPECT_EQ(CountTimeline(dated, 7).Describe(),
            "2020-01-01: 10; 2020-01-02: 20; 2020-01-03: 30; 2020-01-04: 40; ...; 2020-01-17: "
            "170; 2020-01-18: 180; 2020-01-19: 190; 2020-01-20: 200");
}

}  // namespace
}  // namespace crosscheck
