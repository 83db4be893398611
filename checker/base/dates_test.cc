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

TEST(DatesTest, Rfc3339DateTimes) {
  auto t = ParseDateTime("2019-03-10T14:05:00+03:00");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatIsoDate(t->local_day), "2019-03-10");
  EXPECT_EQ(t->utc, "2019-03-10T11:05:00Z");
  // Late in the evening west of Greenwich: the writer's date, the UTC instant.
  t = ParseDateTime("2019-03-10T23:30:00-05:00");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatIsoDate(t->local_day), "2019-03-10");
  EXPECT_EQ(t->utc, "2019-03-11T04:30:00Z");
  t = ParseDateTime("2021-07-14 18:30Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->utc, "2021-07-14T18:30:00Z");
  t = ParseDateTime("2021-07-14T18:30:12.5z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->utc, "2021-07-14T18:30:12Z");
  for (const char* bad : {"2021-07-14", "2021-07-14T25:00:00Z", "2021-02-30T10:00:00Z",
                          "yesterday at noon", "2021-07-14T10:00:00", ""}) {
    EXPECT_FALSE(ParseDateTime(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace crosscheck
