// Relative deadlines anchored to the order they belong to: "within 72
// hours" in one article counts from the order another article dates to
// Wednesday.
//
// Example:
//   std::vector<Claim> claims = ...;  // of the whole corpus
//   AnchorRelativeDeadlines(rules, &claims);
//   // "within 72 hours" is now "Saturday 2019-01-26 (72 hours after
//   // Wednesday's order)", a day that compares with other deadlines.
#ifndef CROSSCHECK_CHECKER_COMPARE_DEADLINES_H_
#define CROSSCHECK_CHECKER_COMPARE_DEADLINES_H_

#include <vector>

#include "checker/rules/rule_set.h"
#include "proto/claim.pb.h"

namespace crosscheck {

// Anchors relative deadlines ("within 72 hours") of kinds that name a
// `duration_anchor_kind`: such a deadline counts from the order it belongs
// to, the earliest day a claim of that kind is scoped to within the kind's
// lookback before the deadline's publication, anywhere in `claims` (one
// article may say the order came on Wednesday, another only "72 hours").
// The deadline becomes that day plus the duration, with the order named in
// its resolution and display. Deadlines with no such order stay as they are.
void AnchorRelativeDeadlines(const Rules& rules, std::vector<Claim>* claims);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_DEADLINES_H_
