#include "checker/extract/timex_value.h"

#include "absl/time/civil_time.h"
#include "checker/extract/quantity.h"
#include "gtest/gtest.h"
#include "proto/rules.pb.h"
#include "proto/timex.pb.h"

namespace crosscheck::timex_internal {
namespace {

TEST(FoldTest, TrimsLowersAndDropsTrailingPunctuation) {
  EXPECT_EQ(Fold("  Last. "), "last");
  EXPECT_EQ(Fold("Mid-Morning,"), "mid-morning");
  EXPECT_EQ(Fold(""), "");
}

TEST(QuarterTest, CountsFromJanuary) {
  EXPECT_EQ(Quarter(absl::CivilDay(2019, 1, 31)), 1);
  EXPECT_EQ(Quarter(absl::CivilDay(2019, 8, 1)), 3);
  EXPECT_EQ(Quarter(absl::CivilDay(2019, 12, 31)), 4);
}

TEST(IsoWeekTest, WeeksBelongToTheYearOfTheirThursday) {
  EXPECT_EQ(IsoWeek(absl::CivilDay(2019, 1, 24)), std::make_pair(2019, 4));
  EXPECT_EQ(IsoWeek(absl::CivilDay(2019, 12, 30)), std::make_pair(2020, 1));
  EXPECT_EQ(IsoWeek(absl::CivilDay(2021, 1, 3)), std::make_pair(2020, 53));
}

TEST(FormatPointTest, WritesEachGranularityAsTimeMlDoes) {
  const absl::CivilDay day(2019, 1, 24);
  EXPECT_EQ(FormatPoint({day, Gran::kDay}), "2019-01-24");
  EXPECT_EQ(FormatPoint({day, Gran::kWeek}), "2019-W04");
  EXPECT_EQ(FormatPoint({day, Gran::kWeekend}), "2019-W04-WE");
  EXPECT_EQ(FormatPoint({absl::CivilDay(2019, 3, 1), Gran::kMonth}), "2019-03");
  EXPECT_EQ(FormatPoint({absl::CivilDay(1989, 7, 1), Gran::kQuarter}), "1989-Q3");
  EXPECT_EQ(FormatPoint({absl::CivilDay(2019, 7, 1), Gran::kHalf}), "2019-H2");
  EXPECT_EQ(FormatPoint({absl::CivilDay(2019, 1, 1), Gran::kSeason, "SU"}), "2019-SU");
  EXPECT_EQ(FormatPoint({absl::CivilDay(2019, 1, 1), Gran::kYear}), "2019");
  EXPECT_EQ(FormatPoint({absl::CivilDay(1990, 1, 1), Gran::kDecade}), "199");
  EXPECT_EQ(FormatPoint({absl::CivilDay(1900, 1, 1), Gran::kCentury}), "19");
}

TEST(FormatPointTest, AddsAClockTimeOrAPartOfTheDay) {
  Point p{absl::CivilDay(2019, 1, 24), Gran::kDay};
  p.part = "MO";
  EXPECT_EQ(FormatPoint(p), "2019-01-24TMO");
  p.hour = 14;
  p.minute = 5;
  EXPECT_EQ(FormatPoint(p), "2019-01-24T14:05");  // the clock time wins
}

TEST(ShiftTest, CountsUnitsAndClampsToTheMonth) {
  const Point jan31{absl::CivilDay(2019, 1, 31), Gran::kDay};
  EXPECT_EQ(FormatPoint(Shift(jan31, Gran::kDay, -1)), "2019-01-30");
  EXPECT_EQ(FormatPoint(Shift(jan31, Gran::kWeek, 1)), "2019-02-07");
  EXPECT_EQ(FormatPoint(Shift(jan31, Gran::kMonth, 1)), "2019-02-28");
  EXPECT_EQ(FormatPoint(Shift(jan31, Gran::kQuarter, -1)), "2018-10-31");
  const Point leap{absl::CivilDay(2020, 2, 29), Gran::kDay};
  EXPECT_EQ(FormatPoint(Shift(leap, Gran::kYear, -1)), "2019-02-28");
  EXPECT_EQ(FormatPoint(Shift(leap, Gran::kDecade, 1)), "2030-02-28");
}

TEST(ShiftTest, DropsTheTimeOfDayAndKeepsTheGranularity) {
  Point p{absl::CivilDay(2019, 1, 24), Gran::kDay};
  p.part = "EV";
  p.hour = 20;
  Point shifted = Shift(p, Gran::kDay, 1);
  EXPECT_EQ(shifted.gran, Gran::kDay);
  EXPECT_EQ(shifted.hour, -1);
  EXPECT_EQ(FormatPoint(shifted), "2019-01-25");
}

TEST(GranOfUnitTest, KnowsCalendarUnitsOnly) {
  EXPECT_EQ(GranOfUnit("D"), Gran::kDay);
  EXPECT_EQ(GranOfUnit("WE"), Gran::kWeekend);
  EXPECT_EQ(GranOfUnit("CE"), Gran::kCentury);
  EXPECT_EQ(GranOfUnit("TH"), absl::nullopt);  // hours: a clock unit
  EXPECT_EQ(GranOfUnit("X"), absl::nullopt);
}

TEST(MakeVocabularyTest, FoldsTheRulesWords) {
  TimexRules rules;
  TimexWord* unit = rules.add_units();
  unit->add_words("Day");
  unit->add_words("days.");
  unit->set_code("D");
  TimexWord* last = rules.add_modifiers();
  last->add_words("Last");
  last->set_number(-1);
  TimexWord* third = rules.add_ordinals();
  third->add_words("third");
  third->set_number(3);
  Vocabulary v = MakeVocabulary(rules);
  EXPECT_EQ(v.units.at("day"), "D");
  EXPECT_EQ(v.units.at("days"), "D");
  EXPECT_EQ(v.modifiers.at("last"), -1);
  EXPECT_EQ(v.ordinals.at("third"), 3);
  EXPECT_TRUE(v.seasons.empty());
}

TEST(CardinalsTest, ReadsDigitsAndWordsAndKeepsTheirAnswers) {
  RuleSet rules;
  QuantityParser parser(rules);
  Cardinals numbers(parser);
  EXPECT_EQ(numbers.Read("72"), 72.0);
  EXPECT_EQ(numbers.Read(" 2.5 "), 2.5);
  EXPECT_EQ(numbers.Read(""), absl::nullopt);
  EXPECT_EQ(numbers.Read("three"), 3.0);
  EXPECT_EQ(numbers.Read("Three"), 3.0);  // kept under its folded text
  EXPECT_EQ(numbers.Read("several"), absl::nullopt);
}

TEST(MatchTest, TellsTheTenseOnceAndOnlyWhenAsked) {
  int asked = 0;
  auto tense = [&] {
    ++asked;
    return 1;
  };
  Match m;
  m.tell_tense.emplace(tense);
  EXPECT_EQ(asked, 0);
  EXPECT_EQ(m.tense(), 1);
  EXPECT_EQ(m.tense(), 1);
  EXPECT_EQ(asked, 1);
  Match unknown;
  EXPECT_EQ(unknown.tense(), 0);
  EXPECT_FALSE(unknown.has(kYear));
  unknown.groups[kYear] = "2019";
  EXPECT_EQ(unknown.get(kYear), absl::string_view("2019"));
}

}  // namespace
}  // namespace crosscheck::timex_internal
