#include "checker/extract/extract.h"

#include <memory>
#include <string>
#include <vector>

#include "checker/ingest/segment.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::testing::ElementsAre;
using ::testing::SizeIs;

class ExtractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = &testing::ShippedRules(); }

  std::vector<Claim> Run(const std::string& kind, const std::string& text,
                         const std::string& published = "2019-01-24") {
    Extractor extractor(*rules_);
    return extractor.ExtractSentence(kind, text, published);
  }

  static const Rules* rules_;
};

const Rules* ExtractTest::rules_ = nullptr;

TEST_F(ExtractTest, SumsARunningTollAndKeepsItsScope) {
  std::vector<Claim> claims = Run(
      "death_toll", "One death overnight was added to the toll of 11 protesters killed Wednesday.");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].quantity().value(), 12);
  EXPECT_EQ(claims[0].scope_text(), "Wednesday");
  EXPECT_EQ(claims[0].scope().start(), "2019-01-23");
}

// A developing count's past ("earlier", "previous") is marked as such; the
// current figure is not.
TEST_F(ExtractTest, AnEarlierFigureIsMarked) {
  struct Case {
    const char* text;
    bool earlier;
  };
  for (const Case& c : std::vector<Case>{
           {"Authorities earlier said that 359 people had been killed.", true},
           {"Officials earlier said that nine bombers, members of a local group, carried out "
            "the blasts that killed 359 people.",
            true},
           {"The previous death toll from the blast was 160 dead.", true},
           {"Police had initially reported that 20 people were killed.", true},
           {"The death toll rose to 171, the ministry said, up from the earlier 160.", false},
           {"At least 44 people were killed on Tuesday.", false},
       }) {
    std::vector<Claim> claims = Run("death_toll", c.text);
    ASSERT_FALSE(claims.empty()) << c.text;
    EXPECT_EQ(claims[0].earlier_figure(), c.earlier) << c.text;
  }
}

TEST_F(ExtractTest, BoundsAndScopeOfAQualifiedCount) {
  std::vector<Claim> claims =
      Run("death_toll",
          "At least 20 people were killed by pro-government forces this week, "
          "according to the New York Times.",
          "2019-01-25");
  ASSERT_THAT(claims, SizeIs(1));
  const Quantity& q = claims[0].quantity();
  EXPECT_EQ(q.lower(), 20);
  EXPECT_TRUE(q.unbounded());
  EXPECT_EQ(q.qualifier(), QUALIFIER_AT_LEAST);
  EXPECT_EQ(claims[0].scope_text(), "this week");
  EXPECT_EQ(claims[0].scope().start(), "2019-01-21");
  EXPECT_EQ(claims[0].attribution().source(), "the New York Times");
  EXPECT_TRUE(claims[0].attribution().named());
}

TEST_F(ExtractTest, ABackgroundNumberTakesItsTimeFromTheSentence) {
  std::vector<Claim> claims =
      Run("death_toll", "In February, a quake hit the town of Zarand, killing 612 people.",
          "2005-11-28");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].scope_text(), "In February");
  EXPECT_EQ(claims[0].scope().start(), "2005-02-01");
  EXPECT_EQ(claims[0].scope().end(), "2005-02-28");
}

TEST_F(ExtractTest, APronounSentenceKeepsThePreviousSentencesTime) {
  Article article;
  article.set_id("q");
  article.set_published("2005-11-28");
  article.set_text(
      "A quake struck Qeshm on Sunday, killing 10 people. In February, a quake hit "
      "the town of Zarand. It killed 612 people and injured 1,400.\n");
  Segmenter segmenter(*rules_);
  Extractor extractor(*rules_);
  ArticleClaims out = extractor.Extract(segmenter.Segment(article));
  std::vector<Claim> tolls;
  for (const Claim& c : out.claims()) {
    if (c.kind() == "death_toll") tolls.push_back(c);
  }
  ASSERT_THAT(tolls, SizeIs(2));
  EXPECT_EQ(tolls[0].scope_text(), "on Sunday");
  EXPECT_EQ(tolls[1].display_value(), "612");
  EXPECT_EQ(tolls[1].scope_text(), "In February");
}

TEST_F(ExtractTest, TheTimeInTheClaimsOwnClauseWins) {
  std::vector<Claim> claims =
      Run("death_toll",
          "A quake razed Bam in 2003, and 600 were killed in the city of Zarand in February.",
          "2005-11-28");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].scope_text(), "in February");
}

TEST_F(ExtractTest, AnUndatedArticleStillPlacesAYearInTime) {
  std::vector<Claim> claims = Run(
      "death_toll",
      "Iranians recall December 2003, in which more than 31,000 people were killed in Bam.", "");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].scope().start(), "2003-12-01");
  EXPECT_EQ(claims[0].scope().end(), "2003-12-31");
}

TEST_F(ExtractTest, ADeadlineIsNotTheScopeOfAnOrder) {
  std::vector<Claim> claims =
      Run("withdrawal_order",
          "The move prompted Maduro to cut ties and order U.S. diplomats out of the country by "
          "this weekend.");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].scope_text(), "");
}

