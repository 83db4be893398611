#include "checker/score/group_votes.h"

#include <limits>
#include <string>
#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/internal/shipped_rules.h"
#include "checker/score/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Amount;
using ::crosscheck::testing::ShippedRules;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

// A finding of `verdict` over `claims`.
Finding Over(const std::string& id, Verdict verdict, const std::vector<Claim>& claims) {
  Finding f;
  f.set_id(id);
  f.set_kind("death_toll");
  f.set_subject("deaths");
  f.set_verdict(verdict);
  for (const Claim& c : claims) *f.add_claims() = c;
  return f;
}

GroupVotes Votes(const std::vector<Claim>& claims, const std::vector<Finding>& findings,
                 const std::vector<Copy>& copies = {}) {
  return CountGroupVotes(ShippedRules(), SourcesOfCopies(copies), ClaimGroup::Of(claims), findings);
}

TEST(VoiceOfTest, TheOutletOrElseTheArticle) {
  EXPECT_EQ(VoiceOf(Amount("a", "A", 1)), "A");
  EXPECT_EQ(VoiceOf(Amount("a", "", 1)), "a");
}

TEST(SourcesOfCopiesTest, EachSourceOnceInOrder) {
  std::vector<Copy> copies(3);
  copies[0].set_copier("c");
  copies[0].set_source("z");
  copies[1].set_copier("c");
  copies[1].set_source("a");
  copies[2].set_copier("c");
  copies[2].set_source("z");
  CopySources sources = SourcesOfCopies(copies);
  EXPECT_THAT(sources, ElementsAre(Pair("c", ElementsAre("a", "z"))));
}

TEST(CountGroupVotesTest, CountsClaimsAttributionsAndAgreements) {
  Claim named = Amount("a", "A", 12);
  named.mutable_attribution()->set_source("the police");
  named.mutable_attribution()->set_named(true);
  Claim anonymous = Amount("a2", "A", 12);
  anonymous.mutable_attribution()->set_source("officials");
  std::vector<Claim> claims = {named, anonymous, Amount("b", "B", 12), Amount("b2", "B", 12)};
  GroupVotes votes = Votes(claims, {Over("f1", AGREEMENT, claims)});
  ASSERT_EQ(votes.counts.size(), 2u);
  EXPECT_EQ(votes.counts["A"].claims, 2);
  EXPECT_EQ(votes.counts["A"].named, 1);
  EXPECT_EQ(votes.counts["A"].anonymous, 1);
  EXPECT_EQ(votes.counts["B"].claims, 2);
  EXPECT_EQ(votes.counts["B"].named + votes.counts["B"].anonymous, 0);
  // One agreement per voice, however many of its claims it holds.
  EXPECT_THAT(votes.agreements, ElementsAre(Pair("A", 1), Pair("B", 1)));
  EXPECT_THAT(votes.conflicts, IsEmpty());
}

TEST(CountGroupVotesTest, StatingVoicesSupportTheirSideFully) {
  std::vector<Claim> claims = {Amount("a", "A", 12), Amount("b", "B", 12), Amount("x", "X", 20)};
  GroupVotes votes = Votes(claims, {Over("f1", CONTRADICTION, claims)});
  ASSERT_EQ(votes.conflicts.size(), 1u);
  const NamedConflict& c = votes.conflicts[0];
  EXPECT_EQ(c.finding_id, "f1");
  ASSERT_EQ(c.sides.size(), 2u);
  EXPECT_THAT(c.sides[0].support, ElementsAre(Pair("A", 1.0), Pair("B", 1.0)));
  EXPECT_THAT(c.sides[1].support, ElementsAre(Pair("X", 1.0)));
}

TEST(CountGroupVotesTest, ACompatibleClaimSupportsHalf) {
  Claim at_least = Amount("c", "C", 10);
  at_least.mutable_quantity()->set_upper(std::numeric_limits<double>::infinity());
  at_least.mutable_quantity()->set_qualifier(QUALIFIER_AT_LEAST);
  at_least.set_display_value("at least 10");
  std::vector<Claim> claims = {Amount("a", "A", 12), Amount("x", "X", 20), at_least};
  GroupVotes votes = Votes(claims, {Over("f1", CONTRADICTION, {claims[0], claims[1]})});
  ASSERT_EQ(votes.conflicts.size(), 1u);
  EXPECT_THAT(votes.conflicts[0].sides[0].support, ElementsAre(Pair("A", 1.0), Pair("C", 0.5)));
  EXPECT_THAT(votes.conflicts[0].sides[1].support, ElementsAre(Pair("C", 0.5), Pair("X", 1.0)));
}

TEST(CountGroupVotesTest, NegatedClaimsAndCopiesDoNotVote) {
  Claim negated = Amount("n", "N", 12);
  negated.mutable_attribution()->set_negated(true);
  std::vector<Claim> claims = {Amount("a", "A", 12), Amount("x", "X", 20), Amount("r", "Ring", 20),
                               negated};
  std::vector<Copy> copies(1);
  copies[0].set_copier("r");
  copies[0].set_source("x");
  GroupVotes votes = Votes(claims, {Over("f1", CONTRADICTION, claims)}, copies);
  ASSERT_EQ(votes.conflicts.size(), 1u);
  EXPECT_THAT(votes.conflicts[0].sides[0].support, ElementsAre(Pair("A", 1.0)));
  EXPECT_THAT(votes.conflicts[0].sides[1].support, ElementsAre(Pair("X", 1.0)));
  // Still counted as claims.
  EXPECT_EQ(votes.counts["N"].claims, 1);
  EXPECT_EQ(votes.counts["Ring"].claims, 1);
}

TEST(CountGroupVotesTest, ClaimsWeeksAwayDoNotVote) {
  std::vector<Claim> claims = {Amount("a", "A", 12, "2019-01-24"),
                               Amount("x", "X", 20, "2019-01-25"),
                               Amount("late", "Late", 12, "2019-03-01")};
  GroupVotes votes = Votes(claims, {Over("f1", CONTRADICTION, {claims[0], claims[1]})});
  ASSERT_EQ(votes.conflicts.size(), 1u);
  EXPECT_THAT(votes.conflicts[0].sides[0].support, ElementsAre(Pair("A", 1.0)));
  // Undated, it is near every finding.
  claims[2].set_published("");
  votes = Votes(claims, {Over("f1", CONTRADICTION, {claims[0], claims[1]})});
  EXPECT_THAT(votes.conflicts[0].sides[0].support, ElementsAre(Pair("A", 1.0), Pair("Late", 1.0)));
}

TEST(CountGroupVotesTest, UnknownKindsAndSingleValuesCastNoVote) {
  std::vector<Claim> claims = {Amount("a", "A", 12), Amount("x", "X", 20)};
  Finding unknown = Over("f1", CONTRADICTION, claims);
  unknown.set_kind("no_such_kind");
  Finding one_value = Over("f2", DISCREPANCY, {claims[0]});
  GroupVotes votes = Votes(claims, {unknown, one_value});
  EXPECT_THAT(votes.conflicts, IsEmpty());
}

TEST(CountGroupVotesTest, AllNegatedStillCounts) {
  Claim negated = Amount("n", "N", 12);
  negated.mutable_attribution()->set_negated(true);
  GroupVotes votes = Votes({negated}, {Over("f1", CONTRADICTION, {negated, Amount("x", "X", 20)})});
  EXPECT_EQ(votes.counts["N"].claims, 1);
  EXPECT_THAT(votes.conflicts, IsEmpty());
}

}  // namespace
}  // namespace crosscheck
