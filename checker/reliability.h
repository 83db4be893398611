// Outlet reliability from the evidence of one corpus, in the family of
// TruthFinder and AccuCopy (Dong et al., VLDB 2009): outlets whose claims
// independent outlets corroborate gain weight; weighted support decides which
// side of each conflict is likelier; a copy is not an independent vote;
// reviewers' verdicts are labeled truth.
//
// Each outlet starts from a prior (a newsroom's own rating, or a neutral
// default) and moves with its evidence; the uncertainty says how much
// evidence there is. Every score comes with sentences a person can check.
//
// Example:
//   ScoreOutlets(rules, claims, priors, &report);  // fills report.outlets
//                                                  // and each conflict's lean
#ifndef CROSSCHECK_CHECKER_RELIABILITY_H_
#define CROSSCHECK_CHECKER_RELIABILITY_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "checker/rule_set.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Reads outlet priors (`# proto-message: crosscheck.OutletPriors`); errors
// name file:line:col. Scores must be in [0, 1].
absl::StatusOr<OutletPriors> ReadOutletPriors(const std::string& path);

// Scores the outlets of `report` from `claims` (all claims of the corpus)
// and the findings, copies and reviews already in `report`. Fills
// report->outlets (most reliable first) and Finding.lean of each
// CONTRADICTION, DISCREPANCY and DISPUTED finding.
//
// With `counts` (see CountClaims), `claims` need only hold the claims of the
// (kind, subject) groups that have a CONTRADICTION, DISCREPANCY or DISPUTED
// finding: the others only add to the outlets' counts. A corpus of a
// million claims is scored without holding them all.
struct VoiceClaimCounts {
  int claims = 0;
  int named = 0;
  int anonymous = 0;
};
using ClaimCounts = std::map<std::string, VoiceClaimCounts>;
void ScoreOutlets(const Rules& rules, const std::vector<Claim>& claims,
                  const OutletPriors& priors, Report* report,
                  const ClaimCounts* counts = nullptr);

// Adds `claims` to the per-outlet counts ScoreOutlets reports.
void CountClaims(const std::vector<Claim>& claims, ClaimCounts* counts);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RELIABILITY_H_
