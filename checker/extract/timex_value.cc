#include "checker/extract/timex_value.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"

namespace crosscheck::timex_internal {

std::string Fold(absl::string_view s) {
  std::string out = absl::AsciiStrToLower(absl::StripAsciiWhitespace(s));
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

int Quarter(absl::CivilDay d) { return (d.month() - 1) / 3 + 1; }

namespace {

int DaysInMonth(int year, int month) {
  absl::CivilMonth m(year, month);
  return static_cast<int>(absl::CivilDay(m + 1) - absl::CivilDay(m));
}

absl::CivilDay MakeClamped(int64_t year, int month, int day) {
  absl::CivilMonth m(year, month);  // normalizes month overflow
  return absl::CivilDay(m.year(), m.month(),
                        std::min(day, DaysInMonth(static_cast<int>(m.year()), m.month())));
}

}  // namespace

const char* const kGroupNames[kNumGroups] = {"t",       "year",     "month",  "day",    "weekday",
                                             "quarter", "halfyear", "half",   "season", "decade",
                                             "century", "unit",     "mod",    "num",    "dir",
                                             "part",    "hour",     "minute", "ampm"};

absl::optional<double> Cardinals::Read(absl::string_view text) const {
  std::string t = Fold(text);
  if (t.empty()) return absl::nullopt;
  double v;
  if (absl::SimpleAtod(t, &v)) return v;
  {
    absl::MutexLock lock(&mu_);
    auto it = kept_.find(t);
    if (it != kept_.end()) return it->second;
  }
  absl::StatusOr<double> parsed = numbers_.ParseCardinal(t);
  absl::optional<double> out;
  if (parsed.ok()) out = *parsed;
  absl::MutexLock lock(&mu_);
  if (kept_.size() < kMaxKept) kept_.emplace(std::move(t), out);
  return out;
}

std::pair<int, int> IsoWeek(absl::CivilDay day) {
  int weekday = static_cast<int>(absl::GetWeekday(day));  // Monday == 0
  absl::CivilDay thursday = day + (3 - weekday);
  int year = static_cast<int>(thursday.year());
  int week = static_cast<int>((thursday - absl::CivilDay(year, 1, 1)) / 7) + 1;
  return {year, week};
}

namespace {

// Appends `n` zero-padded to `width` characters, a sign included, as
// printf's "%0*d" does: StrFormat costs as much as resolving the rest of a
// value.
void AppendPadded(std::string* out, int64_t n, int width) {
  if (n < 0) {
    out->push_back('-');
    n = -n;
    --width;
  }
  char digits[24];
  int len = 0;
  do {
    digits[len++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0 && len < 20);
  for (int i = len; i < width; ++i) out->push_back('0');
  while (len > 0) out->push_back(digits[--len]);
}

}  // namespace

std::string FormatPoint(const Point& p) {
  const int64_t year = p.day.year();
  std::string out;
  switch (p.gran) {
    case Gran::kCentury: AppendPadded(&out, year / 100, 2); return out;
    case Gran::kDecade: AppendPadded(&out, year / 10, 3); return out;
    default: break;
  }
  AppendPadded(&out, year, 4);
  switch (p.gran) {
    case Gran::kCentury:
    case Gran::kDecade:
    case Gran::kYear: break;
    case Gran::kHalf:
      out.append("-H");
      AppendPadded(&out, (p.day.month() - 1) / 6 + 1, 1);
      break;
    case Gran::kQuarter:
      out.append("-Q");
      AppendPadded(&out, Quarter(p.day), 1);
      break;
    case Gran::kSeason:
      out.push_back('-');
      out.append(p.season);
      break;
    case Gran::kMonth:
      out.push_back('-');
      AppendPadded(&out, p.day.month(), 2);
      break;
    case Gran::kWeek:
    case Gran::kWeekend: {
      std::pair<int, int> w = IsoWeek(p.day);
      out.clear();
      AppendPadded(&out, w.first, 4);
      out.append("-W");
      AppendPadded(&out, w.second, 2);
      if (p.gran == Gran::kWeekend) out.append("-WE");
      break;
    }
    case Gran::kDay:
      out.push_back('-');
      AppendPadded(&out, p.day.month(), 2);
      out.push_back('-');
      AppendPadded(&out, p.day.day(), 2);
      if (p.hour >= 0) {
        out.push_back('T');
        AppendPadded(&out, p.hour, 2);
        out.push_back(':');
        AppendPadded(&out, p.minute, 2);
      } else if (!p.part.empty()) {
        out.push_back('T');
        out.append(p.part);
      }
      break;
  }
  return out;
}

Point Shift(const Point& p, Gran g, int n) {
  Point out = p;
  out.part.clear();
  out.hour = -1;
  const absl::CivilDay d = p.day;
  switch (g) {
    case Gran::kDay: out.day = d + n; break;
    case Gran::kWeek:
    case Gran::kWeekend: out.day = d + 7 * n; break;
    case Gran::kMonth: out.day = MakeClamped(d.year(), d.month() + n, d.day()); break;
    case Gran::kQuarter: out.day = MakeClamped(d.year(), d.month() + 3 * n, d.day()); break;
    case Gran::kHalf: out.day = MakeClamped(d.year(), d.month() + 6 * n, d.day()); break;
    case Gran::kSeason:
    case Gran::kYear: out.day = MakeClamped(d.year() + n, d.month(), d.day()); break;
    case Gran::kDecade: out.day = MakeClamped(d.year() + 10 * n, d.month(), d.day()); break;
    case Gran::kCentury: out.day = MakeClamped(d.year() + 100 * n, d.month(), d.day()); break;
  }
  return out;
}

absl::optional<Gran> GranOfUnit(absl::string_view code) {
  if (code == "D") return Gran::kDay;
  if (code == "W") return Gran::kWeek;
  if (code == "WE") return Gran::kWeekend;
  if (code == "M") return Gran::kMonth;
  if (code == "Q") return Gran::kQuarter;
  if (code == "H") return Gran::kHalf;
  if (code == "Y") return Gran::kYear;
  if (code == "DE") return Gran::kDecade;
  if (code == "CE") return Gran::kCentury;
  return absl::nullopt;
}

Vocabulary MakeVocabulary(const TimexRules& rules) {
  Vocabulary v;
  for (const TimexWord& w : rules.units()) {
    for (const std::string& word : w.words()) v.units[Fold(word)] = w.code();
  }
  for (const TimexWord& w : rules.modifiers()) {
    for (const std::string& word : w.words()) v.modifiers[Fold(word)] = w.number();
  }
  for (const TimexWord& w : rules.directions()) {
    for (const std::string& word : w.words()) v.directions[Fold(word)] = w.number();
  }
  for (const TimexWord& w : rules.parts_of_day()) {
    for (const std::string& word : w.words()) v.parts[Fold(word)] = w.code();
  }
  for (const TimexWord& w : rules.seasons()) {
    for (const std::string& word : w.words()) v.seasons[Fold(word)] = w.code();
  }
  for (const TimexWord& w : rules.ordinals()) {
    for (const std::string& word : w.words()) v.ordinals[Fold(word)] = w.number();
  }
  return v;
}

}  // namespace crosscheck::timex_internal
