#include "checker/compare/claim_days.h"

#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/compare/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Pointers;
using ::crosscheck::testing::SetScope;
using ::crosscheck::testing::Toll;
using ::testing::ElementsAre;
using ::testing::SizeIs;

TEST(DateClaimTest, ParsesThePublicationAndTheScopeOnce) {
  Claim scoped = Toll("a", "A", "2019-01-25", QUALIFIER_EXACT, 12);
  SetScope(&scoped, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  Claim week = Toll("b", "B", "2019-01-24", QUALIFIER_EXACT, 12);
  SetScope(&week, "this week", "2019-01-21", "2019-01-27", GRANULARITY_WEEK);
  Claim not_a_day = Toll("c", "C", "2019-01-24", QUALIFIER_EXACT, 12);
  SetScope(&not_a_day, "early 2019", "2019", "2019", GRANULARITY_YEAR);
  Claim undated = Toll("d", "D", "", QUALIFIER_EXACT, 12);
  const std::vector<Claim> claims = {scoped, week, not_a_day, undated};
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<GroupClaim>& g = group.claims();

  const DatedClaim a = DateClaim(g[0], 7);
  EXPECT_EQ(a.claim, &g[0]);
  EXPECT_EQ(a.order, 7);
  EXPECT_EQ(a.scope_start, a.day - 2);
  EXPECT_EQ(a.scope_end, a.day - 2);
  const DatedClaim b = DateClaim(g[1], 0);
  EXPECT_EQ(b.day, a.day - 1);
  EXPECT_EQ(b.scope_end - b.scope_start, 6);
  const DatedClaim c = DateClaim(g[2], 0);
  EXPECT_EQ(c.day, b.day);
  EXPECT_EQ(c.scope_start, kUndatedDay);
  EXPECT_EQ(c.scope_end, kUndatedDay);
  const DatedClaim d = DateClaim(g[3], 0);
  EXPECT_EQ(d.day, kUndatedDay);
  EXPECT_EQ(d.scope_start, kUndatedDay);
}

TEST(TimesApartTest, ScopesThatDoNotMeetAreApart) {
  Claim now = Toll("a", "A", "2005-11-28", QUALIFIER_EXACT, 10);
  Claim also_now = Toll("b", "B", "2005-11-29", QUALIFIER_EXACT, 12);
  Claim february = Toll("c", "C", "2005-11-28", QUALIFIER_EXACT, 612);
  SetScope(&february, "In February", "2005-02-01", "2005-02-28", GRANULARITY_MONTH);
  Claim this_week = Toll("d", "D", "2005-11-28", QUALIFIER_EXACT, 14);
  SetScope(&this_week, "this week", "2005-11-21", "2005-11-27", GRANULARITY_WEEK);
  Claim undated = Toll("e", "E", "", QUALIFIER_EXACT, 3);
  Claim september = Toll("f", "F", "", QUALIFIER_EXACT, 3);
  september.mutable_scope()->set_granularity(GRANULARITY_MONTH);  // "in September", year unknown
  const std::vector<Claim> claims = {now, also_now, february, this_week, undated, september};
  ClaimGroup group = ClaimGroup::Of(claims);
  std::vector<DatedClaim> d;
  for (const GroupClaim& c : group.claims()) d.push_back(DateClaim(c, 0));
  const int window = 7;
  // Both about "now".
  EXPECT_FALSE(TimesApart(d[0], d[1], window));
  // A count for February is no rival of today's.
  EXPECT_TRUE(TimesApart(d[0], d[2], window));
  EXPECT_TRUE(TimesApart(d[2], d[0], window));
  // This week meets the week before publication.
  EXPECT_FALSE(TimesApart(d[0], d[3], window));
  EXPECT_FALSE(TimesApart(d[0], d[3], 1));
  EXPECT_TRUE(TimesApart(d[0], d[3], 0));
  // A background number against a claim of unknown time.
  EXPECT_TRUE(TimesApart(d[2], d[4], window));
  // Two unscoped claims, one undated: both "now".
  EXPECT_FALSE(TimesApart(d[0], d[4], window));
  // A month of an unknown year meets nothing.
  EXPECT_TRUE(TimesApart(d[5], d[0], window));
  EXPECT_TRUE(TimesApart(d[4], d[5], window));
}

TEST(TimesApartTest, AScopeThatIsNotADayFallsBackToItsText) {
  Claim year = Toll("a", "A", "2019-06-01", QUALIFIER_EXACT, 10);
  SetScope(&year, "in 2019", "2019", "2019", GRANULARITY_YEAR);
  Claim now = Toll("b", "B", "2019-06-01", QUALIFIER_EXACT, 12);
  Claim later = Toll("c", "C", "2021-06-01", QUALIFIER_EXACT, 12);
  const std::vector<Claim> claims = {year, now, later};
  ClaimGroup group = ClaimGroup::Of(claims);
  std::vector<DatedClaim> d;
  for (const GroupClaim& c : group.claims()) d.push_back(DateClaim(c, 0));
  // The scope "2019" is compared as text with the week before publication
  // ("2019-05-25".."2019-06-01"): it sorts before it, so they are apart.
  EXPECT_TRUE(TimesApart(d[0], d[1], 7));
  EXPECT_TRUE(TimesApart(d[0], d[2], 7));
}

TEST(DaysApartTest, CountsDaysBetweenPublications) {
  const std::vector<Claim> claims = {Toll("a", "A", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("b", "B", "2019-03-14", QUALIFIER_EXACT, 12),
                                     Toll("c", "C", "", QUALIFIER_EXACT, 12)};
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<GroupClaim>& g = group.claims();
  EXPECT_EQ(DaysApart(g[0], g[1]), 49);
  EXPECT_EQ(DaysApart(g[1], g[0]), 49);
  EXPECT_EQ(DaysApart(g[0], g[2]), 0);
  EXPECT_EQ(PublishedDaysApart(DateClaim(g[1], 0), DateClaim(g[0], 1)), 49);
  EXPECT_EQ(PublishedDaysApart(DateClaim(g[0], 0), DateClaim(g[2], 1)), absl::nullopt);
}

TEST(PublicationWindowsTest, AWindowEndsUpdateAfterDaysAfterItsLastClaim) {
  const std::vector<Claim> claims = {Toll("d", "D", "2019-02-20", QUALIFIER_EXACT, 12),
                                     Toll("a", "A", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("c", "C", "2019-02-05", QUALIFIER_EXACT, 12),
                                     Toll("b", "B", "2019-01-30", QUALIFIER_EXACT, 12),
                                     Toll("u", "U", "", QUALIFIER_EXACT, 12)};
  ClaimGroup group = ClaimGroup::Of(claims);
  auto ids = [](const std::vector<const GroupClaim*>& window) {
    std::vector<std::string> out;
    for (const GroupClaim* c : window) out.push_back(c->article_id());
    return out;
  };
  // By date (the undated first, in the window of the first dated claim: it
  // is 0 days from anything); b is 6 days after a, c 6 after b, d 15 after
  // c.
  std::vector<std::vector<const GroupClaim*>> windows =
      PublicationWindows(Pointers(group), /*update_after_days=*/7);
  ASSERT_THAT(windows, SizeIs(2));
  EXPECT_THAT(ids(windows[0]), ElementsAre("u", "a", "b", "c"));
  EXPECT_THAT(ids(windows[1]), ElementsAre("d"));
  windows = PublicationWindows(Pointers(group), 6);
  ASSERT_THAT(windows, SizeIs(4));
  EXPECT_THAT(ids(windows[0]), ElementsAre("u", "a"));
  windows = PublicationWindows(Pointers(group), 0);
  ASSERT_THAT(windows, SizeIs(1));
  EXPECT_THAT(ids(windows[0]), ElementsAre("u", "a", "b", "c", "d"));
}

}  // namespace
}  // namespace crosscheck
