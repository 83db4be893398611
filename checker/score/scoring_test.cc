#include "checker/score/scoring.h"

#include <cmath>
#include <string>
#include <vector>

#include "checker/score/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Amount;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A finding of `verdict` with claims of `values` (articles "a0", "a1", ...).
Finding Over(const std::string& id, Verdict verdict, const std::vector<int>& values) {
  Finding f;
  f.set_id(id);
  f.set_kind("death_toll");
  f.set_subject("deaths");
  f.set_verdict(verdict);
  for (size_t i = 0; i < values.size(); ++i) {
    *f.add_claims() = Amount("a" + std::to_string(i), "", values[i]);
  }
  return f;
}

SideVote Side(int value, std::vector<std::pair<int, double>> support) {
  return SideVote{std::to_string(value), std::move(support)};
}

const std::vector<std::pair<std::string, std::string>> kGroups = {{"death_toll", "deaths"},
                                                                  {"other", "deaths"}};

TEST(PlaceVotesTest, VotesInTheReportsOrderMatchedByIdAndGroup) {
  Report report;
  *report.add_findings() = Over("f0", CONTRADICTION, {1, 2});
  *report.add_findings() = Over("f1", CONTRADICTION, {1, 2});
  std::vector<ConflictVote> votes = {{"f1", 0, {}}, {"gone", 0, {}}, {"f0", 1, {}}, {"f0", 0, {}}};
  std::vector<PlacedVote> placed = PlaceVotes(votes, kGroups, report);
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[0].finding, 0);
  EXPECT_EQ(placed[0].vote, &votes[3]);
  EXPECT_EQ(placed[1].finding, 1);
  EXPECT_EQ(placed[1].vote, &votes[0]);
}

TEST(BuildConflictsTest, SidesNeedTheirValueAndConflictsTwoSides) {
  Report report;
  *report.add_findings() = Over("f0", CONTRADICTION, {12, 20});
  *report.add_findings() = Over("f1", CONTRADICTION, {12, 20});
  report.mutable_findings(1)->mutable_review()->set_decision(DECISION_DISMISSED);
  *report.add_findings() = Over("f2", CONTRADICTION, {12, 20});
  ConflictVote three = {"f0", 0, {Side(12, {{0, 1}}), Side(20, {{1, 1}}), Side(99, {{2, 1}})}};
  ConflictVote dismissed = {"f1", 0, {Side(12, {{0, 1}}), Side(20, {{1, 1}})}};
  ConflictVote one = {"f2", 0, {Side(12, {{0, 1}}), Side(99, {{1, 1}})}};
  ScoredConflicts scored =
      BuildConflicts({{0, &three}, {1, &dismissed}, {2, &one}}, {"A", "B", "C"}, &report);
  ASSERT_EQ(scored.conflicts.size(), 1u);
  const ScoredConflict& c = scored.conflicts[0];
  EXPECT_EQ(c.finding, report.mutable_findings(0));
  ASSERT_EQ(c.sides.size(), 2u);  // no claim of 99 in the finding
  EXPECT_EQ(c.sides[0].example, &report.findings(0).claims(0));
  EXPECT_EQ(c.sides[1].example, &report.findings(0).claims(1));
  EXPECT_EQ(c.sides[0].label, -1);
}

TEST(BuildConflictsTest, OneValueStatedTwiceIsOneSlot) {
  Report report;
  *report.add_findings() = Over("f0", CONTRADICTION, {12, 20});
  *report.add_findings() = Over("f1", CONTRADICTION, {12, 30});
  *report.add_findings() = Over("f2", DISPUTED, {12, 40});
  // Voice 1 ("A") states 12 in both conflicts; voice 0 ("B") is compatible.
  ConflictVote v0 = {"f0", 0, {Side(12, {{0, 0.5}, {1, 1}}), Side(20, {{2, 1}})}};
  ConflictVote v1 = {"f1", 0, {Side(12, {{1, 1}}), Side(30, {{0, 1}})}};
  ConflictVote v2 = {"f2", 0, {Side(12, {{1, 1}}), Side(40, {{2, 1}})}};
  ScoredConflicts scored = BuildConflicts({{0, &v0}, {1, &v1}, {2, &v2}}, {"B", "A", "C"}, &report);
  ASSERT_EQ(scored.conflicts.size(), 3u);
  // Slots by (voice name, kind, subject, value): A/12, B/30, C/20.
  EXPECT_THAT(scored.slot_voice, ElementsAre(1, 0, 2));
  EXPECT_THAT(scored.conflicts[0].sides[0].slots, ElementsAre(-1, 0));
  EXPECT_THAT(scored.conflicts[0].sides[1].slots, ElementsAre(2));
  EXPECT_THAT(scored.conflicts[1].sides[0].slots, ElementsAre(0));
  EXPECT_THAT(scored.conflicts[1].sides[1].slots, ElementsAre(1));
  // A disputed account is no evidence.
  EXPECT_THAT(scored.conflicts[2].sides[0].slots, IsEmpty());
}

TEST(BuildConflictsTest, AReviewersArticleLabelsTheSides) {
  Report report;
  *report.add_findings() = Over("f0", CONTRADICTION, {12, 20});
  report.mutable_findings(0)->mutable_review()->set_correct_article_id("a1");
  ConflictVote vote = {"f0", 0, {Side(12, {{0, 1}}), Side(20, {{1, 1}})}};
  ScoredConflicts scored = BuildConflicts({{0, &vote}}, {"A", "B"}, &report);
  ASSERT_EQ(scored.conflicts.size(), 1u);
  EXPECT_EQ(scored.conflicts[0].sides[0].label, 0);
  EXPECT_EQ(scored.conflicts[0].sides[1].label, 1);
}

