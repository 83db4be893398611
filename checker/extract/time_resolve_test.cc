#include "checker/extract/time_resolve.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "checker/extract/quantity.h"
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
using ::testing::StartsWith;

// 2019-01-24 is a Thursday.
constexpr absl::CivilDay kThursday(2019, 1, 24);
constexpr absl::CivilDay kFriday(2019, 1, 25);
constexpr absl::CivilDay kSunday(2019, 1, 27);
constexpr absl::CivilDay kMonday(2019, 1, 28);

class TimeResolveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = &testing::ShippedRules();
    numbers_ = new QuantityParser(rules_->proto());
  }
  static void TearDownTestSuite() { delete numbers_; }

  static absl::StatusOr<TimeInterval> Resolve(const std::string& text, absl::CivilDay published,
                                              TimeDirection direction = TIME_DIRECTION_FUTURE,
                                              int lookback_days = 3) {
    return ResolveTime(text, published, direction, lookback_days, *numbers_);
  }

  static const Rules* rules_;
  static QuantityParser* numbers_;
};

const Rules* TimeResolveTest::rules_ = nullptr;
QuantityParser* TimeResolveTest::numbers_ = nullptr;

struct DayCase {
  const char* text;
  absl::CivilDay published;
  TimeDirection direction;
  const char* start;
  const char* end;
  Granularity granularity;
};

void ExpectResolves(const DayCase& c, const QuantityParser& numbers) {
  absl::StatusOr<TimeInterval> t = ResolveTime(c.text, c.published, c.direction, 3, numbers);
  ASSERT_OK(t) << c.text << " @ " << c.published;
  EXPECT_EQ(t->start(), c.start) << c.text << " @ " << c.published;
  EXPECT_EQ(t->end(), c.end) << c.text << " @ " << c.published;
  EXPECT_EQ(t->granularity(), c.granularity) << c.text << " @ " << c.published;
  EXPECT_FALSE(t->resolution().empty()) << c.text;
}

TEST_F(TimeResolveTest, BareWeekdaysFollowTheDirection) {
  const DayCase cases[] = {
      // Deadlines look ahead, on or after publication.
      {"Sunday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-27", "2019-01-27", GRANULARITY_DAY},
      {"by Sunday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-27", "2019-01-27", GRANULARITY_DAY},
      {"before Saturday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-26", "2019-01-26",
       GRANULARITY_DAY},
      {"until Friday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-25", "2019-01-25",
       GRANULARITY_DAY},
      {"Wednesday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-30", "2019-01-30", GRANULARITY_DAY},
      {"Monday", kSunday, TIME_DIRECTION_FUTURE, "2019-01-28", "2019-01-28", GRANULARITY_DAY},
      // Same day counts in both directions.
      {"Thursday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-24", "2019-01-24", GRANULARITY_DAY},
      {"Thursday", kThursday, TIME_DIRECTION_PAST, "2019-01-24", "2019-01-24", GRANULARITY_DAY},
      // Reports look back, on or before publication.
      {"Wednesday", kThursday, TIME_DIRECTION_PAST, "2019-01-23", "2019-01-23", GRANULARITY_DAY},
      {"on Wednesday", kThursday, TIME_DIRECTION_PAST, "2019-01-23", "2019-01-23", GRANULARITY_DAY},
      {"Wednesday night", kThursday, TIME_DIRECTION_PAST, "2019-01-23", "2019-01-23",
       GRANULARITY_DAY},
      {"late Wednesday", kThursday, TIME_DIRECTION_PAST, "2019-01-23", "2019-01-23",
       GRANULARITY_DAY},
      {"early Sunday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-27", "2019-01-27",
       GRANULARITY_DAY},
      {"this Sunday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-27", "2019-01-27",
       GRANULARITY_DAY},
      {"Friday", kThursday, TIME_DIRECTION_PAST, "2019-01-18", "2019-01-18", GRANULARITY_DAY},
      {"Sunday", kMonday, TIME_DIRECTION_PAST, "2019-01-27", "2019-01-27", GRANULARITY_DAY},
      // Case does not matter.
      {"SUNDAY", kThursday, TIME_DIRECTION_FUTURE, "2019-01-27", "2019-01-27", GRANULARITY_DAY},
  };
  for (const DayCase& c : cases) ExpectResolves(c, *numbers_);
}

