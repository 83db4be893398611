#include "checker/extract/time_resolve.h"

#include <cmath>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/optional.h"
#include "checker/base/dates.h"
#include "checker/base/re2_util.h"
#include "checker/base/status_macros.h"
#include "checker/base/text_fold.h"
#include "checker/extract/quantity.h"
#include "re2/re2.h"

namespace crosscheck {
namespace {

int WeekdayIndex(absl::string_view word) {  // Monday = 0
  return WeekdayFromName(word) - 1;
}

int WeekdayIndex(absl::CivilDay day) {
  return static_cast<int>(absl::GetWeekday(day));  // absl: monday == 0
}

TimeInterval Make(absl::CivilDay first, absl::CivilDay last, Granularity g,
                  std::string resolution) {
  TimeInterval t;
  t.set_start(FormatIsoDate(first));
  t.set_end(FormatIsoDate(last));
  t.set_granularity(g);
  t.set_resolution(std::move(resolution));
  return t;
}

// Monday of the week containing `day`.
absl::CivilDay WeekStart(absl::CivilDay day) { return day - WeekdayIndex(day); }

// "72 hours", "30 days", "two weeks": a deadline counted from an order given
// between `lookback_days` before publication and publication.
absl::optional<TimeInterval> ResolveDuration(absl::string_view t, absl::CivilDay published,
                                             int lookback_days, const QuantityParser& numbers) {
  static const LazyRE2 kDuration = {R"((.+?)(?:\s+|\s*-\s*)(hours?|days?|weeks?))"};
  std::string amount, unit;
  if (!RE2::FullMatch(Piece(t), *kDuration, &amount, &unit)) return absl::nullopt;
  absl::StatusOr<double> parsed = numbers.ParseCardinal(amount);
  if (!parsed.ok()) return absl::nullopt;
  double n = *parsed;
  double days = absl::StartsWith(unit, "hour")   ? n / 24
                : absl::StartsWith(unit, "week") ? n * 7
                                                 : n;
  int whole = static_cast<int>(std::ceil(days));
  TimeInterval out = Make(
      published - lookback_days + whole, published + whole, GRANULARITY_VAGUE,
      absl::StrCat("within ", n, " ", unit, " of an order given between ",
                   FormatIsoDate(published - lookback_days), " and ", FormatIsoDate(published)));
  out.set_duration_days(days);
  out.set_duration_text(absl::StrCat(amount, " ", unit));
  return out;
}

// today / tonight / yesterday / tomorrow / overnight.
absl::optional<TimeInterval> ResolveDayWord(absl::string_view t, absl::CivilDay published) {
  const std::string pub = FormatIsoDate(published);
  if (t == "today" || t == "tonight") {
    return Make(published, published, GRANULARITY_DAY,
                absl::StrCat("the day of publication, ", pub));
  }
  if (t == "yesterday") {
    return Make(published - 1, published - 1, GRANULARITY_DAY,
                absl::StrCat("the day before ", pub));
  }
  if (t == "tomorrow") {
    return Make(published + 1, published + 1, GRANULARITY_DAY, absl::StrCat("the day after ", pub));
  }
  if (t == "overnight") {
    return Make(published - 1, published, GRANULARITY_DAY, absl::StrCat("the night before ", pub));
  }
  return absl::nullopt;
}

// The words of a time expression, with its leading modifier ("this",
// "next", "last", "coming", "late", "early", "past") apart.
struct ModifiedWords {
  absl::string_view modifier;
  std::vector<absl::string_view> words;
};

ModifiedWords SplitModifier(absl::string_view t) {
  ModifiedWords w;
  w.words = absl::StrSplit(t, ' ', absl::SkipEmpty());
  std::vector<absl::string_view>& words = w.words;
  if (words.size() >= 2 &&
      (words[0] == "this" || words[0] == "next" || words[0] == "last" || words[0] == "coming" ||
       words[0] == "late" || words[0] == "early" || words[0] == "past")) {
    w.modifier = words[0];
    words.erase(words.begin());
  }
  if (words.size() >= 2 && words[0] == "coming") words.erase(words.begin());
  return w;
}

// "this weekend", "next week", "the past week", "last month", "this year".
absl::optional<TimeInterval> ResolveCalendarPeriod(const ModifiedWords& w, absl::CivilDay published,
                                                   TimeDirection direction) {
  if (w.words.empty()) return absl::nullopt;
  const absl::string_view modifier = w.modifier;
  const absl::string_view period = w.words[0];
  const std::string pub = FormatIsoDate(published);
  if (period == "weekend" || period == "week") {
    absl::CivilDay monday = WeekStart(published);
    int shift = modifier == "next" ? 7 : modifier == "last" ? -7 : 0;
    if (period == "weekend") {
      // A weekend mentioned on a Sunday, looking back, is the one ending today.
      absl::CivilDay saturday = monday + 5 + shift;
      if ((modifier.empty() || modifier == "this") && direction == TIME_DIRECTION_PAST &&
          saturday > published) {
        saturday -= 7;
      }
      return Make(saturday, saturday + 1, GRANULARITY_WEEKEND,
                  absl::StrCat(modifier.empty() ? "this" : modifier, " weekend relative to ", pub));
    }
    if (modifier == "past") {
      return Make(published - 6, published, GRANULARITY_WEEK,
                  absl::StrCat("the seven days up to ", pub));
    }
    absl::CivilDay last = monday + 6 + shift;
    if (shift == 0 && direction == TIME_DIRECTION_PAST && last > published) {
      last = published;  // "this week" in a report: the week so far
    }
    return Make(monday + shift, last, GRANULARITY_WEEK,
                absl::StrCat(modifier.empty() ? "this" : modifier, " week relative to ", pub));
  }
  if (period == "month") {
    absl::CivilMonth m(published);
    if (modifier == "last") m -= 1;
    if (modifier == "next") m += 1;
    return Make(absl::CivilDay(m), absl::CivilDay(m + 1) - 1, GRANULARITY_MONTH,
                absl::StrCat(modifier.empty() ? "this" : modifier, " month"));
  }
  if (period == "year") {
    absl::CivilYear y(published);
    if (modifier == "last") y -= 1;
    if (modifier == "next") y += 1;
    return Make(absl::CivilDay(y), absl::CivilDay(y + 1) - 1, GRANULARITY_YEAR,
                absl::StrCat(modifier.empty() ? "this" : modifier, " year"));
  }
  return absl::nullopt;
}

// Weekdays, with an optional part of the day after them: the one on or
// after publication looking ahead, on or before it looking back.
absl::optional<TimeInterval> ResolveWeekday(const ModifiedWords& w, absl::CivilDay published,
                                            TimeDirection direction) {
  if (w.words.empty() || WeekdayIndex(w.words[0]) < 0 || w.words.size() > 2) return absl::nullopt;
  const absl::string_view modifier = w.modifier;
  int target = WeekdayIndex(w.words[0]);
  int today = WeekdayIndex(published);
  bool forward = modifier == "next" || modifier == "coming" ||
                 (modifier != "last" && direction == TIME_DIRECTION_FUTURE);
  absl::CivilDay day;
  if (forward) {
    day = published + ((target - today + 7) % 7);
    if (modifier == "next" && day == published) day += 7;
  } else {
    day = published - ((today - target + 7) % 7);
    if (modifier == "last" && day == published) day -= 7;
  }
  return Make(day, day, GRANULARITY_DAY,
              absl::StrCat(forward ? "the " : "the ", WeekdayName(day),
                           forward ? " on or after " : " on or before ", FormatIsoDate(published)));
}

// A year ("in 2003"), a month without a year (the nearest one in the
// text's direction), or a written date ("Jan. 10").
absl::optional<TimeInterval> ResolveNamedDate(absl::string_view t, absl::CivilDay published,
                                              TimeDirection direction) {
  for (absl::string_view prefix : {"in ", "during ", "early ", "late ", "mid-", "mid "}) {
    absl::ConsumePrefix(&t, prefix);
  }
  int year = 0;
  if (t.size() == 4 && absl::SimpleAtoi(t, &year) && year >= 1900 && year <= 2100) {
    absl::CivilYear y(year);
    return Make(absl::CivilDay(y), absl::CivilDay(y + 1) - 1, GRANULARITY_YEAR,
                absl::StrCat("the year ", year));
  }
  if (int month = MonthFromName(t); month != 0) {
    absl::CivilMonth m(published.year(), month);
    absl::CivilMonth now(published);
    if (direction == TIME_DIRECTION_FUTURE ? m < now : m > now) {
      m = absl::CivilMonth(published.year() + (direction == TIME_DIRECTION_FUTURE ? 1 : -1), month);
    }
    return Make(
        absl::CivilDay(m), absl::CivilDay(m + 1) - 1, GRANULARITY_MONTH,
        absl::StrCat("the nearest ", t,
                     direction == TIME_DIRECTION_FUTURE ? " on or after " : " on or before ",
                     FormatIsoDate(published)));
  }
  if (absl::optional<DateRange> d = ParseWrittenDate(t, published)) {
    return Make(d->first, d->last, d->granularity, "a written date");
  }
  return absl::nullopt;
}

}  // namespace

absl::StatusOr<TimeInterval> ResolveTime(absl::string_view text, absl::CivilDay published,
                                         TimeDirection direction, int lookback_days,
                                         const QuantityParser& numbers) {
  std::string folded = FoldForMatching(text);
  absl::string_view t(folded);
  // Words that do not change the day.
  for (absl::string_view prefix : {"by ", "before ", "until ", "on ", "the "}) {
    absl::ConsumePrefix(&t, prefix);
  }
  if (auto d = ResolveDuration(t, published, lookback_days, numbers)) return *std::move(d);
  if (auto d = ResolveDayWord(t, published)) return *std::move(d);
  const ModifiedWords words = SplitModifier(t);
  if (auto d = ResolveCalendarPeriod(words, published, direction)) return *std::move(d);
  if (auto d = ResolveWeekday(words, published, direction)) return *std::move(d);
  // "since January": from then to publication.
  absl::string_view since = t;
  if (absl::ConsumePrefix(&since, "since ")) {
    ASSIGN_OR_RETURN(TimeInterval from,
                     ResolveTime(since, published, TIME_DIRECTION_PAST, lookback_days, numbers));
    absl::optional<absl::CivilDay> start = ParseIsoDate(from.start());
    if (!start || *start > published) {
      return absl::InvalidArgumentError(absl::StrCat("'", text, "' starts after publication"));
    }
    return Make(*start, published, GRANULARITY_DAY, absl::StrCat("since ", from.start()));
  }
  if (auto d = ResolveNamedDate(t, published, direction)) return *std::move(d);
  return absl::InvalidArgumentError(absl::StrCat("unreadable time '", text, "'"));
}

TimeInterval ResolveClockTime(const ClockReading& clock, absl::optional<absl::CivilDay> published,
                              TimeDirection direction, const QuantityParser& numbers) {
  TimeInterval t;
  if (!clock.rest.empty() && published) {
    absl::StatusOr<TimeInterval> day = ResolveTime(clock.rest, *published, direction, 0, numbers);
    // A day, or a part of one ("Monday night"); not a week or a month.
    if (day.ok() && day->granularity() == GRANULARITY_DAY && day->duration_days() == 0) {
      t = *std::move(day);
    }
  }
  t.set_has_clock(true);
  t.set_clock_from(clock.from);
  t.set_clock_to(clock.to);
  t.set_clock_exact(clock.exact);
  t.set_zone(clock.zone);
  t.set_zone_explicit(clock.zone_explicit);
  if (clock.utc_offset) {
    t.set_utc_offset(*clock.utc_offset);
  } else if (!clock.iana_zone.empty()) {
    absl::optional<absl::CivilDay> day = ParseIsoDate(t.start());
    if (!day) day = published;
    if (day) {
      if (absl::optional<int> offset = UtcOffsetMinutes(clock.iana_zone, *day)) {
        t.set_utc_offset(*offset);
      }
    }
  }
  return t;
}

void SetLocalZone(const std::string& iana_zone, absl::optional<absl::CivilDay> published,
                  TimeInterval* t) {
  if (!t->has_clock() || t->zone_explicit() || t->has_utc_offset() || iana_zone.empty()) return;
  absl::optional<absl::CivilDay> day = ParseIsoDate(t->start());
  if (!day) day = published;
  if (!day) return;
  if (absl::optional<int> offset = UtcOffsetMinutes(iana_zone, *day)) {
    t->set_utc_offset(*offset);
    t->set_offset_from_place(true);
  }
}

namespace {

// "18:50", "17:45-18:15" (about 6 pm), with the zone and UTC.
std::string DisplayClock(const TimeInterval& t) {
  std::string clock = FormatClockRange(t.clock_from(), t.clock_to());
  if (!t.zone().empty()) {
    // "GMT", "Central European Summer Time", "local time".
    std::string zone = t.zone();
    if (t.zone_explicit()) {
      if (zone.size() <= 5) {
        absl::AsciiStrToUpper(&zone);
      } else {
        bool start = true;
        for (char& ch : zone) {
          if (start) ch = absl::ascii_toupper(static_cast<unsigned char>(ch));
          start = ch == ' ';
        }
      }
    }
    absl::StrAppend(&clock, " ", zone);
  }
  if (t.has_utc_offset() && !t.offset_from_place() && !(t.zone_explicit() && t.utc_offset() == 0)) {
    absl::StrAppend(&clock, " (", FormatClockRange(t.clock_from(), t.clock_to(), t.utc_offset()),
                    " UTC)");
  }
  return clock;
}

}  // namespace

std::string DisplayTime(const TimeInterval& t) {
  if (t.has_clock()) {
    std::string clock = DisplayClock(t);
    if (t.start().empty()) return clock;
    TimeInterval day = t;
    day.clear_has_clock();
    return absl::StrCat(clock, ", ", DisplayTime(day));
  }
  absl::optional<absl::CivilDay> start = ParseIsoDate(t.start());
  switch (t.granularity()) {
    case GRANULARITY_DAY:
      if (t.start() == t.end() && start) {
        return absl::StrCat(WeekdayName(*start), " ", t.start());
      }
      return absl::StrCat(t.start(), "..", t.end());
    case GRANULARITY_WEEKEND: return absl::StrCat("weekend ", t.start(), "..", t.end());
    case GRANULARITY_WEEK: return absl::StrCat("week ", t.start(), "..", t.end());
    case GRANULARITY_MONTH: return t.start().substr(0, 7);
    case GRANULARITY_YEAR: return t.start().substr(0, 4);
    case GRANULARITY_VAGUE: {
      // resolution: "within 72 hours of an order given between ..."
      absl::string_view r(t.resolution());
      absl::string_view within = r.substr(0, r.find(" of "));
      return absl::StrCat(within, " (ends ", t.start(), "..", t.end(), ")");
    }
    default: return absl::StrCat(t.start(), "..", t.end());
  }
}

}  // namespace crosscheck
