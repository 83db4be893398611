#include "checker/extract/timex_resolve.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "checker/extract/quantity.h"
#include "checker/extract/timex_value.h"
#include "gtest/gtest.h"
#include "proto/rules.pb.h"
#include "proto/timex.pb.h"

namespace crosscheck::timex_internal {
namespace {

// A Thursday.
const absl::CivilDay kDct(2019, 1, 24);

void AddWords(std::vector<std::string> words, const std::string& code, int number,
              google::protobuf::RepeatedPtrField<TimexWord>* to) {
  TimexWord* w = to->Add();
  for (const std::string& word : words) w->add_words(word);
  w->set_code(code);
  w->set_number(number);
}

class ResolveTest : public ::testing::Test {
 protected:
  ResolveTest() : numbers_(parser_) {
    TimexRules rules;
    AddWords({"day", "days"}, "D", 0, rules.mutable_units());
    AddWords({"week", "weeks"}, "W", 0, rules.mutable_units());
    AddWords({"year", "years"}, "Y", 0, rules.mutable_units());
    AddWords({"decade", "decades"}, "DE", 0, rules.mutable_units());
    AddWords({"hour", "hours"}, "TH", 0, rules.mutable_units());
    AddWords({"last"}, "", -1, rules.mutable_modifiers());
    AddWords({"this"}, "", 0, rules.mutable_modifiers());
    AddWords({"next"}, "", 1, rules.mutable_modifiers());
    AddWords({"ago", "earlier"}, "", -1, rules.mutable_directions());
    AddWords({"later"}, "", 1, rules.mutable_directions());
    AddWords({"morning"}, "MO", 0, rules.mutable_parts_of_day());
    AddWords({"summer"}, "SU", 0, rules.mutable_seasons());
    AddWords({"third"}, "", 3, rules.mutable_ordinals());
    vocabulary_ = MakeVocabulary(rules);
  }

  static TimexPattern Pattern(TimexResolver resolver) {
    TimexPattern p;
    p.set_resolver(resolver);
    return p;
  }

  // The value of a match with `groups`, resolved against `reference_`.
  absl::optional<std::string> Value(const TimexPattern& pattern,
                                    std::vector<std::pair<Group, absl::string_view>> groups,
                                    int tense = 0) {
    auto tell = [tense] { return tense; };
    Match m;
    for (const auto& [group, text] : groups) m.groups[group] = text;
    m.tell_tense.emplace(tell);
    return Resolve(pattern, m, kDct, vocabulary_, numbers_, &reference_);
  }

