// The readable side of outlet reliability: the sentences that say why a
// conflict leans the way it does and why an outlet has its score, each one
// a person can check against the report. The numbers come from scoring.h;
// nothing here computes a score.
//
// Example:
//   std::vector<std::string> sides = {DescribeSide("12", {"A", "B"}, {}),
//                                     DescribeSide("20", {"Loner"}, {})};
//   lean->set_explanation(LeanExplanation("12", 0.8, false, sides));
//   // "The evidence leans to 12 (80% of the trust-weighted support): 12 (A, B) vs
//   //  20 (Loner)."
#ifndef CROSSCHECK_CHECKER_SCORE_REASONS_H_
#define CROSSCHECK_CHECKER_SCORE_REASONS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// `x` in [0, 1] as a whole percentage: "80%".
std::string Percent(double x);

// A side of a conflict for its lean's explanation: "12 (A, B; compatible:
// C)", or "12 (no outlet states it)".
std::string DescribeSide(absl::string_view value, const std::vector<std::string>& stated_by,
                         const std::vector<std::string>& compatible);

// Why a conflict leans to `value`, which has `support` of the trust-weighted
// support (or a reviewer's judgement, when `reviewed`); `sides` are the
// DescribeSide of every side. Support under 0.55 is called even.
std::string LeanExplanation(absl::string_view value, double support, bool reviewed,
                            const std::vector<std::string>& sides);

// What an outlet stating `lost` lost in `finding` against `winner`: "kind:
// 20 against 12", or for actors a possibly garbled attribution.
std::string LostClaim(const Finding& finding, const Claim& lost, const Claim& winner);

// How much `effective_evidence` pieces of evidence say: "a weak signal", ...
std::string EvidenceStrength(double effective_evidence);

// The reasons of an outlet's score, in the order shown: its prior and
// evidence, corroboration, lost claims (`losing`), disputed accounts,
// copies, sources. `score` has its counts, articles, prior and copies set;
// `evidence` counts its pieces of evidence, `effective_evidence` those that
// count (EffectiveEvidence).
std::vector<std::string> OutletReasons(const OutletScore& score, double evidence,
                                       double effective_evidence,
                                       const std::vector<std::string>& losing);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_SCORE_REASONS_H_
