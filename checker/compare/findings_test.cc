#include "checker/compare/findings.h"

#include <string>
#include <vector>

#include "checker/base/verdict_order.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/test_claims.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::Toll;
using ::testing::ElementsAre;
using ::testing::SizeIs;

ClaimKind DeathToll() {
  ClaimKind kind;
  kind.set_name("death_toll");
  return kind;
}

// A CONTRADICTION of 12 (a1) and 20 (b1), given in reverse order.
Finding TwelveAgainstTwenty() {
  return MakeFinding(DeathToll(), "deaths", CONTRADICTION,
                     {Toll("b1", "The Washington Post", "2019-01-25", QUALIFIER_EXACT, 20),
                      Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12)},
                     "McClatchy says 12; The Washington Post says 20.");
}

TEST(ClaimLessTest, OrdersByArticleThenOffset) {
  Claim a = Toll("a1", "A", "2019-01-24", QUALIFIER_EXACT, 12);
  Claim a_later = a;
  a_later.mutable_span()->set_begin(500);
  Claim b = Toll("b1", "B", "2019-01-24", QUALIFIER_EXACT, 12);
  EXPECT_TRUE(ClaimLess(a, a_later));
  EXPECT_FALSE(ClaimLess(a_later, a));
  EXPECT_TRUE(ClaimLess(a_later, b));
  EXPECT_FALSE(ClaimLess(a, a));
  const std::vector<Claim> claims = {a, a_later, b};
  ClaimGroup group = ClaimGroup::Of(claims);
  const std::vector<GroupClaim>& g = group.claims();
  EXPECT_TRUE(ClaimLess(g[0], g[1]));
  EXPECT_FALSE(ClaimLess(g[1], g[0]));
  EXPECT_TRUE(ClaimLess(g[1], g[2]));
}

TEST(MakeFindingTest, SortsTheEvidenceAndSetsTheId) {
  Finding f = TwelveAgainstTwenty();
  EXPECT_EQ(f.kind(), "death_toll");
  EXPECT_EQ(f.subject(), "deaths");
  EXPECT_EQ(f.verdict(), CONTRADICTION);
  ASSERT_THAT(f.claims(), SizeIs(2));
  EXPECT_EQ(f.claims(0).article_id(), "a1");
  EXPECT_EQ(f.claims(1).article_id(), "b1");
  EXPECT_EQ(f.explanation(), "McClatchy says 12; The Washington Post says 20.");
  EXPECT_EQ(f.id().size(), 12u);
  EXPECT_EQ(f.id(), FindingId(f));
}

TEST(FindingIdTest, DependsOnlyOnKindSubjectVerdictAndEvidence) {
  const Finding first = TwelveAgainstTwenty();
  // Not on the order of the claims.
  Finding swapped = first;
  swapped.mutable_claims()->SwapElements(0, 1);
  EXPECT_EQ(FindingId(swapped), first.id());
  // Nor on the explanation or on claim details that are not evidence.
  Finding reworded = first;
  reworded.set_explanation("something else entirely");
  reworded.mutable_claims(0)->set_outlet("Renamed Outlet");
  EXPECT_EQ(FindingId(reworded), first.id());
  // A different verdict or different evidence is a different finding.
  Finding other_verdict = first;
  other_verdict.set_verdict(DISCREPANCY);
  EXPECT_NE(FindingId(other_verdict), first.id());
  Finding other_text = first;
  other_text.mutable_claims(1)->set_matched_text("21 people were killed");
  EXPECT_NE(FindingId(other_text), first.id());
  Finding other_article = first;
  other_article.mutable_claims(1)->set_article_id("b2");
  EXPECT_NE(FindingId(other_article), first.id());
  Finding other_value = first;
  other_value.mutable_claims(1)->set_display_value("21");
  EXPECT_NE(FindingId(other_value), first.id());
  Finding other_subject = first;
  other_subject.set_subject("injuries");
  EXPECT_NE(FindingId(other_subject), first.id());
  Finding other_kind = first;
  other_kind.set_kind("injured_count");
  EXPECT_NE(FindingId(other_kind), first.id());
}

TEST(SortFindingsTest, MostSevereFirstThenKindSubjectAndId) {
  auto finding = [](Verdict verdict, const std::string& kind, const std::string& subject,
                    const std::string& id) {
    Finding f;
    f.set_verdict(verdict);
    f.set_kind(kind);
    f.set_subject(subject);
    f.set_id(id);
    return f;
  };
  std::vector<Finding> findings = {
      finding(AGREEMENT, "death_toll", "deaths", "1"),
      finding(UPDATE, "death_toll", "deaths", "2"),
      finding(CONTRADICTION, "death_toll", "injuries", "3"),
      finding(CONTRADICTION, "death_toll", "deaths", "5"),
      finding(CONTRADICTION, "death_toll", "deaths", "4"),
      finding(DISPUTED, "deadline", "departure deadline", "6"),
      finding(CONTRADICTION, "deadline", "departure deadline", "7"),
      finding(DISCREPANCY, "death_toll", "deaths", "8"),
  };
  SortFindings(&findings);  // ("deadline" sorts before "death_toll")
  std::vector<std::string> ids;
  for (const Finding& f : findings) ids.push_back(f.id());
  EXPECT_THAT(ids, ElementsAre("7", "4", "5", "3", "6", "8", "2", "1"));
  for (size_t i = 1; i < findings.size(); ++i) {
    EXPECT_LE(VerdictRank(findings[i - 1].verdict()), VerdictRank(findings[i].verdict()));
  }
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST(SortFindingsMatchedByWordsTest, MeasureFindingsComeAfterTheOthersOfTheirVerdict) {
  Finding measure;
  measure.set_verdict(DISCREPANCY);
  measure.set_kind("count");
  measure.set_matched_by_words(true);
  Finding toll;
  toll.set_verdict(DISCREPANCY);
  toll.set_kind("death_toll");
  Finding contradiction;
  contradiction.set_verdict(CONTRADICTION);
  contradiction.set_kind("measure");
  contradiction.set_matched_by_words(true);
  std::vector<Finding> findings = {measure, toll, contradiction};
  SortFindings(&findings);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].kind(), "measure");     // a more severe verdict first
  EXPECT_EQ(findings[1].kind(), "death_toll");  // then the kinds with patterns
  EXPECT_EQ(findings[2].kind(), "count");
}

}  // namespace
}  // namespace crosscheck
