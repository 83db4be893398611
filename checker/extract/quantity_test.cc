#include "checker/extract/quantity.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "checker/internal/shipped_rules.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

class QuantityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = &testing::ShippedRules();
    parser_ = new QuantityParser(rules_->proto());
  }
  static void TearDownTestSuite() { delete parser_; }

  static const QuantityParser& parser() { return *parser_; }

  static const Rules* rules_;
  static QuantityParser* parser_;
};

const Rules* QuantityTest::rules_ = nullptr;
QuantityParser* QuantityTest::parser_ = nullptr;

TEST_F(QuantityTest, CardinalsInDigitsAndWords) {
  struct Case {
    const char* text;
    double value;
  } cases[] = {
      {"12", 12},
      {"15,000", 15000},
      {"1,234,567", 1234567},
      {"1.5", 1.5},
      {"1.5 million", 1500000},
      {"3 million", 3000000},
      {"2.3 billion", 2300000000},
      {"20 thousand", 20000},
      {"2 dozen", 24},
      {"eleven", 11},
      {"Eleven", 11},
      {"twenty-one", 21},
      {"twenty one", 21},
      {"one hundred twenty", 120},
      {"three million", 3000000},
      {"two dozen", 24},
      {"a dozen", 12},
      {"a", 1},
      {"an", 1},
      {"one", 1},
      {"one hundred and twenty", 120},
      {"two thousand five hundred", 2500},
      {"fifteen thousand", 15000},
  };
  for (const Case& c : cases) {
    absl::StatusOr<double> v = parser().ParseCardinal(c.text);
    EXPECT_OK(v) << c.text;
    if (v.ok()) {
      EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
    }
  }
}

// "a" stands for one before any scale word, as it does before "dozen":
// "more than a million Venezuelans have fled", "a hundred people".
// Regression test (fixed): only "a dozen" works; ParseCardinal("a hundred"), ("a thousand") and
// ("a million") fail with InvalidArgument "not a number: 'a hundred'"
// (the scale is only split off after digits or for "dozen", and ICU's
// spell-out rules do not read "a hundred").
TEST_F(QuantityTest, ArticleBeforeAScaleWord) {
  struct Case {
    const char* text;
    double value;
  } cases[] = {
      {"a hundred", 100},
      {"a thousand", 1000},
      {"a million", 1000000},
  };
  for (const Case& c : cases) {
    absl::StatusOr<double> v = parser().ParseCardinal(c.text);
    EXPECT_OK(v) << c.text;
    if (v.ok()) {
      EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
    }
  }
}

TEST_F(QuantityTest, PlainNumbersAreExact) {
  for (const char* text :
       {"12", "15,000", "1.5 million", "eleven", "twenty-one", "three million", "two dozen"}) {
    absl::StatusOr<Quantity> q = parser().Parse(text);
    ASSERT_OK(q) << text;
    EXPECT_EQ(q->qualifier(), QUALIFIER_EXACT) << text;
    EXPECT_DOUBLE_EQ(q->lower(), q->value()) << text;
    EXPECT_DOUBLE_EQ(q->upper(), q->value()) << text;
    EXPECT_FALSE(q->unbounded()) << text;
  }
  absl::StatusOr<Quantity> q = parser().Parse("1.5 million");
  ASSERT_OK(q);
  EXPECT_DOUBLE_EQ(q->value(), 1500000);
}

