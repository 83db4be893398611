// Internal to //checker/extract:timex: the pieces TIMEX3 values are made
// of. Points in time with a granularity, shifted by units and formatted the
// way TimeML writes them; the rules' vocabulary folded for lookups; amounts
// read from digits or words; the named groups of a pattern's match.
// timex_resolve.h turns a match into a value with them.
//
// Example:
//   Point p{absl::CivilDay(2019, 1, 24), Gran::kDay};
//   FormatPoint(Shift(p, Gran::kWeek, -1));  // "2019-01-17"
//   FormatPoint({p.day, Gran::kWeekend});    // "2019-W04-WE"
#ifndef CROSSCHECK_CHECKER_EXTRACT_TIMEX_VALUE_H_
#define CROSSCHECK_CHECKER_EXTRACT_TIMEX_VALUE_H_

#include <array>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "checker/extract/quantity.h"
#include "proto/timex.pb.h"

namespace crosscheck::timex_internal {

// Granularities, coarsest first.
enum class Gran {
  kCentury,
  kDecade,
  kYear,
  kHalf,
  kQuarter,
  kSeason,
  kMonth,
  kWeek,
  kWeekend,
  kDay
};

// A resolved point: the day it starts on, its granularity, and extras.
struct Point {
  absl::CivilDay day;
  Gran gran = Gran::kDay;
  std::string season;  // SP, SU, FA, WI when gran == kSeason
  std::string part;    // MO, AF, EV, NI: a part of `day`
  int hour = -1;       // a clock time on `day`
  int minute = 0;
};

// `s` without surrounding whitespace and trailing '.' or ',', in lower case:
// the form of the vocabulary's keys.
std::string Fold(absl::string_view s);

// The quarter (1-4) a day falls in.
int Quarter(absl::CivilDay d);

// ISO 8601 week (year, week number) of a day.
std::pair<int, int> IsoWeek(absl::CivilDay day);

// The TIMEX3 value of a point ("2019-W04-WE", "1989-Q3", "2019-01-26T14:30").
std::string FormatPoint(const Point& p);

// The point `n` units after `p` (before, when n < 0), at granularity `g`.
Point Shift(const Point& p, Gran g, int n);

// The vocabulary of the rules, folded to lower case, for lookups.
struct Vocabulary {
  absl::flat_hash_map<std::string, std::string> units;  // word -> code
  absl::flat_hash_map<std::string, int> modifiers;
  absl::flat_hash_map<std::string, int> directions;
  absl::flat_hash_map<std::string, std::string> parts;
  absl::flat_hash_map<std::string, std::string> seasons;
  absl::flat_hash_map<std::string, int> ordinals;
};

// Amounts in time expressions ("72", "three", "a few"): digits directly,
// words with the rules' QuantityParser (ICU spell-out) once per distinct
// text. ICU's parse takes tens of microseconds and news repeats a few dozen
// number words, so the answers (failures too) are kept. Thread-safe.
class Cardinals {
 public:
  explicit Cardinals(const QuantityParser& numbers) : numbers_(numbers) {}
  Cardinals(const Cardinals&) = delete;
  Cardinals& operator=(const Cardinals&) = delete;

  // The number `text` says; nullopt when it is vague ("several") or none.
  absl::optional<double> Read(absl::string_view text) const;

 private:
  // At most this many texts are kept; past it, reads parse every time.
  static constexpr size_t kMaxKept = 4096;
  const QuantityParser& numbers_;
  mutable absl::Mutex mu_;
  mutable absl::flat_hash_map<std::string, absl::optional<double>> kept_ ABSL_GUARDED_BY(mu_);
};

// Builds the lookups from the rules.
Vocabulary MakeVocabulary(const TimexRules& rules);

// The granularity of a unit code (D, W, WE, M, Q, H, Y, DE, CE); nullopt for
// clock units (TH, TM, TS) and unknown codes.
absl::optional<Gran> GranOfUnit(absl::string_view code);

// The named groups a pattern may have (`(?P<year>...)`).
enum Group {
  kT,
  kYear,
  kMonth,
  kDay,
  kWeekday,
  kQuarter,
  kHalfYear,
  kHalf,
  kSeason,
  kDecade,
  kCentury,
  kUnit,
  kMod,
  kNum,
  kDir,
  kPart,
  kHour,
  kMinute,
  kAmPm,
  kNumGroups
};

// The groups' names in patterns, indexed by Group.
extern const char* const kGroupNames[kNumGroups];

// What a match gives the resolver.
struct Match {
  // The text of each named group; data() is null when it did not take part.
  std::array<absl::string_view, kNumGroups> groups;
  bool has(Group g) const { return groups[g].data() != nullptr; }
  absl::optional<absl::string_view> get(Group g) const {
    if (!has(g)) return absl::nullopt;
    return groups[g];
  }
  // The whole timex text.
  absl::string_view text;
  // Tells the tense of its sentence near it: +1 future, -1 past, 0
  // unknown. Absent: unknown.
  absl::optional<absl::FunctionRef<int()>> tell_tense;

  // The tense, told on first use only: it costs searches of the sentence,
  // and most values do not need it.
  int tense() const {
    if (!tense_known_) {
      tense_ = tell_tense ? (*tell_tense)() : 0;
      tense_known_ = true;
    }
    return tense_;
  }

 private:
  mutable bool tense_known_ = false;
  mutable int tense_ = 0;
};

}  // namespace crosscheck::timex_internal

#endif  // CROSSCHECK_CHECKER_EXTRACT_TIMEX_VALUE_H_
