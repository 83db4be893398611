#include "checker/extract/timex_resolve.h"

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

std::string FormatAmount(double n) {
  if (std::floor(n) == n) return absl::StrCat(static_cast<int64_t>(n));
  return absl::StrFormat("%g", n);
}

// The value of a DURATION pattern ("P3D", "PT72H", "PXY").
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

// The value of a SET pattern ("XXXX-WXX-7", "P1W").
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

// The calendar fields a match names, read and checked; 0 (or empty) for the
// ones it does not name.
struct CalendarFields {
  absl::optional<int> year;
  int month = 0;
  int day = 0;
  int quarter = 0;
  int half = 0;
  std::string season;  // SP, SU, FA, WI

  bool names_part_of_year() const {
    return month != 0 || quarter != 0 || half != 0 || !season.empty();
  }
};

// The year, month, day, quarter, half and season groups of `m`; nullopt when
// one of them is no such thing ("may" in lower case, a 13th month, a 5th
// quarter).
absl::optional<CalendarFields> ReadCalendarFields(const Match& m, absl::CivilDay dct,
                                                  const Vocabulary& v) {
  CalendarFields f;
  if (auto y = m.get(kYear)) {
    f.year = Year(*y, dct);
    if (!f.year) return absl::nullopt;
  }
  if (auto mo = m.get(kMonth)) {
    absl::string_view t = absl::StripAsciiWhitespace(*mo);
    if (!t.empty() && absl::ascii_isalpha(t[0]) && !absl::ascii_isupper(t[0])) {
      return absl::nullopt;  // "may", "march": not a month in running text
    }
    f.month = MonthFromName(t);
    if (f.month == 0 && !absl::SimpleAtoi(t, &f.month)) return absl::nullopt;
    if (f.month < 1 || f.month > 12) return absl::nullopt;
  }
  if (auto d = m.get(kDay)) {
    absl::optional<int> n = Ordinal(*d, v);
    if (!n || *n < 1 || *n > 31) return absl::nullopt;
    f.day = *n;
  }
  if (auto q = m.get(kQuarter)) {
    absl::optional<int> n = Ordinal(*q, v);
    if (!n || *n < 1 || *n > 4) return absl::nullopt;
    f.quarter = *n;
  }
  if (auto h = m.get(kHalfYear)) {
    absl::optional<int> n = Ordinal(*h, v);
    if (!n || *n < 1 || *n > 2) return absl::nullopt;
    f.half = *n;
  }
  if (auto s = m.get(kSeason)) {
    absl::optional<std::string> code = Lookup(v.seasons, *s);
    if (!code) return absl::nullopt;
    f.season = *code;
  }
  return f;
}

// A decade ("the 1990s"), a century ("the 20th century"), or a date with its
// own year ("March 2019", "Q3 1989"): no anchor needed.
absl::optional<Point> PointWithYear(const Match& m, const CalendarFields& f, absl::CivilDay dct,
                                    const Vocabulary& v) {
  if (auto dec = m.get(kDecade)) {
    std::string digits;
    for (char c : *dec) {
      if (absl::ascii_isdigit(c)) digits.push_back(c);
    }
    absl::optional<int> y = Year(digits.size() >= 2 ? digits : "", dct);
    if (!y) return absl::nullopt;
    return Point{absl::CivilDay(*y, 1, 1), Gran::kDecade};
  }
  if (auto cent = m.get(kCentury)) {
    absl::optional<int> n = Ordinal(*cent, v);
    if (!n) return absl::nullopt;
    return Point{absl::CivilDay((*n - 1) * 100, 1, 1), Gran::kCentury};
  }
  const int year = *f.year;
  if (f.month != 0 && f.day != 0) {
    absl::optional<absl::CivilDay> d = MakeDay(year, f.month, f.day);
    if (!d) return absl::nullopt;
    return Point{*d, Gran::kDay};
  }
  if (f.month != 0) return Point{absl::CivilDay(year, f.month, 1), Gran::kMonth};
  if (f.quarter != 0) return Point{absl::CivilDay(year, 3 * f.quarter - 2, 1), Gran::kQuarter};
  if (f.half != 0) return Point{absl::CivilDay(year, 6 * f.half - 5, 1), Gran::kHalf};
  if (!f.season.empty()) return Point{absl::CivilDay(year, 1, 1), Gran::kSeason, f.season};
  return Point{absl::CivilDay(year, 1, 1), Gran::kYear};
}

