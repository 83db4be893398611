#include "checker/base/dates.h"

#include <cstdlib>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "checker/base/re2_util.h"
#include "re2/re2.h"

namespace crosscheck {

absl::optional<absl::CivilDay> MakeDay(int year, int month, int day) {
  if (year >= 0 && year < 100) year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > 31) return absl::nullopt;
  absl::CivilDay d(year, month, day);
  if (d.year() != year || d.month() != month || d.day() != day) {
    return absl::nullopt;  // normalized away: not a real day
  }
  return d;
}

absl::optional<absl::CivilDay> ParseIsoDate(absl::string_view text) {
  static const LazyRE2 kIso = {R"((\d{4})-(\d{2})-(\d{2}))"};
  int y, m, d;
  if (!RE2::FullMatch(Piece(text), *kIso, &y, &m, &d)) return absl::nullopt;
  return MakeDay(y, m, d);
}

std::string FormatIsoDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

std::string WeekdayName(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday: return "Monday";
    case absl::Weekday::tuesday: return "Tuesday";
    case absl::Weekday::wednesday: return "Wednesday";
    case absl::Weekday::thursday: return "Thursday";
    case absl::Weekday::friday: return "Friday";
    case absl::Weekday::saturday: return "Saturday";
    case absl::Weekday::sunday: return "Sunday";
  }
  return "";
}

int MonthFromName(absl::string_view name) {
  std::string n = absl::AsciiStrToLower(absl::StripSuffix(name, "."));
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  static const char* const kFull[] = {"january",   "february", "march",    "april",
                                      "may",       "june",     "july",     "august",
                                      "september", "october",  "november", "december"};
  for (int i = 0; i < 12; ++i) {
    if (n == kMonths[i] || n == kFull[i] || (i == 8 && n == "sept")) return i + 1;
  }
  return 0;
}

int WeekdayFromName(absl::string_view name) {
  std::string n = absl::AsciiStrToLower(absl::StripSuffix(name, "."));
  static const char* const kFull[] = {"monday", "tuesday",  "wednesday", "thursday",
                                      "friday", "saturday", "sunday"};
  static const char* const kShort[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (n.size() > 6 && n.back() == 's') n.pop_back();  // "Mondays"
  for (int i = 0; i < 7; ++i) {
    if (n == kFull[i] || n == kShort[i] || (i == 1 && n == "tues") ||
        (i == 3 && (n == "thur" || n == "thurs"))) {
      return i + 1;
    }
  }
  return 0;
}

namespace {

// Picks the year for a month/day without one: the occurrence nearest to the
// reference day.
absl::optional<absl::CivilDay> NearestYear(int month, int day, absl::CivilDay reference) {
  absl::optional<absl::CivilDay> best;
  long best_distance = 0;
  for (int y = reference.year() - 1; y <= reference.year() + 1; ++y) {
    absl::optional<absl::CivilDay> d = MakeDay(y, month, day);
    if (!d) continue;
    long distance = std::labs(static_cast<long>(*d - reference));
    if (!best || distance < best_distance) {
      best = d;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

absl::optional<DateRange> ParseWrittenDate(absl::string_view text,
                                           absl::optional<absl::CivilDay> reference) {
  text = absl::StripAsciiWhitespace(text);
  if (absl::optional<absl::CivilDay> iso = ParseIsoDate(text)) {
    return DateRange{*iso, *iso, GRANULARITY_DAY};
  }
  static const LazyRE2 kMonthDayYear = {
      R"((?i)([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?)"};
  static const LazyRE2 kDayMonthYear = {
      R"((?i)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s*(\d{4}))?)"};
  static const LazyRE2 kMonthYear = {R"((?i)([a-z]+)\.?,?\s*(\d{4}))"};
  std::string month_name, year_text;
  int day = 0;
  int month = 0;
  if (RE2::FullMatch(Piece(text), *kMonthYear, &month_name, &year_text) &&
      (month = MonthFromName(month_name)) != 0) {
    int year = std::atoi(year_text.c_str());
    absl::CivilMonth m(year, month);
    return DateRange{absl::CivilDay(m), absl::CivilDay(m + 1) - 1, GRANULARITY_MONTH};
  }
  if (!RE2::FullMatch(Piece(text), *kMonthDayYear, &month_name, &day, &year_text) &&
      !RE2::FullMatch(Piece(text), *kDayMonthYear, &day, &month_name, &year_text)) {
    return absl::nullopt;
  }
  month = MonthFromName(month_name);
  if (month == 0) return absl::nullopt;
  absl::optional<absl::CivilDay> d;
  if (!year_text.empty()) {
    d = MakeDay(std::atoi(year_text.c_str()), month, day);
  } else if (reference) {
    d = NearestYear(month, day, *reference);
  }
  if (!d) return absl::nullopt;
  return DateRange{*d, *d, GRANULARITY_DAY};
}

absl::optional<DateTime> ParseDateTime(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (text.size() < 16 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
    return absl::nullopt;
  }
  absl::optional<absl::CivilDay> day = ParseIsoDate(text.substr(0, 10));
  if (!day) return absl::nullopt;
  std::string normalized(text);
  normalized[10] = 'T';
  if (normalized.back() == 'z') normalized.back() = 'Z';
  absl::Time t;
  std::string error;
  // With seconds (and fractions), or without them.
  if (!absl::ParseTime(absl::RFC3339_full, normalized, &t, &error) &&
      !absl::ParseTime("%Y-%m-%d%ET%H:%M%Ez", normalized, &t, &error)) {
    return absl::nullopt;
  }
  DateTime result;
  result.local_day = *day;
  result.utc = absl::FormatTime("%Y-%m-%d%ET%H:%M:%SZ", t, absl::UTCTimeZone());
  return result;
}

}  // namespace crosscheck
