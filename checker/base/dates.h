// Calendar dates as news writes them, on Abseil civil time.
//
// Example:
//   absl::optional<DateRange> d = ParseWrittenDate("Jan. 10", ref);
//   // d->first == d->last == 2019-01-10 when ref is in January 2019
#ifndef CROSSCHECK_CHECKER_BASE_DATES_H_
#define CROSSCHECK_CHECKER_BASE_DATES_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "proto/claim.pb.h"

namespace crosscheck {

// A range of whole days with the precision the text gave.
struct DateRange {
  absl::CivilDay first;
  absl::CivilDay last;
  Granularity granularity = GRANULARITY_DAY;
};

// Parses `YYYY-MM-DD`; nullopt unless it is a real calendar day.
absl::optional<absl::CivilDay> ParseIsoDate(absl::string_view text);

// Formats a day as `YYYY-MM-DD`.
std::string FormatIsoDate(absl::CivilDay day);

// English name of the weekday ("Sunday").
std::string WeekdayName(absl::CivilDay day);

// Weekday number 1-7 (Monday = 1, as ISO 8601 and TIMEX3 count) for an
// English weekday name, its plural ("Mondays") or abbreviation ("Tue.",
// "Thurs"), case-insensitive; 0 when it is not one.
int WeekdayFromName(absl::string_view name);

// Month number 1-12 for an English month name or abbreviation ("Jan.",
// "sept", "December"), case-insensitive; 0 when it is not one.
int MonthFromName(absl::string_view name);

// Builds a day from year, month and day numbers; nullopt when the day does
// not exist (February 30). Two-digit years are taken as 20YY.
absl::optional<absl::CivilDay> MakeDay(int year, int month, int day);

// Parses a written date: "Jan. 10", "January 10, 2019", "27 December",
// "July 2nd, 2013", "May 03, 2013", "September 2008" (a whole month),
// "2019-01-25". A date without a year takes the year that puts it nearest
// to `reference` (so "Dec. 30" written on 2019-01-02 is 2018-12-30); without
// a reference it fails. Returns nullopt when `text` is not a date.
absl::optional<DateRange> ParseWrittenDate(absl::string_view text,
                                           absl::optional<absl::CivilDay> reference);

// A publication date-time as RFC 3339 gives it ("2019-03-10T14:05:00+03:00",
// "2019-03-10T11:05Z", seconds optional).
struct DateTime {
  absl::CivilDay local_day;  // the date as written, in the writer's zone
  std::string utc;           // the instant in UTC: "2019-03-10T11:05:00Z"
};

// Parses an RFC 3339 date-time (a 'T' or a space between date and time, an
// offset or 'Z'); nullopt when `text` is not one.
absl::optional<DateTime> ParseDateTime(absl::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_DATES_H_