  RuleSet no_rules_;
  QuantityParser parser_{no_rules_};
  Cardinals numbers_;
  Vocabulary vocabulary_;
  Point reference_{kDct, Gran::kDay};
};

TEST_F(ResolveTest, LiteralAndReject) {
  TimexPattern literal = Pattern(TIMEX_RESOLVER_LITERAL);
  literal.set_value("PRESENT_REF");
  EXPECT_EQ(Value(literal, {}), "PRESENT_REF");
  EXPECT_EQ(Value(Pattern(TIMEX_RESOLVER_REJECT), {}), absl::nullopt);
  EXPECT_EQ(Value(Pattern(TIMEX_RESOLVER_UNSPECIFIED), {}), absl::nullopt);
}

TEST_F(ResolveTest, Durations) {
  const TimexPattern d = Pattern(TIMEX_RESOLVER_DURATION);
  EXPECT_EQ(Value(d, {{kNum, "3"}, {kUnit, "days"}}), "P3D");
  EXPECT_EQ(Value(d, {{kNum, "72"}, {kUnit, "hours"}}), "PT72H");
  EXPECT_EQ(Value(d, {{kNum, "two"}, {kUnit, "decades"}}), "P20Y");
  EXPECT_EQ(Value(d, {{kUnit, "years"}}), "PXY");
  EXPECT_EQ(Value(d, {{kNum, "several"}, {kUnit, "weeks"}}), "PXW");
  EXPECT_EQ(Value(d, {{kUnit, "year"}, {kHalf, "a half"}}), "P1.5Y");
  EXPECT_EQ(Value(d, {{kUnit, "fortnight"}}), absl::nullopt);
}

TEST_F(ResolveTest, Sets) {
  const TimexPattern s = Pattern(TIMEX_RESOLVER_SET);
  EXPECT_EQ(Value(s, {{kWeekday, "Sunday"}}), "XXXX-WXX-7");
  EXPECT_EQ(Value(s, {{kWeekday, "Sunday"}, {kPart, "morning"}}), "XXXX-WXX-7TMO");
  EXPECT_EQ(Value(s, {{kPart, "morning"}}), "XXXX-XX-XXTMO");
  EXPECT_EQ(Value(s, {{kUnit, "weeks"}}), "P1W");  // "every week"
  EXPECT_EQ(Value(s, {{kNum, "2"}, {kUnit, "weeks"}}), "P2W");
}

TEST_F(ResolveTest, PointsWithTheirOwnYear) {
  const TimexPattern p = Pattern(TIMEX_RESOLVER_POINT);
  EXPECT_EQ(Value(p, {{kYear, "2018"}, {kMonth, "March"}, {kDay, "12th"}}), "2018-03-12");
  EXPECT_EQ(Value(p, {{kYear, "'98"}, {kMonth, "May"}}), "1998-05");
  EXPECT_EQ(Value(p, {{kYear, "1989"}, {kQuarter, "third"}}), "1989-Q3");
  EXPECT_EQ(Value(p, {{kYear, "2018"}, {kSeason, "summer"}}), "2018-SU");
  EXPECT_EQ(Value(p, {{kDecade, "1990s"}}), "199");
  EXPECT_EQ(Value(p, {{kCentury, "21st"}}), "20");
  EXPECT_EQ(Value(p, {{kYear, "2019"}, {kMonth, "February"}, {kDay, "31"}}), absl::nullopt);
  EXPECT_EQ(Value(p, {{kYear, "2019"}, {kMonth, "may"}}), absl::nullopt);  // the verb
  EXPECT_EQ(Value(p, {{kYear, "2019"}, {kMonth, "13"}}), absl::nullopt);
}

TEST_F(ResolveTest, PointsNearTheAnchor) {
  const TimexPattern p = Pattern(TIMEX_RESOLVER_POINT);
  EXPECT_EQ(Value(p, {{kMonth, "March"}, {kDay, "12"}}), "2019-03-12");
  EXPECT_EQ(Value(p, {{kMonth, "December"}, {kDay, "30"}}), "2018-12-30");  // the nearest
  EXPECT_EQ(Value(p, {{kMonth, "March"}}), "2019-03");
  EXPECT_EQ(Value(p, {{kMonth, "March"}}, /*tense=*/-1), "2018-03");
  EXPECT_EQ(Value(p, {{kMod, "next"}, {kMonth, "January"}}), "2020-01");
  EXPECT_EQ(Value(p, {{kQuarter, "third"}}), "2018-Q3");  // behind, without a cue
  EXPECT_EQ(Value(p, {{kMod, "last"}, {kSeason, "summer"}}), "2018-SU");
}

TEST_F(ResolveTest, Weekdays) {
  const TimexPattern p = Pattern(TIMEX_RESOLVER_POINT);
  EXPECT_EQ(Value(p, {{kWeekday, "Sunday"}}), "2019-01-20");
  EXPECT_EQ(Value(p, {{kWeekday, "Sunday"}}, /*tense=*/1), "2019-01-27");
  EXPECT_EQ(Value(p, {{kMod, "next"}, {kWeekday, "Thursday"}}), "2019-01-31");
  EXPECT_EQ(Value(p, {{kMod, "last"}, {kWeekday, "Sunday"}, {kPart, "morning"}}), "2019-01-20TMO");
  EXPECT_EQ(Value(p, {{kWeekday, "Caturday"}}), absl::nullopt);
}

TEST_F(ResolveTest, UnitsCountedFromTheAnchor) {
  TimexPattern yesterday = Pattern(TIMEX_RESOLVER_POINT);
  yesterday.set_unit("D");
  yesterday.set_offset(-1);
  EXPECT_EQ(Value(yesterday, {}), "2019-01-23");
  const TimexPattern p = Pattern(TIMEX_RESOLVER_POINT);
  EXPECT_EQ(Value(p, {{kMod, "last"}, {kUnit, "week"}}), "2019-W03");
  EXPECT_EQ(Value(p, {{kNum, "3"}, {kUnit, "days"}, {kDir, "ago"}}), "2019-01-21");
  EXPECT_EQ(Value(p, {{kNum, "two"}, {kUnit, "years"}, {kDir, "later"}}), "2021");
  EXPECT_EQ(Value(p, {{kMod, "whenever"}, {kUnit, "week"}}), absl::nullopt);
}

TEST_F(ResolveTest, VagueCountsAreReferences) {
  const TimexPattern p = Pattern(TIMEX_RESOLVER_POINT);
  EXPECT_EQ(Value(p, {{kUnit, "years"}, {kDir, "ago"}}), "PAST_REF");
  EXPECT_EQ(Value(p, {{kNum, "several"}, {kUnit, "weeks"}, {kDir, "later"}}), "FUTURE_REF");
  EXPECT_EQ(reference_.day, kDct);  // a vague value is no reference
}

TEST_F(ResolveTest, ClockTimes) {
  TimexPattern today = Pattern(TIMEX_RESOLVER_POINT);
  today.set_unit("D");
  EXPECT_EQ(Value(today, {{kHour, "2"}, {kMinute, "30"}, {kAmPm, "p.m."}}), "2019-01-24T14:30");
  EXPECT_EQ(Value(today, {{kHour, "12"}, {kAmPm, "am"}}), "2019-01-24T00:00");
  EXPECT_EQ(Value(today, {{kHour, "noon"}}), "2019-01-24T12:00");
  EXPECT_EQ(Value(today, {{kHour, "25"}}), absl::nullopt);
  EXPECT_EQ(Value(today, {{kHour, "14"}, {kAmPm, "pm"}}), absl::nullopt);
  EXPECT_EQ(Value(today, {{kHour, "9"}, {kMinute, "75"}}), absl::nullopt);
  // A clock time on a coarser point is dropped.
  EXPECT_EQ(Value(Pattern(TIMEX_RESOLVER_POINT), {{kYear, "2019"}, {kHour, "9"}}), "2019");
}

TEST_F(ResolveTest, PointsUpdateTheReferenceUnlessTheyKeepIt) {
  const TimexPattern p = Pattern(TIMEX_RESOLVER_POINT);
  ASSERT_EQ(Value(p, {{kYear, "1989"}, {kQuarter, "third"}}), "1989-Q3");
  EXPECT_EQ(FormatPoint(reference_), "1989-Q3");
  // "A year earlier" than a quarter is that quarter a year before.
  TimexPattern earlier = Pattern(TIMEX_RESOLVER_POINT);
  earlier.set_anchor(TIMEX_ANCHOR_REFERENCE);
  EXPECT_EQ(Value(earlier, {{kUnit, "year"}, {kDir, "earlier"}}), "1988-Q3");
  TimexPattern kept = p;
  kept.set_keep_reference(true);
  EXPECT_EQ(Value(kept, {{kYear, "2001"}}), "2001");
  EXPECT_EQ(FormatPoint(reference_), "1988-Q3");
}

}  // namespace
}  // namespace crosscheck::timex_internal
