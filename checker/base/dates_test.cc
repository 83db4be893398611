#include "checker/base/dates.h"

#include "gtest/gtest.h"

namespace crosscheck {
namespace {

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

TEST(DatesTest, IsoRoundTrip) {
  ASSERT_TRUE(ParseIsoDate("2019-01-24").has_value());
  EXPECT_EQ(FormatIsoDate(*ParseIsoDate("2019-01-24")), "2019-01-24");
  EXPECT_FALSE(ParseIsoDate("2019-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2019-1-4").has_value());
}

TEST(DatesTest, MonthNames) {
  EXPECT_EQ(MonthFromName("Jan."), 1);
  EXPECT_EQ(MonthFromName("sept"), 9);
  EXPECT_EQ(MonthFromName("December"), 12);
  EXPECT_EQ(MonthFromName("Mayday"), 0);
}

TEST(DatesTest, WrittenDates) {
  absl::optional<absl::CivilDay> ref = Day(2019, 1, 24);
  struct Case {
    const char* text;
    absl::CivilDay first, last;
    Granularity granularity;
  } cases[] = {
      {"Jan. 10", Day(2019, 1, 10), Day(2019, 1, 10), GRANULARITY_DAY},
      {"January 10, 2019", Day(2019, 1, 10), Day(2019, 1, 10), GRANULARITY_DAY},
      {"27 December", Day(2018, 12, 27), Day(2018, 12, 27), GRANULARITY_DAY},
      {"July 2nd, 2013", Day(2013, 7, 2), Day(2013, 7, 2), GRANULARITY_DAY},
      {"May 03, 2013", Day(2013, 5, 3), Day(2013, 5, 3), GRANULARITY_DAY},
      {"September 2008", Day(2008, 9, 1), Day(2008, 9, 30), GRANULARITY_MONTH},
  };
  for (const Case& c : cases) {
    absl::optional<DateRange> r = ParseWrittenDate(c.text, ref);
    ASSERT_TRUE(r.has_value()) << c.text;
    EXPECT_EQ(r->first, c.first) << c.text;
    EXPECT_EQ(r->last, c.last) << c.text;
    EXPECT_EQ(r->granularity, c.granularity) << c.text;
  }
}

TEST(DatesTest, RejectsNonDates) {
  EXPECT_FALSE(ParseWrittenDate("may continue", Day(2019, 1, 1)).has_value());
  EXPECT_FALSE(ParseWrittenDate("Jan. 10", absl::nullopt).has_value());
  EXPECT_FALSE(ParseWrittenDate("February 30, 2019", absl::nullopt).has_value());
}

TEST(DatesTest, Weekday) { EXPECT_EQ(WeekdayName(Day(2019, 1, 27)), "Sunday"); }

}  // namespace
}  // namespace crosscheck
