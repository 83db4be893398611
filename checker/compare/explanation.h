// The sentences that say why a finding has its verdict: who says what, and
// how the values relate (Relate's words) or why the pair is a timeline rather
// than a conflict. The verdicts themselves are decided in verdict.h.
//
// Example:
//   absl::optional<PairVerdict> v = DecidePairVerdict(a, b, ...);
//   std::string why = ExplainPair(kind, v->reason, a, b);
//   // "McClatchy (a1, 2019-01-24) says deaths is 12; The Washington Post
//   //  (b1, 2019-01-24) says deaths is 20: both are exact counts ..."
//   std::string agree = ExplainAgreement(kind, *agreement);
//   // "2 outlets (McClatchy, The Washington Post) agree that deaths is 12."
#ifndef CROSSCHECK_CHECKER_COMPARE_EXPLANATION_H_
#define CROSSCHECK_CHECKER_COMPARE_EXPLANATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/compare/verdict.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// An AGREEMENT lists at most this many claims (and names this many outlets).
inline constexpr size_t kMaxAgreementClaims = 12;

// Who says it: "McClatchy (000_d6b0371285f5ae76, 2019-01-24)".
std::string Who(const GroupClaim& c);

// What it says, in the words of `kind`'s statement ("{subject} is
// {value}{scope}" by default), with the source it cites: "deaths is 12
// (Wednesday), citing the police".
std::string Statement(const ClaimKind& kind, const GroupClaim& c);

// Why `a` and `b` (in that order) have the verdict decided for `reason`.
// The relation's words come from Relate under `kind`'s comparison.
// The words of one step of a developing count's timeline: the reports of
// one day that differ (kSameDay), or the reports of one day and of the next
// day with reports (kGrew, kRevised, kLagging); `claims` in output order,
// `timeline` the count by day (CountTimeline::Describe; empty: not shown).
std::string ExplainTimelineStep(const ClaimKind& kind, PairReason reason,
                                const std::vector<const GroupClaim*>& claims,
                                const std::string& timeline);

std::string ExplainPair(const ClaimKind& kind, PairReason reason, const GroupClaim& a,
                        const GroupClaim& b);

// The conflicts of one subject as one finding (Comparison's
// one_finding_per_subject): each value with the outlets that give it, in
// the order of `claims`, then one pair's own words (`worst`, ExplainPair's):
// "Outlets give 3 different values for the time the fire broke out:
// 17:45-18:15 local time (Punch); 18:50 local time (National Post, The
// Local France); ... For example: ...".
// With `comparison`, values that agree with one another are listed as one
// ("200-metre (ITV) = 650 ft (198 metres) (Evening Standard)").
std::string ExplainSpread(const std::vector<const GroupClaim*>& claims, const std::string& worst,
                          const Comparison* comparison = nullptr);

// Why the outlets of `agreement` agree: "3 outlets (AP, BBC News, Reuters)
// agree that deaths is 12." Names at most kMaxAgreementClaims outlets (and
// how many more).
std::string ExplainAgreement(const ClaimKind& kind, const Agreement& agreement);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_EXPLANATION_H_
