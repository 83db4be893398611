#include "checker/extract/timex_value.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "checker/base/dates.h"

namespace crosscheck::timex_internal {
namespace {

std::string Fold(absl::string_view s) {
  std::string out = absl::AsciiStrToLower(absl::StripAsciiWhitespace(s));
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

int DaysInMonth(int year, int month) {
  absl::CivilMonth m(year, month);
  return static_cast<int>(absl::CivilDay(m + 1) - absl::CivilDay(m));
}

absl::CivilDay MakeClamped(int64_t year, int month, int day) {
  absl::CivilMonth m(year, month);  // normalizes month overflow
  return absl::CivilDay(m.year(), m.month(),
                        std::min(day, DaysInMonth(static_cast<int>(m.year()), m.month())));
}

int Quarter(absl::CivilDay d) { return (d.month() - 1) / 3 + 1; }

std::string FormatAmount(double n) {
  if (std::floor(n) == n) return absl::StrCat(static_cast<int64_t>(n));
  return absl::StrFormat("%g", n);
}

// The 1-7 (Monday = 1) or ordinal-like number of a word: digits, "3rd",
// or an ordinal word from the rules.
absl::optional<int> Ordinal(absl::string_view text, const Vocabulary& v) {
  std::string t = Fold(text);
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (t.size() > 2 && absl::ascii_isdigit(t[0]) && absl::EndsWith(t, suffix)) {
      t.resize(t.size() - 2);
      break;
    }
  }
  int n;
  if (absl::SimpleAtoi(t, &n)) return n;
  auto it = v.ordinals.find(t);
  if (it != v.ordinals.end()) return it->second;
  return absl::nullopt;
}

// A four-digit year, or a two-digit one ('98) taken within a century of the DCT.
absl::optional<int> Year(absl::string_view text, absl::CivilDay dct) {
  std::string t(absl::StripPrefix(absl::StripAsciiWhitespace(text), "'"));
  t = std::string(absl::StripPrefix(t, "’"));
  int y;
  if (!absl::SimpleAtoi(t, &y)) return absl::nullopt;
  if (t.size() == 2) {
    y += static_cast<int>(dct.year() / 100) * 100;
    if (y > dct.year() + 10) y -= 100;
  }
  return y;
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

namespace {

template <typename Map>
auto Lookup(const Map& map, absl::string_view word) -> absl::optional<typename Map::mapped_type> {
  std::string folded = Fold(word);
  auto it = map.find(folded);
  if (it != map.end()) return it->second;
  // Compounds written with spaces or hyphens: the last word decides
  // ("the late afternoon", "mid-morning").
  size_t cut = folded.find_last_of(" -");
  if (cut != std::string::npos) {
    it = map.find(folded.substr(cut + 1));
    if (it != map.end()) return it->second;
  }
  return absl::nullopt;
}

absl::optional<std::string> Duration(const TimexPattern& pattern, const Match& m,
                                     const Vocabulary& v, const Cardinals& numbers) {
  std::string code = pattern.unit();
  std::string amount = "1";
  if (auto unit = m.get(kUnit)) {
    absl::optional<std::string> c = Lookup(v.units, *unit);
    if (!c) return absl::nullopt;
    code = *c;
    if (absl::EndsWith(Fold(*unit), "s")) amount = "X";  // "years"
  }
  if (code.empty()) return absl::nullopt;
  if (auto num = m.get(kNum)) {
    absl::optional<double> n = numbers.Read(*num);
    amount = "X";
    if (n) {
      double value = *n + (m.has(kHalf) ? 0.5 : 0);
      amount = FormatAmount(value);
    }
  } else if (m.has(kHalf) && amount == "1") {
    amount = "1.5";  // "a year and a half"
  }
  if (code == "TH" || code == "TM" || code == "TS") {
    return absl::StrCat("PT", amount, code.substr(1));
  }
  // TimeML writes decades and centuries as years (P20Y, P100Y).
  for (auto [unit, years] : {std::make_pair("DE", 10), std::make_pair("CE", 100)}) {
    if (code != unit) continue;
    double n;
    if (absl::SimpleAtod(amount, &n)) return absl::StrCat("P", FormatAmount(n * years), "Y");
    return std::string("PXY");
  }
  return absl::StrCat("P", amount, code);
}

absl::optional<std::string> Set(const TimexPattern& pattern, const Match& m, const Vocabulary& v,
                                const Cardinals& numbers) {
  if (auto weekday = m.get(kWeekday)) {
    int d = WeekdayFromName(Fold(*weekday));
    if (d == 0) return absl::nullopt;
    std::string out = absl::StrCat("XXXX-WXX-", d);
    if (auto part = m.get(kPart)) {
      if (absl::optional<std::string> p = Lookup(v.parts, *part)) absl::StrAppend(&out, "T", *p);
    }
    return out;
  }
  auto part = m.get(kPart);
  if (part && !m.has(kUnit)) {
    absl::optional<std::string> p = Lookup(v.parts, *part);
    if (!p) return absl::nullopt;
    return absl::StrCat("XXXX-XX-XXT", *p);
  }
  absl::optional<std::string> d = Duration(pattern, m, v, numbers);
  if (!d) return absl::nullopt;
  // A recurrence counts one unit unless it says how many ("every two weeks").
  if (!m.has(kNum)) {
    size_t digit = d->find_first_of("X");
    if (digit != std::string::npos) (*d)[digit] = '1';
  }
  return d;
}

// Which year a month, quarter, half or season without a year falls in:
// `cmp` is the candidate in the anchor's year compared with the anchor
// (-1 before, 0 same, +1 after).
int PickYear(int anchor_year, int cmp, const Match& m, const Vocabulary& v) {
  if (auto mod = m.get(kMod)) {
    absl::optional<int> off = Lookup(v.modifiers, *mod);
    if (off && *off < 0) return cmp >= 0 ? anchor_year - 1 : anchor_year;
    if (off && *off > 0) return cmp <= 0 ? anchor_year + 1 : anchor_year;
    return anchor_year;
  }
  // News mostly reports what happened: without a cue, behind the anchor.
  const int tense = m.tense();
  if (tense > 0 && cmp < 0) return anchor_year + 1;
  if (tense <= 0 && cmp > 0) return anchor_year - 1;
  return anchor_year;
}

int Compare(int a, int b) { return a < b ? -1 : a > b ? 1 : 0; }

absl::optional<Point> PointOf(const TimexPattern& pattern, const Match& m, absl::CivilDay dct,
                              const Vocabulary& v, const Cardinals& numbers, const Point& reference,
                              int* vague_ref) {
  const bool use_reference = pattern.anchor() == TIMEX_ANCHOR_REFERENCE;
  Point anchor = use_reference ? reference : Point{dct, Gran::kDay};
  anchor.part.clear();
  anchor.hour = -1;

  absl::optional<int> year;
  if (auto y = m.get(kYear)) {
    year = Year(*y, dct);
    if (!year) return absl::nullopt;
  }
  int month = 0;
  if (auto mo = m.get(kMonth)) {
    absl::string_view t = absl::StripAsciiWhitespace(*mo);
    if (!t.empty() && absl::ascii_isalpha(t[0]) && !absl::ascii_isupper(t[0])) {
      return absl::nullopt;  // "may", "march": not a month in running text
    }
    month = MonthFromName(t);
    if (month == 0 && !absl::SimpleAtoi(t, &month)) return absl::nullopt;
    if (month < 1 || month > 12) return absl::nullopt;
  }
  int day = 0;
  if (auto d = m.get(kDay)) {
    absl::optional<int> n = Ordinal(*d, v);
    if (!n || *n < 1 || *n > 31) return absl::nullopt;
    day = *n;
  }
  int quarter = 0, half = 0;
  std::string season;
  if (auto q = m.get(kQuarter)) {
    absl::optional<int> n = Ordinal(*q, v);
    if (!n || *n < 1 || *n > 4) return absl::nullopt;
    quarter = *n;
  }
  if (auto h = m.get(kHalfYear)) {
    absl::optional<int> n = Ordinal(*h, v);
    if (!n || *n < 1 || *n > 2) return absl::nullopt;
    half = *n;
  }
  if (auto s = m.get(kSeason)) {
    absl::optional<std::string> code = Lookup(v.seasons, *s);
    if (!code) return absl::nullopt;
    season = *code;
  }

  Point p;
  if (auto dec = m.get(kDecade)) {
    std::string digits;
    for (char c : *dec) {
      if (absl::ascii_isdigit(c)) digits.push_back(c);
    }
    absl::optional<int> y = Year(digits.size() >= 2 ? digits : "", dct);
    if (!y) return absl::nullopt;
    p = Point{absl::CivilDay(*y, 1, 1), Gran::kDecade};
  } else if (auto cent = m.get(kCentury)) {
    absl::optional<int> n = Ordinal(*cent, v);
    if (!n) return absl::nullopt;
    p = Point{absl::CivilDay((*n - 1) * 100, 1, 1), Gran::kCentury};
  } else if (year) {
    if (month != 0 && day != 0) {
      absl::optional<absl::CivilDay> d = MakeDay(*year, month, day);
      if (!d) return absl::nullopt;
      p = Point{*d, Gran::kDay};
    } else if (month != 0) {
      p = Point{absl::CivilDay(*year, month, 1), Gran::kMonth};
    } else if (quarter != 0) {
      p = Point{absl::CivilDay(*year, 3 * quarter - 2, 1), Gran::kQuarter};
    } else if (half != 0) {
      p = Point{absl::CivilDay(*year, 6 * half - 5, 1), Gran::kHalf};
    } else if (!season.empty()) {
      p = Point{absl::CivilDay(*year, 1, 1), Gran::kSeason, season};
    } else {
      p = Point{absl::CivilDay(*year, 1, 1), Gran::kYear};
    }
  } else if (month != 0 || quarter != 0 || half != 0 || !season.empty()) {
    const absl::CivilDay a = anchor.day;
    const int ay = static_cast<int>(a.year());
    if (month != 0) {
      int cmp = day != 0 ? Compare(month * 32 + day, a.month() * 32 + a.day())
                         : Compare(month, a.month());
      int y;
      if (day != 0 && !m.has(kMod)) {
        // A day is the nearest one, whatever the tense ("Dec. 30" in
        // January, "March 12" in February): news dates things close by.
        y = ay;
        absl::optional<absl::CivilDay> here = MakeDay(ay, month, day);
        if (here && *here - a > 182) y = ay - 1;
        if (here && a - *here > 182) y = ay + 1;
      } else if (!m.has(kMod) && m.tense() == 0) {
        y = ay;  // a month without a cue: the nearest one
        if (month - a.month() > 6) y = ay - 1;
        if (a.month() - month > 6) y = ay + 1;
      } else {
        y = PickYear(ay, cmp, m, v);
      }
      if (day != 0) {
        absl::optional<absl::CivilDay> d = MakeDay(y, month, day);
        if (!d) return absl::nullopt;
        p = Point{*d, Gran::kDay};
      } else {
        p = Point{absl::CivilDay(y, month, 1), Gran::kMonth};
      }
    } else if (quarter != 0) {
      int y = PickYear(ay, Compare(quarter, Quarter(a)), m, v);
      p = Point{absl::CivilDay(y, 3 * quarter - 2, 1), Gran::kQuarter};
    } else if (half != 0) {
      int y = PickYear(ay, Compare(half, (a.month() - 1) / 6 + 1), m, v);
      p = Point{absl::CivilDay(y, 6 * half - 5, 1), Gran::kHalf};
    } else {
      // Seasons overlap the turn of the year; compare by their middle month.
      static const char* const kSeasons[] = {"WI", "SP", "SU", "FA"};
      int index = 0;
      for (int i = 0; i < 4; ++i) {
        if (season == kSeasons[i]) index = i;
      }
      int now = (a.month() % 12) / 3;  // Dec-Feb 0, Mar-May 1, ...
      int y = PickYear(ay, Compare(index, now), m, v);
      p = Point{absl::CivilDay(y, 1, 1), Gran::kSeason, season};
    }
  } else if (auto wd = m.get(kWeekday)) {
    int target = WeekdayFromName(Fold(*wd)) - 1;
    if (target < 0) return absl::nullopt;
    const absl::CivilDay a = anchor.day;
    int today = static_cast<int>(absl::GetWeekday(a));
    absl::optional<int> off;
    if (auto mod = m.get(kMod)) off = Lookup(v.modifiers, *mod);
    bool forward = off ? *off > 0 || (*off == 0 && m.tense() > 0) : m.tense() > 0;
    absl::CivilDay d = forward ? a + (target - today + 7) % 7 : a - (today - target + 7) % 7;
    if (off && *off != 0 && d == a) d += forward ? 7 : -7;
    p = Point{d, Gran::kDay};
  } else {
    std::string code = pattern.unit();
    if (auto u = m.get(kUnit)) {
      absl::optional<std::string> c = Lookup(v.units, *u);
      if (!c) return absl::nullopt;
      code = *c;
    }
    if (code.empty()) code = "D";
    absl::optional<Gran> g = GranOfUnit(code);
    if (!g) return absl::nullopt;
    int n = pattern.offset();
    if (auto mod = m.get(kMod)) {
      absl::optional<int> off = Lookup(v.modifiers, *mod);
      if (!off) return absl::nullopt;
      n = *off;
    }
    if (auto dir = m.get(kDir)) {
      absl::optional<int> sign = Lookup(v.directions, *dir);
      if (!sign) return absl::nullopt;
      absl::optional<double> amount = 1.0;
      if (auto num = m.get(kNum)) {
        amount = numbers.Read(*num);
      } else if (auto u = m.get(kUnit); u && absl::EndsWith(Fold(*u), "s")) {
        amount = absl::nullopt;  // "years ago"
      }
      if (!amount || std::floor(*amount) != *amount) {
        *vague_ref = *sign;  // "years ago", "several weeks later"
        return p;
      }
      n = *sign * static_cast<int>(*amount);
    }
    // "A year earlier" than a quarter or a day the text named is that
    // quarter or day a year before; other units count at their own grain.
    bool keep_reference_grain = use_reference && *g == Gran::kYear && n != 0 &&
                                reference.gran > *g && reference.gran != Gran::kMonth &&
                                reference.day != dct;
    if (use_reference && reference.gran < *g) {
      anchor = Point{dct, Gran::kDay};  // too coarse to count from: the DCT
    }
    p = Shift(anchor, *g, n);
    p.gran = keep_reference_grain ? reference.gran : *g;
    if (*g == Gran::kWeekend) {
      int wd = static_cast<int>(absl::GetWeekday(p.day));
      p.day = p.day + (5 - wd);  // the Saturday of that week
    }
  }

  if (auto part = m.get(kPart)) {
    absl::optional<std::string> code = Lookup(v.parts, *part);
    if (code && p.gran == Gran::kDay) p.part = *code;
  }
  if (auto hour = m.get(kHour)) {
    int h;
    std::string word = Fold(*hour);
    if (word == "noon" || word == "midday") {
      h = 12;
    } else if (word == "midnight") {
      h = 24;
    } else if (!absl::SimpleAtoi(word, &h) || h > 24) {
      return absl::nullopt;
    }
    int minute = 0;
    if (auto mi = m.get(kMinute)) {
      if (!absl::SimpleAtoi(*mi, &minute) || minute > 59) return absl::nullopt;
    }
    if (auto ampm = m.get(kAmPm)) {
      std::string a = Fold(*ampm);
      if (h > 12) return absl::nullopt;
      if (a[0] == 'p' && h < 12) h += 12;
      if (a[0] == 'a' && h == 12) h = 0;
    }
    if (p.gran == Gran::kDay) {
      p.hour = h;
      p.minute = minute;
    }
  }
  return p;
}

}  // namespace

absl::optional<std::string> Resolve(const TimexPattern& pattern, const Match& match,
                                    absl::CivilDay dct, const Vocabulary& vocabulary,
                                    const Cardinals& numbers, Point* reference) {
  switch (pattern.resolver()) {
    case TIMEX_RESOLVER_LITERAL: return pattern.value();
    case TIMEX_RESOLVER_REJECT: return absl::nullopt;
    case TIMEX_RESOLVER_DURATION: return Duration(pattern, match, vocabulary, numbers);
    case TIMEX_RESOLVER_SET: return Set(pattern, match, vocabulary, numbers);
    case TIMEX_RESOLVER_POINT: {
      int vague = 0;
      absl::optional<Point> p =
          PointOf(pattern, match, dct, vocabulary, numbers, *reference, &vague);
      if (!p) return absl::nullopt;
      if (vague != 0) return std::string(vague < 0 ? "PAST_REF" : "FUTURE_REF");
      if (!pattern.keep_reference()) *reference = *p;
      return FormatPoint(*p);
    }
    default: return absl::nullopt;
  }
}

}  // namespace crosscheck::timex_internal
