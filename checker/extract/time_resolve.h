// Resolves time expressions to calendar intervals from a publication date.
//
// News writes time relative to when it is published: "by Sunday" (ahead),
// "killed Wednesday" (behind), "this weekend" (two days), "overnight",
// "this week", "Jan. 10", "September 2008" (a month), "within 72 hours"
// (only as precise as the moment it counts from).
//
// Example:
//   absl::StatusOr<TimeInterval> t = ResolveTime(
//       "by Sunday", absl::CivilDay(2019, 1, 24), TIME_DIRECTION_FUTURE, 3,
//       numbers);
//   // t->start() == t->end() == "2019-01-27", granularity DAY
#ifndef CROSSCHECK_CHECKER_EXTRACT_TIME_RESOLVE_H_
#define CROSSCHECK_CHECKER_EXTRACT_TIME_RESOLVE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "checker/base/clock_time.h"
#include "checker/extract/quantity.h"
#include "proto/claim.pb.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// Resolves `text` against `published`. A bare weekday points the way
// `direction` says (on or after publication for FUTURE, on or before for
// PAST); "next"/"last" override it. A duration ("72 hours") is taken to
// start between `lookback_days` before publication and publication; its
// amount is read by `numbers`.
// Fails (InvalidArgument) on text it cannot read.
absl::StatusOr<TimeInterval> ResolveTime(absl::string_view text, absl::CivilDay published,
                                         TimeDirection direction, int lookback_days,
                                         const QuantityParser& numbers);

// A time of day read by ClockReader, with the day its text gives ("Monday",
// "yesterday": resolved from `published` the way `direction` points, when
// known). The day
// stays empty when the text names none or the article is undated; the
// offset from UTC is set when the zone fixes it (a named IANA zone needs the
// day, or else the publication day).
TimeInterval ResolveClockTime(const ClockReading& clock, absl::optional<absl::CivilDay> published,
                              TimeDirection direction, const QuantityParser& numbers);

// Sets the offset of a clock in the event's local time from `iana_zone` (the
// place's zone) on its day, or else on `published`, marked as the place's
// (offset_from_place); nothing when the clock's zone was named or already
// fixed, or no day is known.
void SetLocalZone(const std::string& iana_zone, absl::optional<absl::CivilDay> published,
                  TimeInterval* t);

// The interval in words: "Sunday 2019-01-27", "weekend 2019-01-26..2019-01-27",
// "within 72 hours (ends 2019-01-25..2019-01-28)".
std::string DisplayTime(const TimeInterval& t);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_EXTRACT_TIME_RESOLVE_H_