TEST_F(ExtractTest, ProvenanceIsRelativeToTheSentence) {
  std::vector<Claim> claims = Run("deadline", "They must depart by Sunday.");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].matched_text(), "depart by Sunday");
  EXPECT_EQ(claims[0].span().begin(), 10);
  EXPECT_EQ(claims[0].span().end(), 26);
  EXPECT_EQ(claims[0].pattern_id(), "deadline/leave_by_day");
}

TEST_F(ExtractTest, ResolvesPronounToTheSubjectNotTheLastName) {
  std::vector<Claim> claims =
      Run("withdrawal_order",
          "The Venezuelan government disputed Pompeo's account, saying it had "
          "instructed the US diplomats to leave.",
          "2019-03-14");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].actor().id(), "venezuela_government");
  EXPECT_EQ(claims[0].subject(), "US diplomatic staff");
}

TEST_F(ExtractTest, HedgeAndNegationAreRecorded) {
  std::vector<Claim> claims =
      Run("death_toll", "As many as 30 people may have been killed, officials said.");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_TRUE(claims[0].attribution().hedged());
  EXPECT_FALSE(claims[0].attribution().named());
  EXPECT_EQ(claims[0].attribution().source(), "officials");
}

TEST_F(ExtractTest, UndatedArticlesYieldNoRelativeTimes) {
  EXPECT_THAT(Run("deadline", "They must depart by Sunday.", ""), SizeIs(0));
}

TEST_F(ExtractTest, WholeDocumentSkipsPageFurnitureAndCarriesProvenance) {
  Article article;
  article.set_id("a1");
  article.set_outlet("Example News");
  article.set_published("2019-01-24");
  article.set_text("Adjust Comment Print\n\nAt least 20 people were killed on Wednesday.\n");
  Segmenter segmenter(*rules_);
  Extractor extractor(*rules_);
  ArticleClaims out = extractor.Extract(segmenter.Segment(article));
  ASSERT_THAT(out.claims(), SizeIs(1));
  const Claim& c = out.claims(0);
  EXPECT_EQ(c.article_id(), "a1");
  EXPECT_EQ(c.outlet(), "Example News");
  EXPECT_EQ(c.quote(), "At least 20 people were killed on Wednesday.");
  EXPECT_EQ(article.text().substr(c.span().begin(), c.span().end() - c.span().begin()),
            c.matched_text());
  EXPECT_TRUE(out.article().text().empty());
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST_F(ExtractTest, NoBreakSpacesCountAsSpaces) {
  std::vector<Claim> claims =
      Run("death_toll", "Officials said 11\xC2\xA0protesters were killed Wednesday.");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].scope_text(), "Wednesday");
  EXPECT_EQ(claims[0].matched_text(), "11\xC2\xA0protesters were killed Wednesday");
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST_F(ExtractTest, MoneyCarriesItsCurrencyAndCountsTheKindsUnit) {
  std::vector<Claim> aid =
      Run("aid_money",
          "Pompeo said the United States would provide an additional $20 million in "
          "humanitarian aid to Venezuela.");
  ASSERT_THAT(aid, SizeIs(1));
  EXPECT_EQ(aid[0].quantity().unit(), "USD");
  EXPECT_EQ(aid[0].quantity().value(), 20000000);
  EXPECT_EQ(aid[0].display_value(), "USD 20 million");
  EXPECT_EQ(aid[0].subject(), "US aid");
  std::vector<Claim> toll = Run("death_toll", "At least 20 people were killed.");
  ASSERT_THAT(toll, SizeIs(1));
  EXPECT_EQ(toll[0].quantity().unit(), "deaths");
  EXPECT_EQ(toll[0].display_value(), "at least 20");
}

