#include "checker/extract/quantity_tagger.h"

#include <memory>
#include <string>
#include <vector>

#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class QuantityTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<QuantityTagger>> tagger =
        QuantityTagger::Create(testing::ShippedRules());
    ASSERT_TRUE(tagger.ok()) << tagger.status();
    tagger_ = tagger->release();
  }
  static void TearDownTestSuite() { delete tagger_; }

  static std::vector<std::string> Tag(const std::string& text) {
    std::vector<std::string> out;
    for (const QuantityMention& q : tagger_->Tag(text)) out.push_back(QuantityExampleString(q));
    return out;
  }
  static std::vector<QuantityMention> Mentions(const std::string& text) {
    return tagger_->Tag(text);
  }

  static QuantityTagger* tagger_;
};

QuantityTagger* QuantityTaggerTest::tagger_ = nullptr;

TEST_F(QuantityTaggerTest, RuleExamples) {
  const QuantityRules& rules = testing::ShippedRules().proto().quantities();
  ASSERT_GE(rules.examples_size(), 20);
  for (const QuantityExample& example : rules.examples()) {
    EXPECT_THAT(Tag(example.text()), ElementsAreArray(example.expect())) << example.text();
  }
}

TEST_F(QuantityTaggerTest, ValuesInDigitsWordsScalesAndFractions) {
  struct Case {
    const char* text;
    std::vector<std::string> expect;
  };
  const Case cases[] = {
      {"The deal is worth 2.75 million dollars.", {"2750000 USD ="}},
      {"Eleven people died and twenty-five were injured.", {"11 person =", "25 person ="}},
      {"He served two and a half years.", {"2.5 year ="}},
      {"A quarter of the staff left, and half the town was flooded.", {"0.25 - =", "0.5 - ="}},
      {"Officials counted a dozen bodies.", {"12 body ="}},
      {"They raised £5bn and US$300m.", {"5000000000 GBP =", "300000000 USD ="}},
      {"Sales fell to 1,204,500 units.", {"1204500 unit down"}},
  };
  for (const Case& c : cases) EXPECT_THAT(Tag(c.text), ElementsAreArray(c.expect)) << c.text;
}

TEST_F(QuantityTaggerTest, BoundsAndDirections) {
  struct Case {
    const char* text;
    std::vector<std::string> expect;
  };
  const Case cases[] = {
      {"At least 20 people were killed.", {"20 person >"}},
      {"Up to 300 homes lost power.", {"300 home <"}},
      {"Some 40 firefighters battled the blaze.", {"40 firefighter ~"}},
      {"The 20-plus victims were named.", {"20 victim >"}},
      {"Inflation eased 0.3 percentage points.", {"0.3 percentage point down"}},
      {"The index rose more than 3%.", {"3 percent up"}},
      {"Profits posted a 12% rise.", {"12 percent up"}},
  };
  for (const Case& c : cases) EXPECT_THAT(Tag(c.text), ElementsAreArray(c.expect)) << c.text;
}

TEST_F(QuantityTaggerTest, NumbersThatAreNoQuantities) {
  const char* cases[] = {
      "Flight 417 left Gate 12 on Route 66.",
      "The Boeing 737 and two A320s were grounded in 2019.",
      "The meeting began at 9:30 on 12/05.",
      "Madrid won 3-1 after a 2-2 draw in the first leg.",
      "It was his 3rd title and the 10th anniversary.",
      "The S&P 500 and the FTSE 100 were flat; Apollo 11 landed.",
      "He had arrived two weeks earlier, three days after the vote.",
      "No one was hurt, and one of the guards said so.",
  };
  for (const char* text : cases) {
    std::vector<std::string> got = Tag(text);
    if (std::string(text).find("two A320s") != std::string::npos) {
      EXPECT_THAT(got, ElementsAre("2 a320 =")) << text;  // two aircraft, counted
      continue;
    }
    EXPECT_THAT(got, IsEmpty()) << text;
  }
}

