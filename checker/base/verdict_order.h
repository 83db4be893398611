// The order of verdicts by severity: how reports sort findings and count
// them, and what "at or above a verdict" means for `crosscheck test` and
// `crosscheck review`.
//
// Example:
//   if (VerdictRank(f.verdict()) <= VerdictRank(DISCREPANCY)) { ... }
#ifndef CROSSCHECK_CHECKER_BASE_VERDICT_ORDER_H_
#define CROSSCHECK_CHECKER_BASE_VERDICT_ORDER_H_

#include "proto/verdict.pb.h"

namespace crosscheck {

// Verdicts from the most to the least severe: the order of findings in a
// report and of its summary counts.
inline constexpr Verdict kVerdictsBySeverity[] = {CONTRADICTION, DISPUTED, DISCREPANCY, UPDATE,
                                                  AGREEMENT};

// Position of `verdict` in kVerdictsBySeverity (unknown verdicts last).
int VerdictRank(Verdict verdict);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_VERDICT_ORDER_H_