// Every qualifier class of the shipped lexicon, with the bounds it sets.
TEST_F(QuantityTest, QualifiersSetBounds) {
  struct Case {
    const char* text;
    Qualifier qualifier;
    double value;
    double lower;
    double upper;  // ignored when unbounded
    bool unbounded;
  } cases[] = {
      // At least: [v, inf).
      {"at least 20", QUALIFIER_AT_LEAST, 20, 20, 0, true},
      {"At least 20", QUALIFIER_AT_LEAST, 20, 20, 0, true},
      {"at least three million", QUALIFIER_AT_LEAST, 3e6, 3e6, 0, true},
      // More than: (v, inf).
      {"more than 15,000", QUALIFIER_MORE_THAN, 15000, 15000, 0, true},
      {"over 100", QUALIFIER_MORE_THAN, 100, 100, 0, true},
      // At most: [0, v].
      {"up to 300", QUALIFIER_AT_MOST, 300, 0, 300, false},
      {"at most 5", QUALIFIER_AT_MOST, 5, 0, 5, false},
      {"as many as 30", QUALIFIER_AT_MOST, 30, 0, 30, false},
      // Less than: [0, v).
      {"fewer than 10", QUALIFIER_LESS_THAN, 10, 0, 10, false},
      {"less than 1.5 million", QUALIFIER_LESS_THAN, 1.5e6, 0, 1.5e6, false},
      {"under 50", QUALIFIER_LESS_THAN, 50, 0, 50, false},
      // About: v give or take the spread (10%, 15% for "an estimated").
      {"about 300", QUALIFIER_ABOUT, 300, 270, 330, false},
      {"some 2,000", QUALIFIER_ABOUT, 2000, 1800, 2200, false},
      {"around 40", QUALIFIER_ABOUT, 40, 36, 44, false},
      {"roughly 1,000", QUALIFIER_ABOUT, 1000, 900, 1100, false},
      {"approximately 500", QUALIFIER_ABOUT, 500, 450, 550, false},
      {"an estimated 1,000", QUALIFIER_ABOUT, 1000, 850, 1150, false},
      {"about a dozen", QUALIFIER_ABOUT, 12, 10.8, 13.2, false},
      // Almost: [v * (1 - spread), v].
      {"almost 50,000", QUALIFIER_ALMOST, 50000, 45000, 50000, false},
      {"nearly two dozen", QUALIFIER_ALMOST, 24, 21.6, 24, false},
      {"close to 100", QUALIFIER_ALMOST, 100, 90, 100, false},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Quantity> q = parser().Parse(c.text);
    ASSERT_OK(q) << c.text;
    EXPECT_EQ(q->qualifier(), c.qualifier) << c.text;
    EXPECT_DOUBLE_EQ(q->value(), c.value) << c.text;
    EXPECT_DOUBLE_EQ(q->lower(), c.lower) << c.text;
    EXPECT_EQ(q->unbounded(), c.unbounded) << c.text;
    if (!c.unbounded) {
      EXPECT_DOUBLE_EQ(q->upper(), c.upper) << c.text;
    }
  }
}

