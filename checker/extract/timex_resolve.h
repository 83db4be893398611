// Internal to //checker/extract:timex: the TIMEX3 value of a pattern's
// match, by the pattern's resolver: a literal, a duration ("P3D"), a set
// ("XXXX-WXX-7") or a point in time ("2019-01-23", "2019-W04-WE",
// "PAST_REF"). A point is read from the match's calendar fields (placed in
// their own year, near the anchor, or as units counted from it) and then
// given its time of day.
//
// Example:
//   Match m;  // "last Sunday": the groups of a POINT pattern's match
//   m.groups[kMod] = "last";
//   m.groups[kWeekday] = "Sunday";
//   Point reference{dct, Gran::kDay};
//   absl::optional<std::string> value =
//       Resolve(pattern, m, dct, vocabulary, numbers, &reference);
//   // "2019-01-20" for a DCT of 2019-01-24
#ifndef CROSSCHECK_CHECKER_EXTRACT_TIMEX_RESOLVE_H_
#define CROSSCHECK_CHECKER_EXTRACT_TIMEX_RESOLVE_H_

#include <string>

#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "checker/extract/timex_value.h"
#include "proto/timex.pb.h"

namespace crosscheck::timex_internal {

// The value of a match for `pattern`, or nullopt when the groups do not make
// one (a lower-case month name, a 31st of February). `reference` is the last
// point the text mentioned (the DCT's day before any); a POINT value
// updates it.
absl::optional<std::string> Resolve(const TimexPattern& pattern, const Match& match,
                                    absl::CivilDay dct, const Vocabulary& vocabulary,
                                    const Cardinals& numbers, Point* reference);

}  // namespace crosscheck::timex_internal

#endif  // CROSSCHECK_CHECKER_EXTRACT_TIMEX_RESOLVE_H_