TEST_F(TimeResolveTest, NextAndLastOverrideTheDirection) {
  const DayCase cases[] = {
      {"next Thursday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-31", "2019-01-31",
       GRANULARITY_DAY},
      {"next Sunday", kThursday, TIME_DIRECTION_PAST, "2019-01-27", "2019-01-27", GRANULARITY_DAY},
      {"coming Saturday", kThursday, TIME_DIRECTION_PAST, "2019-01-26", "2019-01-26",
       GRANULARITY_DAY},
      {"last Thursday", kThursday, TIME_DIRECTION_PAST, "2019-01-17", "2019-01-17",
       GRANULARITY_DAY},
      {"last Monday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-21", "2019-01-21",
       GRANULARITY_DAY},
      {"last Friday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-18", "2019-01-18",
       GRANULARITY_DAY},
  };
  for (const DayCase& c : cases) ExpectResolves(c, *numbers_);
}

TEST_F(TimeResolveTest, RelativeDays) {
  const DayCase cases[] = {
      {"yesterday", kThursday, TIME_DIRECTION_PAST, "2019-01-23", "2019-01-23", GRANULARITY_DAY},
      {"Yesterday", kThursday, TIME_DIRECTION_FUTURE, "2019-01-23", "2019-01-23", GRANULARITY_DAY},
      {"tomorrow", kThursday, TIME_DIRECTION_FUTURE, "2019-01-25", "2019-01-25", GRANULARITY_DAY},
      {"today", kThursday, TIME_DIRECTION_PAST, "2019-01-24", "2019-01-24", GRANULARITY_DAY},
      {"tonight", kThursday, TIME_DIRECTION_FUTURE, "2019-01-24", "2019-01-24", GRANULARITY_DAY},
      // Across a month boundary.
      {"yesterday", absl::CivilDay(2019, 3, 1), TIME_DIRECTION_PAST, "2019-02-28", "2019-02-28",
       GRANULARITY_DAY},
      // Overnight: the night before publication, two calendar days.
      {"overnight", kThursday, TIME_DIRECTION_PAST, "2019-01-23", "2019-01-24", GRANULARITY_DAY},
  };
  for (const DayCase& c : cases) ExpectResolves(c, *numbers_);
}