// The year of a month (with or without a day) that names none, near `a`.
int YearOfMonth(const Match& m, const CalendarFields& f, absl::CivilDay a, const Vocabulary& v) {
  const int ay = static_cast<int>(a.year());
  if (f.day != 0 && !m.has(kMod)) {
    // A day is the nearest one, whatever the tense ("Dec. 30" in
    // January, "March 12" in February): news dates things close by.
    int y = ay;
    absl::optional<absl::CivilDay> here = MakeDay(ay, f.month, f.day);
    if (here && *here - a > 182) y = ay - 1;
    if (here && a - *here > 182) y = ay + 1;
    return y;
  }
  if (!m.has(kMod) && m.tense() == 0) {
    int y = ay;  // a month without a cue: the nearest one
    if (f.month - a.month() > 6) y = ay - 1;
    if (a.month() - f.month > 6) y = ay + 1;
    return y;
  }
  int cmp = f.day != 0 ? Compare(f.month * 32 + f.day, a.month() * 32 + a.day())
                       : Compare(f.month, a.month());
  return PickYear(ay, cmp, m, v);
}

// A month, day, quarter, half or season without a year ("March 12", "the
// third quarter", "last summer"), placed in a year near the anchor's day `a`.
absl::optional<Point> PointNearAnchor(const Match& m, const CalendarFields& f, absl::CivilDay a,
                                      const Vocabulary& v) {
  const int ay = static_cast<int>(a.year());
  if (f.month != 0) {
    const int y = YearOfMonth(m, f, a, v);
    if (f.day == 0) return Point{absl::CivilDay(y, f.month, 1), Gran::kMonth};
    absl::optional<absl::CivilDay> d = MakeDay(y, f.month, f.day);
    if (!d) return absl::nullopt;
    return Point{*d, Gran::kDay};
  }
  if (f.quarter != 0) {
    int y = PickYear(ay, Compare(f.quarter, Quarter(a)), m, v);
    return Point{absl::CivilDay(y, 3 * f.quarter - 2, 1), Gran::kQuarter};
  }
  if (f.half != 0) {
    int y = PickYear(ay, Compare(f.half, (a.month() - 1) / 6 + 1), m, v);
    return Point{absl::CivilDay(y, 6 * f.half - 5, 1), Gran::kHalf};
  }
  // Seasons overlap the turn of the year; compare by their middle month.
  static const char* const kSeasons[] = {"WI", "SP", "SU", "FA"};
  int index = 0;
  for (int i = 0; i < 4; ++i) {
    if (f.season == kSeasons[i]) index = i;
  }
  int now = (a.month() % 12) / 3;  // Dec-Feb 0, Mar-May 1, ...
  int y = PickYear(ay, Compare(index, now), m, v);
  return Point{absl::CivilDay(y, 1, 1), Gran::kSeason, f.season};
}

// A weekday ("Sunday", "last Friday"): the nearest one before the anchor's
// day `a`, or after it when the modifier or the tense says so.
absl::optional<Point> WeekdayNearAnchor(const Match& m, absl::string_view weekday, absl::CivilDay a,
                                        const Vocabulary& v) {
  int target = WeekdayFromName(Fold(weekday)) - 1;
  if (target < 0) return absl::nullopt;
  int today = static_cast<int>(absl::GetWeekday(a));
  absl::optional<int> off;
  if (auto mod = m.get(kMod)) off = Lookup(v.modifiers, *mod);
  bool forward = off ? *off > 0 || (*off == 0 && m.tense() > 0) : m.tense() > 0;
  absl::CivilDay d = forward ? a + (target - today + 7) % 7 : a - (today - target + 7) % 7;
  if (off && *off != 0 && d == a) d += forward ? 7 : -7;
  return Point{d, Gran::kDay};
}