TEST_F(QuantityTaggerTest, CountedNounsAndPeople) {
  struct Case {
    const char* text;
    std::vector<std::string> expect;
  };
  const Case cases[] = {
      {"Thirty of the passengers were foreigners.", {"30 passenger ="}},
      {"The bombs killed 10 and injured 50.", {"10 person =", "50 person ="}},
      {"Four police officers and 12 soldiers were hurt.", {"4 officer =", "12 soldier ="}},
      {"138 dead in blasts", {"138 person ="}},
      {"The mother of seven was named.", {"7 - ="}},
  };
  for (const Case& c : cases) EXPECT_THAT(Tag(c.text), ElementsAreArray(c.expect)) << c.text;
}

TEST_F(QuantityTaggerTest, SpansAndConcepts) {
  std::vector<QuantityMention> q =
      Mentions("The crash site is about 40 km from the capital, officials said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text(), "40 km");
  EXPECT_EQ(q[0].begin(), 24);
  EXPECT_EQ(q[0].dimension(), "length");
  EXPECT_THAT(q[0].concept(), HasSubstr("crash site"));
  EXPECT_THAT(q[0].concept(), HasSubstr("from the capital"));

  q = Mentions("Police arrested more than 120 people in the sweep.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text(), "120 people");
  EXPECT_THAT(q[0].concept(), HasSubstr("people"));
  EXPECT_THAT(q[0].concept(), HasSubstr("arrested"));

  q = Mentions("The Nasdaq fell 2.5% on Friday.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].concept(), "Nasdaq");

  q = Mentions("The blast left a crater with a depth of 43 metres.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_THAT(q[0].concept(), HasSubstr("depth"));
}

TEST_F(QuantityTaggerTest, UnitConversion) {
  EXPECT_NEAR(tagger_->ToBase(30, "mile"), 48280.32, 0.01);
  EXPECT_NEAR(tagger_->ToBase(55, "kilometre"), 55000, 1e-9);
  EXPECT_NEAR(tagger_->ToBase(212, "degree Fahrenheit"), 100, 1e-9);
  EXPECT_NEAR(tagger_->ToBase(2750, "tonne"), 2750000, 1e-6);
  EXPECT_EQ(tagger_->ToBase(20, "USD"), 20);
  ASSERT_NE(tagger_->FindUnit("knot"), nullptr);
  EXPECT_EQ(tagger_->FindUnit("knot")->dimension(), "speed");
  ASSERT_NE(tagger_->FindDimension("length"), nullptr);
  EXPECT_EQ(tagger_->FindDimension("length")->base_unit(), "metre");
}

TEST_F(QuantityTaggerTest, RejectsBadRules) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadTexts(
      {{"bad.textproto",
        "kinds { name: \"count\" value_type: VALUE_TYPE_QUANTITY trigger: \"count\" "
        "patterns { id: \"c\" regex: \"count of (?P<value>\\\\d+)\" } }\n"
        "quantities { units { name: \"smoot\" dimension: \"lengthiness\" aliases: \"smoots\" } "
        "}"}});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  absl::StatusOr<std::unique_ptr<QuantityTagger>> tagger = QuantityTagger::Create(**rules);
  ASSERT_FALSE(tagger.ok());
  EXPECT_THAT(tagger.status().message(), HasSubstr("lengthiness"));
}

TEST_F(QuantityTaggerTest, NeverCrashesOnOddText) {
  const char* cases[] = {"",
                         "-",
                         "$",
                         "1-",
                         "- 5 -",
                         "between and",
                         "5%%%",
                         "a a a half",
                         "9999999999999999999999999 km",
                         "\xff\xfe 12",
                         "12 \xc2",
                         "1e5 m"};
  for (const char* text : cases) Mentions(text);
}

}  // namespace
}  // namespace crosscheck