TEST_F(TimeResolveTest, WeekendsAndWeeks) {
  const DayCase cases[] = {
      // This weekend: Saturday and Sunday.
      {"this weekend", kThursday, TIME_DIRECTION_FUTURE, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
      {"before this weekend", kThursday, TIME_DIRECTION_FUTURE, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
      {"the weekend", kThursday, TIME_DIRECTION_FUTURE, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
      {"this weekend", kSunday, TIME_DIRECTION_PAST, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
      // Looking back from a Monday, the weekend is the one just past.
      {"the weekend", kMonday, TIME_DIRECTION_PAST, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
      {"next weekend", kThursday, TIME_DIRECTION_FUTURE, "2019-02-02", "2019-02-03",
       GRANULARITY_WEEKEND},
      {"last weekend", kThursday, TIME_DIRECTION_PAST, "2019-01-19", "2019-01-20",
       GRANULARITY_WEEKEND},
      {"the coming weekend", kThursday, TIME_DIRECTION_FUTURE, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
      // This week in a report: Monday up to the publication day.
      {"this week", kFriday, TIME_DIRECTION_PAST, "2019-01-21", "2019-01-25", GRANULARITY_WEEK},
      {"this week", kMonday, TIME_DIRECTION_PAST, "2019-01-28", "2019-01-28", GRANULARITY_WEEK},
      // This week as a plan: the whole calendar week.
      {"this week", kFriday, TIME_DIRECTION_FUTURE, "2019-01-21", "2019-01-27", GRANULARITY_WEEK},
      {"last week", kFriday, TIME_DIRECTION_PAST, "2019-01-14", "2019-01-20", GRANULARITY_WEEK},
      {"next week", kFriday, TIME_DIRECTION_FUTURE, "2019-01-28", "2019-02-03", GRANULARITY_WEEK},
      {"the past week", kFriday, TIME_DIRECTION_PAST, "2019-01-19", "2019-01-25", GRANULARITY_WEEK},
  };
  for (const DayCase& c : cases) ExpectResolves(c, *numbers_);
}

// A report published on a Monday about deaths "this weekend" means the
// weekend that just ended, as "this week" in a report means the week so far.
// Regression test (fixed): with the explicit "this" the PAST direction is ignored: "this
// weekend" published Monday 2019-01-28 resolves to 2019-02-02..2019-02-03,
// a weekend after publication. ("the weekend" is handled.)
TEST_F(TimeResolveTest, ThisWeekendInAReportLooksBack) {
  const DayCase cases[] = {
      {"this weekend", kMonday, TIME_DIRECTION_PAST, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
      {"this weekend", absl::CivilDay(2019, 1, 30), TIME_DIRECTION_PAST, "2019-01-26", "2019-01-27",
       GRANULARITY_WEEKEND},
  };
  for (const DayCase& c : cases) ExpectResolves(c, *numbers_);
}

TEST_F(TimeResolveTest, MonthsAndYears) {
  const DayCase cases[] = {
      {"this month", kThursday, TIME_DIRECTION_PAST, "2019-01-01", "2019-01-31", GRANULARITY_MONTH},
      {"last month", kThursday, TIME_DIRECTION_PAST, "2018-12-01", "2018-12-31", GRANULARITY_MONTH},
      {"next month", kThursday, TIME_DIRECTION_FUTURE, "2019-02-01", "2019-02-28",
       GRANULARITY_MONTH},
      {"last year", kThursday, TIME_DIRECTION_PAST, "2018-01-01", "2018-12-31", GRANULARITY_YEAR},
  };
  for (const DayCase& c : cases) ExpectResolves(c, *numbers_);
}

TEST_F(TimeResolveTest, WrittenDates) {
  const DayCase cases[] = {
      {"Jan. 10", kThursday, TIME_DIRECTION_PAST, "2019-01-10", "2019-01-10", GRANULARITY_DAY},
      {"on Jan. 10", kThursday, TIME_DIRECTION_PAST, "2019-01-10", "2019-01-10", GRANULARITY_DAY},
      {"January 10, 2019", kThursday, TIME_DIRECTION_PAST, "2019-01-10", "2019-01-10",
       GRANULARITY_DAY},
      {"March 1", kThursday, TIME_DIRECTION_FUTURE, "2019-03-01", "2019-03-01", GRANULARITY_DAY},
      // Without a year, the year nearest publication.
      {"Dec. 30", absl::CivilDay(2019, 1, 2), TIME_DIRECTION_PAST, "2018-12-30", "2018-12-30",
       GRANULARITY_DAY},
      {"27 December", kThursday, TIME_DIRECTION_PAST, "2018-12-27", "2018-12-27", GRANULARITY_DAY},
      // A month and year is the whole month.
      {"September 2008", kThursday, TIME_DIRECTION_PAST, "2008-09-01", "2008-09-30",
       GRANULARITY_MONTH},
  };
  for (const DayCase& c : cases) ExpectResolves(c, *numbers_);
}

TEST_F(TimeResolveTest, DurationsAreVagueFromTheLookback) {
  // Ordered between 2019-01-22 and 2019-01-25; 72 hours later.
  absl::StatusOr<TimeInterval> t = Resolve("72 hours", kFriday);
  ASSERT_OK(t);
  EXPECT_EQ(t->granularity(), GRANULARITY_VAGUE);
  EXPECT_EQ(t->start(), "2019-01-25");
  EXPECT_EQ(t->end(), "2019-01-28");
  EXPECT_THAT(t->resolution(), StartsWith("within 72 hours"));
  EXPECT_THAT(t->resolution(), HasSubstr("2019-01-22"));
  EXPECT_EQ(DisplayTime(*t), "within 72 hours (ends 2019-01-25..2019-01-28)");

  struct Case {
    const char* text;
    int lookback;
    const char* start;
    const char* end;
  } cases[] = {
      {"72 hours", 0, "2019-01-28", "2019-01-28"},
      {"72-hour", 3, "2019-01-25", "2019-01-28"},
      {"48 hours", 3, "2019-01-24", "2019-01-27"},
      {"30 days", 3, "2019-02-21", "2019-02-24"},
      {"two weeks", 3, "2019-02-05", "2019-02-08"},
      {"a week", 1, "2019-01-31", "2019-02-01"},
      {"seventy-two hours", 3, "2019-01-25", "2019-01-28"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<TimeInterval> d = Resolve(c.text, kFriday, TIME_DIRECTION_FUTURE, c.lookback);
    ASSERT_OK(d) << c.text;
    EXPECT_EQ(d->granularity(), GRANULARITY_VAGUE) << c.text;
    EXPECT_EQ(d->start(), c.start) << c.text;
    EXPECT_EQ(d->end(), c.end) << c.text;
  }
}

TEST_F(TimeResolveTest, ThisWeekIsNotADuration) {
  for (const char* text :
       {"this week", "next week", "last week", "the past week", "this weekend"}) {
    absl::StatusOr<TimeInterval> t = Resolve(text, kFriday, TIME_DIRECTION_PAST);
    ASSERT_OK(t) << text;
    EXPECT_NE(t->granularity(), GRANULARITY_VAGUE) << text;
  }
}

TEST_F(TimeResolveTest, DisplayStrings) {
  struct Case {
    const char* text;
    absl::CivilDay published;
    TimeDirection direction;
    const char* display;
  } cases[] = {
      {"by Sunday", kThursday, TIME_DIRECTION_FUTURE, "Sunday 2019-01-27"},
      {"Wednesday", kThursday, TIME_DIRECTION_PAST, "Wednesday 2019-01-23"},
      {"yesterday", kThursday, TIME_DIRECTION_PAST, "Wednesday 2019-01-23"},
      {"overnight", kThursday, TIME_DIRECTION_PAST, "2019-01-23..2019-01-24"},
      {"this weekend", kThursday, TIME_DIRECTION_FUTURE, "weekend 2019-01-26..2019-01-27"},
      {"this week", kFriday, TIME_DIRECTION_PAST, "week 2019-01-21..2019-01-25"},
      {"September 2008", kThursday, TIME_DIRECTION_PAST, "2008-09"},
      {"last year", kThursday, TIME_DIRECTION_PAST, "2018"},
      {"Jan. 10", kThursday, TIME_DIRECTION_PAST, "Thursday 2019-01-10"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<TimeInterval> t = Resolve(c.text, c.published, c.direction);
    ASSERT_OK(t) << c.text;
    EXPECT_EQ(DisplayTime(*t), c.display) << c.text;
  }
}

TEST_F(TimeResolveTest, RejectsGarbage) {
  for (const char* text : {"", "soonish", "blursday", "next blursday", "the day after the election",
                           "many hours", "this fortnight", "Sunday Monday Tuesday"}) {
    EXPECT_THAT(Resolve(text, kThursday),
                StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_))
        << "'" << text << "'";
  }
  EXPECT_THAT(Resolve("soonish", kThursday),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("soonish")));
}

}  // namespace
}  // namespace crosscheck