TEST(PriorsOfTest, SuppliedWhereNamedElseTheDefault) {
  OutletPriors priors;
  OutletPrior* p = priors.add_priors();
  p->set_outlet("B");
  p->set_score(0.9);
  priors.add_priors()->set_outlet("Unknown");
  VoicePriors prior = PriorsOf(priors, {{"A", 0}, {"B", 1}}, 2);
  EXPECT_THAT(prior.score, ElementsAre(kDefaultPrior, 0.9));
  EXPECT_THAT(prior.supplied, ElementsAre(false, true));
}

TEST(IterateTrustTest, AgreementsAloneMoveThePrior) {
  std::vector<ScoredConflict> none;
  TrustEstimate t = IterateTrust({0.5, 0.5}, {0, 2}, {}, &none);
  EXPECT_DOUBLE_EQ(t.trust[0], 0.5);
  EXPECT_DOUBLE_EQ(t.trust[1], (kPriorStrength * 0.5 + 2) / (kPriorStrength + 2));
  EXPECT_THAT(t.evidence, ElementsAre(0, 2));
}

TEST(IterateTrustTest, TheMajorityWinsAndTheLoserLosesTrust) {
  Report report;
  *report.add_findings() = Over("f0", CONTRADICTION, {12, 20});
  ConflictVote vote = {"f0", 0, {Side(12, {{0, 1}, {1, 1}}), Side(20, {{2, 1}})}};
  ScoredConflicts scored = BuildConflicts({{0, &vote}}, {"A", "B", "C"}, &report);
  TrustEstimate t = IterateTrust(std::vector<double>(3, kDefaultPrior), {0, 0, 0},
                                 scored.slot_voice, &scored.conflicts);
  const ScoredConflict& c = scored.conflicts[0];
  EXPECT_GT(c.sides[0].p, 0.6);
  EXPECT_DOUBLE_EQ(c.sides[0].p + c.sides[1].p, 1.0);
  EXPECT_GT(t.trust[0], kDefaultPrior);
  EXPECT_LT(t.trust[2], kDefaultPrior);
  EXPECT_THAT(t.evidence, ElementsAre(1, 1, 1));
  EXPECT_EQ(&BestSide(c), &c.sides[0]);
  EXPECT_FALSE(IsLost(c.sides[0], c));
  EXPECT_TRUE(IsLost(c.sides[1], c));
}

TEST(IterateTrustTest, ALabelIsTheSidesProbability) {
  Report report;
  *report.add_findings() = Over("f0", CONTRADICTION, {12, 20});
  report.mutable_findings(0)->mutable_review()->set_correct_article_id("a1");
  ConflictVote vote = {"f0", 0, {Side(12, {{0, 1}, {1, 1}}), Side(20, {{2, 1}})}};
  ScoredConflicts scored = BuildConflicts({{0, &vote}}, {"A", "B", "C"}, &report);
  TrustEstimate t = IterateTrust(std::vector<double>(3, kDefaultPrior), {0, 0, 0},
                                 scored.slot_voice, &scored.conflicts);
  EXPECT_EQ(scored.conflicts[0].sides[0].p, 0);
  EXPECT_EQ(scored.conflicts[0].sides[1].p, 1);
  EXPECT_DOUBLE_EQ(t.trust[2], (kPriorStrength * kDefaultPrior + 1) / (kPriorStrength + 1));
}

TEST(BestSideTest, TheFirstOfEquals) {
  ScoredConflict c;
  c.sides.resize(3);
  c.sides[0].p = 0.4;
  c.sides[1].p = 0.4;
  c.sides[2].p = 0.2;
  EXPECT_EQ(&BestSide(c), &c.sides[0]);
}

TEST(IsLostTest, ADisputedAccountIsNeverLost) {
  Finding f;
  f.set_verdict(DISPUTED);
  ScoredConflict c;
  c.finding = &f;
  c.sides.resize(1);
  c.sides[0].p = 0.1;
  EXPECT_FALSE(IsLost(c.sides[0], c));
}

TEST(SupportersOfTest, ByNameStatedApartFromCompatible) {
  SideVote vote = Side(12, {{0, 1}, {1, 0.5}, {2, 1}});
  ConflictSide side;
  side.vote = &vote;
  Supporters who = SupportersOf(side, {"Zeta", "Beta", "Alpha"});
  EXPECT_THAT(who.stated_by, ElementsAre("Alpha", "Zeta"));
  EXPECT_THAT(who.compatible, ElementsAre("Beta"));
}

TEST(UncertaintyTest, ThreePiecesPerArticleCount) {
  EXPECT_EQ(EffectiveEvidence(10, 2), 6);
  EXPECT_EQ(EffectiveEvidence(10, 0), 3);
  EXPECT_EQ(EffectiveEvidence(2, 5), 2);
  EXPECT_DOUBLE_EQ(Uncertainty(0.7, 0), std::sqrt(0.7 * 0.3 / 3));
  EXPECT_LT(Uncertainty(0.7, 15), Uncertainty(0.7, 3));
}

}  // namespace
}  // namespace crosscheck
