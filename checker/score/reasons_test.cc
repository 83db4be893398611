#include "checker/score/reasons.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAre;

TEST(PercentTest, WholePercent) {
  EXPECT_EQ(Percent(0.8), "80%");
  EXPECT_EQ(Percent(0.666), "67%");
  EXPECT_EQ(Percent(1), "100%");
}

TEST(DescribeSideTest, StatedThenCompatible) {
  EXPECT_EQ(DescribeSide("12", {"A", "B"}, {}), "12 (A, B)");
  EXPECT_EQ(DescribeSide("12", {"A"}, {"C", "D"}), "12 (A; compatible: C, D)");
  EXPECT_EQ(DescribeSide("12", {}, {"C"}), "12 (no outlet states it; compatible: C)");
}

TEST(LeanExplanationTest, ReviewedEvenOrLeaning) {
  const std::vector<std::string> sides = {"12 (A)", "20 (B)"};
  EXPECT_EQ(LeanExplanation("20", 1.0, true, sides),
            "A reviewer judged 20 right: 12 (A) vs 20 (B).");
  EXPECT_EQ(LeanExplanation("12", 0.54, false, sides), "The evidence is even: 12 (A) vs 20 (B).");
  EXPECT_EQ(LeanExplanation("12", 0.8, false, sides),
            "The evidence leans to 12 (80% of the trust-weighted support): 12 (A) vs 20 (B).");
}

TEST(LostClaimTest, ValuesOrAGarbledAttribution) {
  Finding f;
  f.set_kind("death_toll");
  f.set_subject("deaths");
  Claim lost, winner;
  lost.set_display_value("20");
  winner.set_display_value("12");
  EXPECT_EQ(LostClaim(f, lost, winner), "death_toll: 20 against 12");
  f.set_kind("expels");
  f.set_subject("diplomats");
  lost.mutable_actor()->set_id("us");
  lost.set_display_value("the US");
  winner.set_display_value("Maduro");
  EXPECT_EQ(LostClaim(f, lost, winner),
            "expels: names the US where other outlets name Maduro (diplomats; a garbled "
            "attribution?)");
}

TEST(EvidenceStrengthTest, ByTheEvidenceThatCounts) {
  EXPECT_EQ(EvidenceStrength(0), "no evidence here: the score is the prior");
  EXPECT_EQ(EvidenceStrength(3.5), "a weak signal");
  EXPECT_EQ(EvidenceStrength(4), "a moderate signal");
  EXPECT_EQ(EvidenceStrength(15), "a well-supported estimate");
}

TEST(OutletReasonsTest, TheFixedLinesOnly) {
  OutletScore s;
  s.set_prior(0.7);
  s.set_articles(1);
  s.set_claims(3);
  s.set_named_sources(1);
  s.set_corroborated(2);
  EXPECT_THAT(
      OutletReasons(s, 2.0, 2.0, {}),
      ElementsAre("Started from a prior of 0.70 (the default: no rating supplied); 1 article and 2 "
                  "pieces of evidence (conflicts and agreements it takes part in): a weak signal.",
                  "Independent outlets corroborate it in 2 agreement(s); it makes 3 claims in all.",
                  "Sources: 1 named, 0 anonymous, 2 in its own voice."));
}

TEST(OutletReasonsTest, LostDisputedAndCopiedLinesWhenThereAreAny) {
  OutletScore s;
  s.set_prior(0.95);
  s.set_prior_supplied(true);
  s.set_articles(4);
  s.set_claims(5);
  s.set_anonymous_sources(2);
  s.set_contradicted(2);
  s.set_disputed(1);
  s.add_copies_from("src1");
  s.add_copies_from("src2");
  std::vector<std::string> reasons =
      OutletReasons(s, 20.0, 12.0, {"death_toll: 20 against 12", "injured: 3 against 5"});
  ASSERT_EQ(reasons.size(), 6u);
  EXPECT_EQ(reasons[0],
            "Started from a prior of 0.95 (from the priors file); 4 articles and 20 pieces of "
            "evidence (conflicts and agreements it takes part in): a moderate signal.");
  EXPECT_EQ(reasons[2],
            "2 claim(s) on the losing side of a conflict: death_toll: 20 against 12; injured: 3 "
            "against 5.");
  EXPECT_EQ(reasons[3], "1 claim(s) in disputed accounts it reports.");
  EXPECT_EQ(reasons[4],
            "Repeats sentences of src1, src2: those claims are not counted as independent "
            "corroboration.");
  EXPECT_EQ(reasons[5], "Sources: 0 named, 2 anonymous, 3 in its own voice.");
}

}  // namespace
}  // namespace crosscheck
