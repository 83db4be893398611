#include "checker/compare/buckets.h"

#include <string>
#include <vector>

#include "checker/compare/claim_days.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::ComparisonOf;
using ::crosscheck::testing::Pointers;
using ::crosscheck::testing::SetPlace;
using ::crosscheck::testing::SetScope;
using ::crosscheck::testing::Toll;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// The article ids of the pairs, "x-y".
std::vector<std::string> Ids(const std::vector<ClaimBuckets::Pair>& pairs) {
  std::vector<std::string> out;
  for (const auto& [x, y] : pairs) {
    out.push_back(x->claim->article_id() + "-" + y->claim->article_id());
  }
  return out;
}

TEST(ClaimBucketsTest, ClaimsOfOneValueShareABucket) {
  std::vector<Claim> claims;
  for (int i = 0; i < 3; ++i) {
    claims.push_back(Toll("x" + std::to_string(i), "X", "2019-01-24", QUALIFIER_EXACT, 12));
    claims.push_back(Toll("y" + std::to_string(i), "Y", "2019-01-24", QUALIFIER_EXACT, 20));
  }
  ClaimGroup group = ClaimGroup::Of(claims);
  const ClaimBuckets buckets(Pointers(group), ComparisonOf("death_toll"));
  ASSERT_EQ(buckets.size(), 2u);
  EXPECT_EQ(buckets.Representative(0).display_value(), "12");
  EXPECT_EQ(buckets.Representative(1).display_value(), "20");
  ASSERT_THAT(buckets.Bucket(0), SizeIs(3));
  EXPECT_EQ(buckets.Bucket(0)[1].order, 2);  // positions among the claims given
  std::vector<size_t> later;
  buckets.LaterNeighbours(0, &later);
  EXPECT_THAT(later, ElementsAre(1));
  buckets.LaterNeighbours(1, &later);
  EXPECT_THAT(later, IsEmpty());
  std::vector<ClaimBuckets::Pair> pairs;
  buckets.Pairs(0, 1, &pairs);
  EXPECT_THAT(Ids(pairs), ElementsAre("x0-y0", "x0-y1", "x0-y2", "x1-y0", "x1-y1", "x1-y2", "x2-y0",
                                      "x2-y1", "x2-y2"));
}

TEST(ClaimBucketsTest, ScopeHedgingAndPlaceMakeBucketsOfTheirOwn) {
  Claim plain = Toll("a", "A", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim scoped = plain;
  SetScope(&scoped, "Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  Claim hedged = plain;
  hedged.mutable_attribution()->set_hedged(true);
  Claim elsewhere = plain;
  SetPlace(&elsewhere, "Troy", {"michigan"});
  const std::vector<Claim> claims = {plain, scoped, hedged, elsewhere};
  ClaimGroup group = ClaimGroup::Of(claims);
  // death_toll separates places.
  EXPECT_EQ(ClaimBuckets(Pointers(group), ComparisonOf("death_toll")).size(), 4u);
  Comparison together = ComparisonOf("death_toll");
  together.set_separate_places(false);
  EXPECT_EQ(ClaimBuckets(Pointers(group), together).size(), 3u);
}

TEST(ClaimBucketsTest, OnlyClaimsWithinTheWindowArePaired) {
  // death_toll compares within 60 days of publication.
  const std::vector<Claim> claims = {Toll("a", "A", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("b", "B", "2019-01-25", QUALIFIER_EXACT, 20),
                                     Toll("c", "C", "2021-05-30", QUALIFIER_EXACT, 20),
                                     Toll("d", "D", "2021-05-31", QUALIFIER_EXACT, 12)};
  ClaimGroup group = ClaimGroup::Of(claims);
  const Comparison& comparison = ComparisonOf("death_toll");
  ASSERT_EQ(comparison.compare_within_days(), 60);
  const ClaimBuckets buckets(Pointers(group), comparison);
  // 12 and 20 of each block: four buckets, by value, then block.
  ASSERT_EQ(buckets.size(), 4u);
  std::vector<std::string> firsts;
  for (size_t b = 0; b < buckets.size(); ++b) {
    firsts.push_back(buckets.Representative(b).article_id());
  }
  EXPECT_THAT(firsts, ElementsAre("a", "d", "b", "c"));
  std::vector<size_t> later;
  buckets.LaterNeighbours(0, &later);  // a: b only, years from c and d
  EXPECT_THAT(later, ElementsAre(2));
  buckets.LaterNeighbours(1, &later);  // d: c
  EXPECT_THAT(later, ElementsAre(3));
  // Without the window, every later bucket, and every pair.
  Comparison no_window = comparison;
  no_window.set_compare_within_days(0);
  const ClaimBuckets all(Pointers(group), no_window);
  ASSERT_EQ(all.size(), 2u);
  all.LaterNeighbours(0, &later);
  EXPECT_THAT(later, ElementsAre(1));
  std::vector<ClaimBuckets::Pair> pairs;
  all.Pairs(0, 1, &pairs);
  EXPECT_THAT(Ids(pairs), ElementsAre("a-b", "a-c", "d-b", "d-c"));
}

TEST(ClaimBucketsTest, AnUndatedClaimPairsWithEveryClaim) {
  const std::vector<Claim> claims = {Toll("a", "A", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("u", "U", "", QUALIFIER_EXACT, 12),
                                     Toll("b", "B", "2019-01-25", QUALIFIER_EXACT, 20),
                                     Toll("c", "C", "2019-06-01", QUALIFIER_EXACT, 20)};
  ClaimGroup group = ClaimGroup::Of(claims);
  const ClaimBuckets buckets(Pointers(group), ComparisonOf("death_toll"));
  // 12 undated (u: its block sorts first), 12 (a), 20 (b), 20 (c, two
  // blocks of 60 days later).
  ASSERT_EQ(buckets.size(), 4u);
  EXPECT_EQ(buckets.Representative(0).article_id(), "u");
  std::vector<size_t> later;
  std::vector<ClaimBuckets::Pair> pairs;
  std::vector<std::string> all;
  for (size_t b = 0; b < buckets.size(); ++b) {
    buckets.LaterNeighbours(b, &later);
    for (size_t c : later) {
      buckets.Pairs(b, c, &pairs);
      for (const std::string& id : Ids(pairs)) all.push_back(id);
    }
  }
  // u pairs with everything; c is too far from a and b.
  EXPECT_THAT(all, ElementsAre("u-a", "u-b", "u-c", "a-b"));
}

}  // namespace
}  // namespace crosscheck
