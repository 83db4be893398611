#include "checker/score/reliability.h"

#include <fstream>
#include <string>
#include <vector>

#include "checker/compare/compare.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/score/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Amount;
using ::crosscheck::testing::ShippedRules;
using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

// Runs compare + reliability as the pipeline does.
Report Score(const std::vector<Claim>& claims, const std::vector<Copy>& copies = {},
             const OutletPriors& priors = OutletPriors(), const Review* review = nullptr) {
  Report report;
  std::set<std::string> seen;
  for (const Claim& c : claims) {
    if (!seen.insert(c.article_id()).second) continue;
    ArticleSummary* a = report.add_articles();
    a->set_id(c.article_id());
    a->set_outlet(c.outlet());
  }
  for (const Copy& c : copies) *report.add_copies() = c;
  for (Finding& f : Comparer(ShippedRules()).Compare(claims, copies)) {
    if (review != nullptr && f.verdict() == CONTRADICTION) *f.mutable_review() = *review;
    *report.add_findings() = std::move(f);
  }
  ScoreOutlets(ShippedRules(), claims, priors, &report);
  return report;
}

const OutletScore& Outlet(const Report& r, const std::string& name) {
  for (const OutletScore& s : r.outlets()) {
    if (s.outlet() == name) return s;
  }
  static const OutletScore* none = new OutletScore;
  ADD_FAILURE() << "no outlet " << name;
  return *none;
}

const Finding* FirstConflict(const Report& r) {
  for (const Finding& f : r.findings()) {
    if (f.verdict() == CONTRADICTION) return &f;
  }
  return nullptr;
}

TEST(ReliabilityTest, AReliableMajorityOutweighsALoneOutlet) {
  Report r = Score(
      {Amount("a", "A", 12), Amount("b", "B", 12), Amount("c", "C", 12), Amount("x", "Loner", 20)});
  const Finding* f = FirstConflict(r);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->lean().value(), "12");
  EXPECT_GT(f->lean().support(), 0.6);
  EXPECT_LT(Outlet(r, "Loner").score(), Outlet(r, "A").score());
  EXPECT_EQ(r.outlets(r.outlets_size() - 1).outlet(), "Loner");
  // One wrong value is one lost claim, however many outlets it conflicts with.
  EXPECT_EQ(Outlet(r, "Loner").contradicted(), 1);
}

TEST(ReliabilityTest, ACopierRingDoesNotOutvoteIndependentSources) {
  // Three aggregators repeat one source's 20; two independent outlets say 12.
  std::vector<Claim> claims = {Amount("src", "Source", 20), Amount("r1", "Ring1", 20),
                               Amount("r2", "Ring2", 20),   Amount("r3", "Ring3", 20),
                               Amount("i1", "Indep1", 12),  Amount("i2", "Indep2", 12)};
  std::vector<Copy> copies;
  for (const char* ring : {"r1", "r2", "r3"}) {
    Copy c;
    c.set_copier(ring);
    c.set_source("src");
    copies.push_back(c);
  }
  Report with_copies = Score(claims, copies);
  Report without = Score(claims);
  const Finding* f = FirstConflict(with_copies);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->lean().value(), "12") << f->lean().explanation();
  // Counted as independent, the ring would have carried the vote.
  EXPECT_EQ(FirstConflict(without)->lean().value(), "20");
}

// An outlet lists the sources its articles copy; a copy whose copier is
// not an article of the report counts for nobody. Added to the scorer
// apart (as the pipeline does, its lists kept out of the report), the
// same copies give the same table.
TEST(ReliabilityTest, CopiesCountForTheCopiersOutletOnly) {
  std::vector<Claim> claims = {Amount("src", "Source", 20), Amount("r1", "Ring", 20),
                               Amount("i1", "Indep", 12)};
  std::vector<Copy> copies(2);
  copies[0].set_copier("r1");
  copies[0].set_source("src");
  copies[1].set_copier("ghost");  // no such article
  copies[1].set_source("src");
  Report r = Score(claims, copies);
  EXPECT_THAT(Outlet(r, "Ring").copies_from(), ::testing::ElementsAre("src"));
  for (const OutletScore& s : r.outlets()) EXPECT_NE(s.outlet(), "ghost");

  Report apart = r;
  apart.clear_outlets();
  apart.clear_articles();
  apart.clear_copies();
  OutletScorer scorer(ShippedRules(), copies);
  for (const ArticleSummary& a : r.articles()) scorer.AddArticle(a.id(), a.outlet());
  scorer.AddCopy("r1", "Ring", "src");
  std::vector<Finding> findings(r.findings().begin(), r.findings().end());
  scorer.AddGroup(claims, findings);
  scorer.Finish(OutletPriors(), &apart);
  ASSERT_EQ(apart.outlets_size(), r.outlets_size());
  for (int i = 0; i < r.outlets_size(); ++i) {
    EXPECT_EQ(apart.outlets(i).SerializeAsString(), r.outlets(i).SerializeAsString()) << i;
  }
}

TEST(ReliabilityTest, NoEvidenceLeavesThePriorWithWideUncertainty) {
  Report r = Score({Amount("a", "A", 12, "2019-01-24")});
  const OutletScore& a = Outlet(r, "A");
  EXPECT_DOUBLE_EQ(a.score(), a.prior());
  EXPECT_GT(a.uncertainty(), 0.2);
  EXPECT_THAT(a.reasons(0), HasSubstr("no evidence here: the score is the prior"));
}

TEST(ReliabilityTest, AReviewerVerdictIsLabeledTruth) {
  Review review;
  review.set_decision(DECISION_CONFIRMED);
  review.set_correct_article_id("x");
  Report r = Score({Amount("a", "A", 12), Amount("b", "B", 12), Amount("x", "Loner", 20)}, {},
                   OutletPriors(), &review);
  const Finding* f = FirstConflict(r);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->lean().value(), "20");
  EXPECT_DOUBLE_EQ(f->lean().support(), 1.0);
  EXPECT_THAT(f->lean().explanation(), HasSubstr("A reviewer judged 20 right"));
}

TEST(ReliabilityTest, SuppliedPriorsAreShownAsPriors) {
  OutletPriors priors;
  OutletPrior* p = priors.add_priors();
  p->set_outlet("A");
  p->set_score(0.95);
  Report r = Score({Amount("a", "A", 12), Amount("x", "B", 20)}, {}, priors);
  EXPECT_TRUE(Outlet(r, "A").prior_supplied());
  EXPECT_DOUBLE_EQ(Outlet(r, "A").prior(), 0.95);
  EXPECT_FALSE(Outlet(r, "B").prior_supplied());
  EXPECT_THAT(Outlet(r, "A").reasons(0), HasSubstr("from the priors file"));
  EXPECT_EQ(FirstConflict(r)->lean().value(), "12");
}

TEST(ReliabilityTest, PriorsFileErrorsSayWhere) {
  std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/priors.textproto";
  std::ofstream(path) << "priors { outlet: \"A\" score: 1.5 }\n";
  EXPECT_THAT(ReadOutletPriors(path),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("score in [0, 1]")));
  std::ofstream(path) << "priors { outlet: \"A\" scor: 0.5 }\n";
  EXPECT_THAT(ReadOutletPriors(path),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("priors.textproto:1:")));
}

}  // namespace
}  // namespace crosscheck
