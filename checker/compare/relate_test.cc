#include "checker/compare/relate.h"

#include <string>
#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/compare/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Aid;
using ::crosscheck::testing::ComparisonOf;
using ::crosscheck::testing::Deadline;
using ::crosscheck::testing::RelationName;
using ::crosscheck::testing::SetScope;
using ::crosscheck::testing::StateDepartment;
using ::crosscheck::testing::Toll;
using ::crosscheck::testing::UsGovernment;
using ::crosscheck::testing::VenezuelaGovernment;
using ::testing::HasSubstr;

TEST(RelateTest, RelateQuantities) {
  const Comparison& cmp = ComparisonOf("death_toll");
  Claim twelve = Toll("a1", "A", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim twelve_again = Toll("b1", "B", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim twenty = Toll("b1", "B", "2019-01-24", QUALIFIER_EXACT, 20);
  Claim at_least_20 = Toll("b1", "B", "2019-01-24", QUALIFIER_AT_LEAST, 20);
  Claim thirty = Toll("c1", "C", "2019-01-24", QUALIFIER_EXACT, 30);
  std::string reason;
  EXPECT_EQ(RelationName(Relate(twelve, twelve_again, cmp, &reason)),
            RelationName(Relation::kEqual));
  EXPECT_FALSE(reason.empty());
  reason.clear();
  EXPECT_EQ(RelationName(Relate(twelve, twenty, cmp, &reason)),
            RelationName(Relation::kHardConflict));
  EXPECT_FALSE(reason.empty());
  reason.clear();
  EXPECT_EQ(RelationName(Relate(twelve, at_least_20, cmp, &reason)),
            RelationName(Relation::kSoftConflict));
  EXPECT_FALSE(reason.empty());
  EXPECT_EQ(RelationName(Relate(at_least_20, thirty, cmp, nullptr)),
            RelationName(Relation::kCompatible));
}

TEST(RelateTest, AmountsInDifferentCurrenciesAreNotCompared) {
  const Comparison& cmp = ComparisonOf("aid_money");
  Claim usd = Aid("a1", "A", "2019-01-24", "USD", 20000000);
  Claim eur = Aid("b1", "B", "2019-01-24", "EUR", 20000000);
  Claim eur_more = Aid("b1", "B", "2019-01-24", "EUR", 50000000);
  std::string reason;
  // The same number in two currencies is not the same value ...
  EXPECT_EQ(RelationName(Relate(usd, eur, cmp, &reason)), RelationName(Relation::kCompatible));
  EXPECT_THAT(reason, HasSubstr("different units (USD vs EUR)"));
  // ... and different numbers in two currencies are not rivals.
  EXPECT_EQ(RelationName(Relate(usd, eur_more, cmp, nullptr)), RelationName(Relation::kCompatible));
  EXPECT_EQ(RelationName(Relate(eur_more, usd, cmp, nullptr)), RelationName(Relation::kCompatible));
  // In one currency, they are.
  Claim usd_more = Aid("b1", "B", "2019-01-24", "USD", 50000000);
  EXPECT_EQ(RelationName(Relate(usd, usd_more, cmp, nullptr)),
            RelationName(Relation::kHardConflict));
}

TEST(RelateTest, RelateIsSymmetric) {
  const Comparison& tolls = ComparisonOf("death_toll");
  const Comparison& deadlines = ComparisonOf("deadline");
  const Comparison& orders = ComparisonOf("withdrawal_order");
  Claim t12 = Toll("a1", "A", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim t20 = Toll("b1", "B", "2019-01-24", QUALIFIER_EXACT, 20);
  Claim t20plus = Toll("b1", "B", "2019-01-24", QUALIFIER_AT_LEAST, 20);
  Claim t300 = Toll("c1", "C", "2019-01-24", QUALIFIER_ABOUT, 300);
  Claim t310 = Toll("d1", "D", "2019-01-24", QUALIFIER_EXACT, 310);
  Claim sun =
      Deadline("a", "A", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY, "Sunday");
  Claim sat =
      Deadline("b", "B", "2019-01-24", "2019-01-26", "2019-01-26", GRANULARITY_DAY, "Saturday");
  Claim weekend =
      Deadline("c", "C", "2019-01-24", "2019-01-26", "2019-01-27", GRANULARITY_WEEKEND, "weekend");
  Claim vague =
      Deadline("d", "D", "2019-01-24", "2019-01-28", "2019-01-31", GRANULARITY_VAGUE, "soon");
  Claim dept = StateDepartment("a", "A", "2019-01-24", "");
  Claim ven = VenezuelaGovernment("b", "B", "2019-01-24", "");
  struct Case {
    const Claim* a;
    const Claim* b;
    const Comparison* cmp;
    Relation expected;
  };
  const Case cases[] = {
      {&t12, &t20, &tolls, Relation::kHardConflict},
      {&t12, &t20plus, &tolls, Relation::kSoftConflict},
      {&t300, &t310, &tolls, Relation::kCompatible},
      {&sun, &sat, &deadlines, Relation::kHardConflict},
      {&sun, &sun, &deadlines, Relation::kEqual},
      {&weekend, &sun, &deadlines, Relation::kCompatible},
      {&vague, &sat, &deadlines, Relation::kSoftConflict},
      {&dept, &ven, &orders, Relation::kSoftConflict},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RelationName(Relate(*c.a, *c.b, *c.cmp, nullptr)), RelationName(c.expected))
        << c.a->display_value() << " vs " << c.b->display_value();
    EXPECT_EQ(RelationName(Relate(*c.b, *c.a, *c.cmp, nullptr)), RelationName(c.expected))
        << c.b->display_value() << " vs " << c.a->display_value();
  }
}

TEST(RelateTest, ExclusiveActorsConflictHard) {
  Comparison cmp = ComparisonOf("withdrawal_order");
  cmp.set_exclusive_actors(true);
  Claim dept = StateDepartment("a", "A", "2019-01-24", "");
  Claim ven = VenezuelaGovernment("b", "B", "2019-01-24", "");
  Claim gov = UsGovernment("c", "C", "2019-01-24", "");
  EXPECT_EQ(RelationName(Relate(dept, ven, cmp, nullptr)), RelationName(Relation::kHardConflict));
  EXPECT_EQ(RelationName(Relate(dept, gov, cmp, nullptr)), RelationName(Relation::kEqual));
}

TEST(RelateTest, ASoftConflictSaysWhatMayExplainIt) {
  const Comparison& cmp = ComparisonOf("death_toll");
  Claim a = Toll("a1", "A", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim b = Toll("b1", "B", "2019-01-25", QUALIFIER_EXACT, 20);
  SetScope(&a, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  SetScope(&b, "this week", "2019-01-21", "2019-01-27", GRANULARITY_WEEK);
  b.mutable_attribution()->set_hedged(true);
  std::string reason;
  EXPECT_EQ(RelationName(Relate(a, b, cmp, &reason)), RelationName(Relation::kSoftConflict));
  EXPECT_THAT(reason, HasSubstr("different time spans (Wednesday vs this week)"));
  EXPECT_THAT(reason, HasSubstr("at least one is hedged"));
  // Without a scope on either side, exact counts that differ conflict.
  Claim c = Toll("c1", "C", "2019-01-24", QUALIFIER_EXACT, 30);
  Claim d = Toll("d1", "D", "2019-01-24", QUALIFIER_EXACT, 40);
  EXPECT_EQ(RelationName(Relate(c, d, cmp, &reason)), RelationName(Relation::kHardConflict));
  EXPECT_THAT(reason, HasSubstr("no different time span given"));
}

TEST(RelateTest, DatesMatchOverlapOrDoNot) {
  const Comparison& cmp = ComparisonOf("deadline");
  Claim sun =
      Deadline("a", "A", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY, "Sunday");
  Claim sat =
      Deadline("b", "B", "2019-01-24", "2019-01-26", "2019-01-26", GRANULARITY_DAY, "Saturday");
  std::string reason;
  EXPECT_EQ(RelationName(Relate(sun, sun, cmp, &reason)), RelationName(Relation::kEqual));
  EXPECT_EQ(reason, "the dates match");
  EXPECT_EQ(RelationName(Relate(sun, sat, cmp, &reason)), RelationName(Relation::kHardConflict));
  EXPECT_EQ(reason, "the days do not overlap");
  // A hedged day may be wrong: only a soft conflict.
  sat.mutable_attribution()->set_hedged(true);
  EXPECT_EQ(RelationName(Relate(sun, sat, cmp, &reason)), RelationName(Relation::kSoftConflict));
  EXPECT_THAT(reason, HasSubstr("imprecise or hedged"));
}

TEST(RelateTest, ValuesOfDifferentTypesAreCompatible) {
  Claim toll = Toll("a1", "A", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim sunday =
      Deadline("b", "B", "2019-01-24", "2019-01-27", "2019-01-27", GRANULARITY_DAY, "Sunday");
  std::string reason;
  EXPECT_EQ(RelationName(Relate(toll, sunday, ComparisonOf("death_toll"), &reason)),
            RelationName(Relation::kCompatible));
  EXPECT_EQ(reason, "the values are of different types");
}

TEST(RelateTest, ClaimsOfAGroupRelateAsTheClaimsThemselves) {
  const Comparison& cmp = ComparisonOf("death_toll");
  const std::vector<Claim> claims = {Toll("a1", "A", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("b1", "B", "2019-01-24", QUALIFIER_AT_LEAST, 20),
                                     Toll("c1", "C", "2019-01-24", QUALIFIER_EXACT, 30)};
  ClaimGroup group = ClaimGroup::Of(claims);
  for (size_t i = 0; i < claims.size(); ++i) {
    for (size_t j = 0; j < claims.size(); ++j) {
      std::string whole, grouped, mixed;
      const Relation expected = Relate(claims[i], claims[j], cmp, &whole);
      EXPECT_EQ(RelationName(Relate(group.claims()[i], group.claims()[j], cmp, &grouped)),
                RelationName(expected));
      EXPECT_EQ(RelationName(Relate(group.claims()[i], claims[j], cmp, &mixed)),
                RelationName(expected));
      EXPECT_EQ(grouped, whole);
      EXPECT_EQ(mixed, whole);
    }
  }
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

// A claim of the time the event happened: minutes after local midnight.
Claim Clock(int from, int to, bool exact, const char* day = "", int offset = 0,
            bool has_offset = false, bool explicit_zone = false) {
  Claim c;
  c.set_kind("event_time");
  c.set_subject("time the fire broke out");
  TimeInterval* t = c.mutable_time();
  t->set_has_clock(true);
  t->set_clock_from(from);
  t->set_clock_to(to);
  t->set_clock_exact(exact);
  t->set_start(day);
  t->set_end(day);
  if (*day != '\0') t->set_granularity(GRANULARITY_DAY);
  if (has_offset) t->set_utc_offset(offset);
  t->set_zone_explicit(explicit_zone);
  if (explicit_zone) t->set_zone("gmt");
  return c;
}

int Hm(int h, int m) { return h * 60 + m; }

TEST(RelateClocksTest, TimesOfDayInTheirZones) {
  const Comparison& cmp = ::crosscheck::testing::ComparisonOf("event_time");
  struct Case {
    const char* name;
    Claim a;
    Claim b;
    Relation want;
  };
  const Case cases[] = {
      {"6:08 p.m. is just after 6 p.m.", Clock(Hm(18, 8), Hm(18, 8), true),
       Clock(Hm(18, 1), Hm(18, 15), false), Relation::kCompatible},
      {"around 7 pm allows 6:50 p.m.", Clock(Hm(18, 45), Hm(19, 15), false),
       Clock(Hm(18, 50), Hm(18, 50), true), Relation::kCompatible},
      {"around 6 pm is not 6:50 p.m.", Clock(Hm(17, 45), Hm(18, 15), false),
       Clock(Hm(18, 50), Hm(18, 50), true), Relation::kSoftConflict},
      {"8.45 and 8:45 are one time", Clock(Hm(8, 45), Hm(8, 45), true),
       Clock(Hm(8, 45), Hm(8, 45), true), Relation::kEqual},
      {"6:40 pm and 6:50 p.m., both to the minute", Clock(Hm(18, 40), Hm(18, 40), true),
       Clock(Hm(18, 50), Hm(18, 50), true), Relation::kHardConflict},
      // "0912 GMT" and "9:12 a.m. local time" five hours ahead of GMT are
      // five hours apart.
      {"0912 GMT vs 9:12 a.m. local time at UTC+5",
       Clock(Hm(9, 12), Hm(9, 12), true, "", 0, true, true),
       Clock(Hm(9, 12), Hm(9, 12), true, "", 300, true), Relation::kHardConflict},
      {"1600 GMT is 6 pm at UTC+2", Clock(Hm(16, 0), Hm(16, 0), false, "", 0, true, true),
       Clock(Hm(17, 45), Hm(18, 15), false, "", 120, true), Relation::kCompatible},
      {"a named zone against an unknown one is not compared",
       Clock(Hm(16, 0), Hm(16, 0), false, "", 0, true, true), Clock(Hm(18, 50), Hm(18, 50), true),
       Relation::kCompatible},
      {"Monday 6:50 p.m. vs Tuesday 6:50 p.m.", Clock(Hm(18, 50), Hm(18, 50), true, "2019-04-15"),
       Clock(Hm(18, 50), Hm(18, 50), true, "2019-04-16"), Relation::kHardConflict},
      {"shortly before midnight vs 00:05 the next day",
       Clock(Hm(0, 0) - 15, Hm(0, 0) - 1, false, "2019-04-16"),
       Clock(Hm(0, 5), Hm(0, 5), true, "2019-04-16"), Relation::kSoftConflict},
      {"23:55 vs 00:05 with no day: ten minutes apart, not a day",
       Clock(Hm(23, 55), Hm(23, 55), true), Clock(Hm(0, 5), Hm(0, 5), true),
       Relation::kHardConflict},
      {"just before midnight includes 23:55 of the day before without days",
       Clock(Hm(23, 55), Hm(23, 55), true), Clock(-15, -1, false), Relation::kCompatible},
  };
  for (const Case& c : cases) {
    std::string reason;
    EXPECT_EQ(::crosscheck::testing::RelationName(Relate(c.a, c.b, cmp, &reason)),
              ::crosscheck::testing::RelationName(c.want))
        << c.name << ": " << reason;
    EXPECT_FALSE(reason.empty()) << c.name;
  }
}

TEST(RelateClocksTest, LocalClocksAreComparedAsWrittenWhateverPlaceTheirArticlesName) {
  const Comparison& cmp = ::crosscheck::testing::ComparisonOf("event_time");
  // 8:45 in an article placed in Colombo (UTC+5:30), 8:30 in one whose first
  // place is Christchurch (UTC+12): one event's local times, 15 minutes
  // apart, not 15 hours.
  Claim colombo = Clock(Hm(8, 45), Hm(8, 45), true, "", 330, true);
  colombo.mutable_time()->set_offset_from_place(true);
  Claim christchurch = Clock(Hm(8, 30), Hm(8, 30), false, "", 720, true);
  christchurch.mutable_time()->set_offset_from_place(true);
  std::string reason;
  EXPECT_EQ(::crosscheck::testing::RelationName(Relate(colombo, christchurch, cmp, &reason)),
            ::crosscheck::testing::RelationName(Relation::kSoftConflict));
  EXPECT_THAT(reason, HasSubstr("08:45 local time vs 08:30 local time"));
}

TEST(RelateClocksTest, AClockAgainstADayOnlyComparesDaysWhenBothHaveOne) {
  const Comparison& cmp = ::crosscheck::testing::ComparisonOf("event_time");
  Claim clock_only = Clock(Hm(18, 50), Hm(18, 50), true);
  Claim day_only;
  day_only.set_kind("event_time");
  day_only.mutable_time()->set_start("2019-04-16");
  day_only.mutable_time()->set_end("2019-04-16");
  day_only.mutable_time()->set_granularity(GRANULARITY_DAY);
  EXPECT_EQ(::crosscheck::testing::RelationName(Relate(clock_only, day_only, cmp, nullptr)),
            ::crosscheck::testing::RelationName(Relation::kCompatible));
  Claim monday_clock = Clock(Hm(18, 50), Hm(18, 50), true, "2019-04-15");
  EXPECT_EQ(::crosscheck::testing::RelationName(Relate(monday_clock, day_only, cmp, nullptr)),
            ::crosscheck::testing::RelationName(Relation::kHardConflict));
}

}  // namespace
}  // namespace crosscheck
