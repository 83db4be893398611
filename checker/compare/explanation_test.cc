#include "checker/compare/explanation.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/test_claims.h"
#include "checker/compare/verdict.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::KindOf;
using ::crosscheck::testing::Pointers;
using ::crosscheck::testing::SetScope;
using ::crosscheck::testing::Toll;
using ::testing::HasSubstr;

TEST(WhoTest, NamesTheOutletTheArticleAndItsDate) {
  const std::vector<Claim> claims = {Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("x9", "", "", QUALIFIER_EXACT, 12)};
  ClaimGroup group = ClaimGroup::Of(claims);
  EXPECT_EQ(Who(group.claims()[0]), "McClatchy (a1, 2019-01-24)");
  EXPECT_EQ(Who(group.claims()[1]), "an unknown outlet (x9, undated)");
}

TEST(StatementTest, FillsTheKindsTemplate) {
  Claim scoped = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_AT_LEAST, 20);
  SetScope(&scoped, "on Wednesday", "2019-01-23", "2019-01-23", GRANULARITY_DAY);
  scoped.mutable_attribution()->set_source("the police");
  const std::vector<Claim> claims = {scoped};
  ClaimGroup group = ClaimGroup::Of(claims);
  EXPECT_EQ(Statement(KindOf("death_toll"), group.claims()[0]),
            "at least 20 people died (on Wednesday), citing the police");
  // The default template.
  ClaimKind plain;
  EXPECT_EQ(Statement(plain, group.claims()[0]),
            "deaths is at least 20 (on Wednesday), citing the police");
}

TEST(ExplainPairTest, SaysWhoSaysWhatAndWhy) {
  const ClaimKind& tolls = KindOf("death_toll");
  const std::vector<Claim> claims = {Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12),
                                     Toll("b1", "Reuters", "2019-01-31", QUALIFIER_EXACT, 20)};
  ClaimGroup group = ClaimGroup::Of(claims);
  const GroupClaim& a = group.claims()[0];
  const GroupClaim& b = group.claims()[1];
  EXPECT_EQ(ExplainPair(tolls, PairReason::kConflict, a, b),
            "McClatchy (a1, 2019-01-24) says 12 people died; Reuters (b1, 2019-01-31) says 20 "
            "people died: both are exact counts with no different time span given, and they "
            "differ.");
  EXPECT_EQ(ExplainPair(tolls, PairReason::kApart, a, b),
            "McClatchy (a1, 2019-01-24) says 12 people died; Reuters (b1, 2019-01-31) says 20 "
            "people died: reported 7 days apart, so the situation may have changed; a timeline, "
            "not a conflict.");
  // The earlier report first, whatever the order given.
  EXPECT_EQ(ExplainPair(tolls, PairReason::kGrew, b, a),
            "McClatchy (a1, 2019-01-24) says 12 people died; later, Reuters (b1, 2019-01-31) "
            "says 20 people died: the count grew as the story went on; a timeline, not a "
            "conflict.");
  EXPECT_THAT(ExplainPair(tolls, PairReason::kUndatedConflict, a, b),
              HasSubstr("and they differ, but at least one article has no publication date, so "
                        "they may not be about the same day or event."));
}

TEST(ExplainPairTest, InOneArticle) {
  const ClaimKind& tolls = KindOf("death_toll");
  Claim headline = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 12);
  headline.set_section(SECTION_HEADLINE);
  Claim police = Toll("a1", "McClatchy", "2019-01-24", QUALIFIER_EXACT, 20);
  police.mutable_attribution()->set_source("the police");
  const std::vector<Claim> claims = {headline, police};
  ClaimGroup group = ClaimGroup::Of(claims);
  const GroupClaim& a = group.claims()[0];
  const GroupClaim& b = group.claims()[1];
  EXPECT_EQ(ExplainPair(tolls, PairReason::kTwoAccounts, a, b),
            "McClatchy (a1, 2019-01-24) reports two accounts: in its own voice, 12 people died; "
            "but 20 people died, citing the police: both are exact counts with no different "
            "time span given, and they differ.");
  EXPECT_THAT(ExplainPair(tolls, PairReason::kHeadline, a, b),
              HasSubstr("In McClatchy (a1, 2019-01-24) the headline and the body differ: 12 "
                        "people died; vs 20 people died, citing the police: "));
}

TEST(ExplainAgreementTest, NamesTheOutletsUpToTwelve) {
  std::vector<Claim> claims;
  for (int i = 0; i < 14; ++i) {
    claims.push_back(Toll(absl::StrCat("a", i), std::string("Outlet ") + static_cast<char>('A' + i),
                          "2019-01-24", QUALIFIER_EXACT, 12));
  }
  ClaimGroup group = ClaimGroup::Of(claims);
  absl::optional<Agreement> agreement =
      DecideAgreement(Pointers(group), [](const std::string& id) { return id; });
  ASSERT_TRUE(agreement.has_value());
  EXPECT_EQ(ExplainAgreement(KindOf("death_toll"), *agreement),
            "14 outlets (Outlet A, Outlet B, Outlet C, Outlet D, Outlet E, Outlet F, Outlet G, "
            "Outlet H, Outlet I, Outlet J, Outlet K, Outlet L and 2 more) agree that 12 people "
            "died.");
  agreement->outlets = {"AP", "Reuters"};
  EXPECT_EQ(ExplainAgreement(KindOf("death_toll"), *agreement),
            "2 outlets (AP, Reuters) agree that 12 people died.");
}

}  // namespace
}  // namespace crosscheck