TEST_F(QuantityTest, VagueWordsAreRanges) {
  struct Case {
    const char* text;
    double lower;
    double upper;
    const char* word;
  } cases[] = {
      {"dozens", 24, 99, "dozens"},           {"Dozens", 24, 99, "dozens"},
      {"scores", 40, 199, "scores"},          {"hundreds", 200, 999, "hundreds"},
      {"thousands", 2000, 9999, "thousands"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Quantity> q = parser().Parse(c.text);
    ASSERT_OK(q) << c.text;
    EXPECT_EQ(q->qualifier(), QUALIFIER_VAGUE) << c.text;
    EXPECT_DOUBLE_EQ(q->lower(), c.lower) << c.text;
    EXPECT_DOUBLE_EQ(q->upper(), c.upper) << c.text;
    EXPECT_FALSE(q->unbounded()) << c.text;
    EXPECT_EQ(q->vague_word(), c.word) << c.text;
    EXPECT_EQ(DisplayQuantity(*q), c.word) << c.text;
  }
}

TEST_F(QuantityTest, DisplayStrings) {
  struct Case {
    const char* text;
    const char* display;
  } cases[] = {
      {"12", "12"},
      {"15,000", "15000"},
      {"1.5 million", "1500000"},
      {"1.5", "1.5"},
      {"eleven", "11"},
      {"at least 20", "at least 20"},
      {"more than 15,000", "more than 15000"},
      {"over 100", "more than 100"},
      {"up to 300", "at most 300"},
      {"fewer than 10", "fewer than 10"},
      {"under 10", "fewer than 10"},
      {"about 300", "about 300"},
      {"some 300", "about 300"},
      {"nearly two dozen", "almost 24"},
      {"almost 50,000", "almost 50000"},
      {"dozens", "dozens"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Quantity> q = parser().Parse(c.text);
    ASSERT_OK(q) << c.text;
    EXPECT_EQ(DisplayQuantity(*q), c.display) << c.text;
  }
}

TEST(DisplayQuantityTest, ShowsAddendsAndVagueRangesWithoutAWord) {
  Quantity sum;
  sum.set_value(12);
  sum.set_lower(12);
  sum.set_upper(12);
  sum.set_qualifier(QUALIFIER_EXACT);
  sum.add_addends(11);
  sum.add_addends(1);
  EXPECT_EQ(DisplayQuantity(sum), "12 (11 + 1)");

  Quantity vague;
  vague.set_qualifier(QUALIFIER_VAGUE);
  vague.set_value(24);
  vague.set_lower(24);
  vague.set_upper(99);
  EXPECT_EQ(DisplayQuantity(vague), "24-99");
}

// --- Money: the rules' currency table ---------------------------------------

TEST_F(QuantityTest, AmountsOfMoneyCarryTheirCurrencyCode) {
  struct Case {
    const char* text;
    double value;
    const char* unit;
    const char* display;
  } cases[] = {
      {"$20 million", 20000000, "USD", "USD 20 million"},
      {"$ 20 million", 20000000, "USD", "USD 20 million"},
      {"US$5m", 5000000, "USD", "USD 5 million"},
      {"€5m", 5000000, "EUR", "EUR 5 million"},
      {"€5 million", 5000000, "EUR", "EUR 5 million"},
      {"£1.2bn", 1200000000, "GBP", "GBP 1.2 billion"},
      {"C$2.5 million", 2500000, "CAD", "CAD 2.5 million"},
      {"EUR 5 million", 5000000, "EUR", "EUR 5 million"},
      {"20 million dollars", 20000000, "USD", "USD 20 million"},
      {"one million dollars", 1000000, "USD", "USD 1 million"},
      {"5 million US dollars", 5000000, "USD", "USD 5 million"},
      {"10 million euros", 10000000, "EUR", "EUR 10 million"},
      {"$250,000", 250000, "USD", "USD 250000"},
      {"$103.1 million", 103100000, "USD", "USD 103.1 million"},
      {"$1,234,567", 1234567, "USD", "USD 1234567"},
      {"300 million yen", 300000000, "JPY", "JPY 300 million"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Quantity> q = parser().Parse(c.text);
    ASSERT_OK(q) << c.text;
    EXPECT_DOUBLE_EQ(q->value(), c.value) << c.text;
    EXPECT_EQ(q->unit(), c.unit) << c.text;
    EXPECT_EQ(q->qualifier(), QUALIFIER_EXACT) << c.text;
    EXPECT_EQ(DisplayAmount(*q), c.display) << c.text;
  }
}

TEST_F(QuantityTest, QualifiedAmountsKeepTheirBounds) {
  absl::StatusOr<Quantity> q = parser().Parse("more than £10 million");
  ASSERT_OK(q);
  EXPECT_EQ(q->unit(), "GBP");
  EXPECT_EQ(q->qualifier(), QUALIFIER_MORE_THAN);
  EXPECT_DOUBLE_EQ(q->lower(), 10000000);
  EXPECT_TRUE(q->unbounded());
  EXPECT_EQ(DisplayAmount(*q), "more than GBP 10 million");

  q = parser().Parse("about $20 million");
  ASSERT_OK(q);
  EXPECT_EQ(q->qualifier(), QUALIFIER_ABOUT);
  EXPECT_DOUBLE_EQ(q->lower(), 18000000);
  EXPECT_DOUBLE_EQ(q->upper(), 22000000);
  EXPECT_EQ(DisplayAmount(*q), "about USD 20 million");
}

TEST_F(QuantityTest, CountsHaveNoUnit) {
  for (const char* text : {"20", "at least 20", "three million", "dozens", "1.5 million"}) {
    absl::StatusOr<Quantity> q = parser().Parse(text);
    ASSERT_OK(q) << text;
    EXPECT_EQ(q->unit(), "") << text;
  }
  // A letter code must stand alone: "usda" is no currency.
  EXPECT_FALSE(parser().Parse("usda 5").ok());
  // A symbol with no number is no amount.
  EXPECT_FALSE(parser().Parse("$").ok());
  EXPECT_FALSE(parser().Parse("dollars").ok());
}

TEST(QuantityParserTest, CurrenciesComeFromTheRules) {
  RuleSet rules;
  Currency* chf = rules.add_currencies();
  chf->set_code("CHF");
  chf->add_symbols("chf");
  chf->add_words("swiss francs");
  QuantityParser parser(rules);
  absl::StatusOr<Quantity> q = parser.Parse("CHF 300");
  ASSERT_OK(q);
  EXPECT_EQ(q->unit(), "CHF");
  EXPECT_DOUBLE_EQ(q->value(), 300);
  q = parser.Parse("300 Swiss francs");
  ASSERT_OK(q);
  EXPECT_EQ(q->unit(), "CHF");
  // Without a table entry, "$" is no currency and no number.
  EXPECT_FALSE(parser.Parse("$300").ok());
}

TEST_F(QuantityTest, RejectsTextWithoutANumber) {
  for (const char* text : {"", "protesters", "many", "Wednesday", "at least", "some", "dozen-ish",
                           "overseas", "a lot"}) {
    EXPECT_THAT(parser().Parse(text), StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_))
        << "'" << text << "'";
  }
  EXPECT_THAT(parser().ParseCardinal("protesters"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("protesters")));
  EXPECT_THAT(parser().ParseCardinal(""),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
}

// A qualifier phrase must be a whole word: "someone" is not "some one".
// Regression test (fixed): Parse() leaves the qualifier prefix consumed when the next character
// is not a space, so "someone" reads as the exact count 1 (via "one").
TEST_F(QuantityTest, QualifierMustBeAWholeWord) {
  absl::StatusOr<Quantity> q = parser().Parse("someone");
  EXPECT_THAT(q, StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_))
      << (q.ok() ? DisplayQuantity(*q) : "");
}

}  // namespace
}  // namespace crosscheck