// A count of units from the anchor ("yesterday", "next week", "three days
// later", "a year earlier"). An amount that is no whole number ("years
// ago", "several weeks later") sets `*vague_ref` to its direction (-1, +1)
// instead, and gives an empty point.
absl::optional<Point> ShiftedAnchor(const TimexPattern& pattern, const Match& m, absl::CivilDay dct,
                                    const Vocabulary& v, const Cardinals& numbers,
                                    const Point& reference, Point anchor, int* vague_ref) {
  const bool use_reference = pattern.anchor() == TIMEX_ANCHOR_REFERENCE;
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
      return Point();
    }
    n = *sign * static_cast<int>(*amount);
  }
  // "A year earlier" than a quarter or a day the text named is that
  // quarter or day a year before; other units count at their own grain.
  bool keep_reference_grain = use_reference && *g == Gran::kYear && n != 0 && reference.gran > *g &&
                              reference.gran != Gran::kMonth && reference.day != dct;
  if (use_reference && reference.gran < *g) {
    anchor = Point{dct, Gran::kDay};  // too coarse to count from: the DCT
  }
  Point p = Shift(anchor, *g, n);
  p.gran = keep_reference_grain ? reference.gran : *g;
  if (*g == Gran::kWeekend) {
    int wd = static_cast<int>(absl::GetWeekday(p.day));
    p.day = p.day + (5 - wd);  // the Saturday of that week
  }
  return p;
}

// Adds the part of the day ("morning") and the clock time ("2:30 p.m.") of
// `m` to `p` when it is a day; false when the clock time is none.
bool AddTimeOfDay(const Match& m, const Vocabulary& v, Point* p) {
  if (auto part = m.get(kPart)) {
    absl::optional<std::string> code = Lookup(v.parts, *part);
    if (code && p->gran == Gran::kDay) p->part = *code;
  }
  auto hour = m.get(kHour);
  if (!hour) return true;
  int h;
  std::string word = Fold(*hour);
  if (word == "noon" || word == "midday") {
    h = 12;
  } else if (word == "midnight") {
    h = 24;
  } else if (!absl::SimpleAtoi(word, &h) || h > 24) {
    return false;
  }
  int minute = 0;
  if (auto mi = m.get(kMinute)) {
    if (!absl::SimpleAtoi(*mi, &minute) || minute > 59) return false;
  }
  if (auto ampm = m.get(kAmPm)) {
    std::string a = Fold(*ampm);
    if (h > 12) return false;
    if (a[0] == 'p' && h < 12) h += 12;
    if (a[0] == 'a' && h == 12) h = 0;
  }
  if (p->gran == Gran::kDay) {
    p->hour = h;
    p->minute = minute;
  }
  return true;
}

// The point a POINT pattern's match names: read its calendar fields, place
// them (with their own year, near the anchor, or as a count of units from
// it), then add the time of day. The anchor is the DCT's day, or
// `reference` for patterns anchored there. A vague count sets `*vague_ref`.
absl::optional<Point> PointOf(const TimexPattern& pattern, const Match& m, absl::CivilDay dct,
                              const Vocabulary& v, const Cardinals& numbers, const Point& reference,
                              int* vague_ref) {
  const bool use_reference = pattern.anchor() == TIMEX_ANCHOR_REFERENCE;
  Point anchor = use_reference ? reference : Point{dct, Gran::kDay};
  anchor.part.clear();
  anchor.hour = -1;

  absl::optional<CalendarFields> fields = ReadCalendarFields(m, dct, v);
  if (!fields) return absl::nullopt;
  absl::optional<Point> p;
  if (m.has(kDecade) || m.has(kCentury) || fields->year) {
    p = PointWithYear(m, *fields, dct, v);
  } else if (fields->names_part_of_year()) {
    p = PointNearAnchor(m, *fields, anchor.day, v);
  } else if (auto wd = m.get(kWeekday)) {
    p = WeekdayNearAnchor(m, *wd, anchor.day, v);
  } else {
    p = ShiftedAnchor(pattern, m, dct, v, numbers, reference, anchor, vague_ref);
    if (p && *vague_ref != 0) return p;
  }
  if (!p || !AddTimeOfDay(m, v, &*p)) return absl::nullopt;
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