// `{object}` in a subject key is the captured name: a known actor's name
// when the phrase (without titles) is one of its aliases, else as written;
// no country goes before such a key.
TEST(ExtractObjectNameTest, SubjectKeyNamesTheObject) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadTexts({{"t.textproto", R"pb(
    kinds {
      name: "score" value_type: VALUE_TYPE_QUANTITY trigger: "scored"
      default_subject: "score of someone"
      patterns { id: "p" regex: "(?P<object>(?:\\pL+\\s+){0,3}?\\pL+) scored (?P<value>\\d+)" }
    }
    subjects { key: "score of {object}" kinds: "score" regex: "." }
    titles: [ "president", "opposition leader" ]
    actors { id: "venezuela" name: "Venezuela" country_label: "Venezuela" aliases: "venezuela" }
    actors { id: "guaido" name: "Juan Guaidó" parent: "venezuela" country_label: "Venezuela"
             type: ACTOR_TYPE_PERSON aliases: [ "juan guaido", "guaido" ] }
  )pb"}});
  ASSERT_OK(rules);
  Extractor extractor(**rules);
  struct Case {
    const char* sentence;
    const char* subject;
  } cases[] = {
      {"Guaido scored 35", "score of Juan Guaidó"},
      {"opposition leader Guaidó scored 35", "score of Juan Guaidó"},
      {"Tara Reid scored 33", "score of Tara Reid"},
      {"President Tara Reid scored 33", "score of Tara Reid"},
      // A longer name that contains a known one is somebody else.
      {"Maria Guaido scored 12", "score of Maria Guaido"},
  };
  for (const Case& c : cases) {
    std::vector<Claim> claims = extractor.ExtractSentence("score", c.sentence, "2019-01-24");
    ASSERT_THAT(claims, SizeIs(1)) << c.sentence;
    EXPECT_EQ(claims[0].subject(), c.subject) << c.sentence;
  }
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST_F(ExtractTest, TheMoveContinuesThePreviousSentencesTime) {
  Article article;
  article.set_id("w");
  article.set_published("2019-01-24");
  article.set_text(
      "On Wednesday, Washington recognized Juan Guaidó as the rightful leader. The move "
      "prompted Maduro to break ties and order U.S. diplomats out of the country.\n");
  ArticleClaims out = Extractor(*rules_).Extract(Segmenter(*rules_).Segment(article));
  const Claim* order = nullptr;
  for (const Claim& c : out.claims()) {
    if (c.kind() == "withdrawal_order") order = &c;
  }
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->scope().start(), "2019-01-23");
}

TEST_F(ExtractTest, APronounChainReachesTheNameTwoSentencesBack) {
  Article article;
  article.set_id("p");
  article.set_published("2019-01-24");
  article.set_text(
      "Maduro received the backing of generals. He declared that he would recall all "
      "staff from the embassy. He reiterated his demand that all U.S. Embassy personnel "
      "leave Venezuela by this weekend.\n");
  ArticleClaims out = Extractor(*rules_).Extract(Segmenter(*rules_).Segment(article));
  std::vector<std::string> actors;
  for (const Claim& c : out.claims()) {
    if (c.kind() == "withdrawal_order") actors.push_back(c.actor().id());
  }
  EXPECT_THAT(actors, ElementsAre("maduro", "maduro"));
}

TEST_F(ExtractTest, CuesCountOnlyInTheClaimsOwnClause) {
  std::vector<Claim> age =
      Run("age", "\"You never win unless you fight,\" said 76 - year - old Constantinos Doganis.");
  ASSERT_THAT(age, SizeIs(1));
  EXPECT_FALSE(age[0].attribution().negated());
  std::vector<Claim> role =
      Run("role_holder",
          "Jair Bolsonaro not only hailed Guaidó as interim president, but also "
          "ordered staff to ignore Maduro.");
  ASSERT_THAT(role, SizeIs(1));
  EXPECT_FALSE(role[0].attribution().negated());
}

TEST_F(ExtractTest, ANegationOfAnotherVerbDoesNotNegateTheClaim) {
  struct Case {
    const char* kind;
    const char* text;
    bool negated;
  };
  const Case cases[] = {
      {"event_time",
       "No one has claimed responsibility for the explosions that took place at 8:45am.", false},
      {"event_time", "Nobody has been blamed for the fire, which broke out at 6:50 p.m.", false},
      {"death_toll", "Police have not confirmed reports that 20 people were killed.", true},
      {"event_time", "Officials denied that the blast struck at 9:12 a.m.", true},
  };
  for (const Case& c : cases) {
    std::vector<Claim> claims = Run(c.kind, c.text);
    ASSERT_THAT(claims, SizeIs(1)) << c.text;
    EXPECT_EQ(claims[0].attribution().negated(), c.negated) << c.text;
  }
}

TEST_F(ExtractTest, APastWhenTellsWhenItHappened) {
  EXPECT_THAT(Run("event_time",
                  "Three people died when their car fell as the old bridge gave way about "
                  "11.30am on Tuesday."),
              SizeIs(1));
  EXPECT_THAT(Run("death_toll", "When one is killed, all of us lose."), SizeIs(0));
  EXPECT_THAT(Run("death_toll", "When the levee breaks, dozens will be killed."), SizeIs(0));
}

TEST_F(ExtractTest, AHypotheticalOrGenericCountIsNoClaim) {
  EXPECT_THAT(Run("death_toll", "When one is killed, all of us lose."), SizeIs(0));
  EXPECT_THAT(Run("death_toll", "\"There might have been two people killed,\" he said."),
              SizeIs(0));
  EXPECT_THAT(Run("death_toll", "Ten people were killed when the bus overturned."), SizeIs(1));
}

TEST_F(ExtractTest, AnUndatedArticleKeepsTheScopesWordsAndATimeIsNoSource) {
  std::vector<Claim> claims =
      Run("death_toll",
          "A gunman opened fire at a party Friday, killing one man, police said Saturday.", "");
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].scope_text(), "Friday");
  EXPECT_FALSE(claims[0].has_scope());
  EXPECT_EQ(claims[0].attribution().source(), "police");
}

}  // namespace
}  // namespace crosscheck
