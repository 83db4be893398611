// The verdicts of the comparison, decided apart from their words
// (explanation.h): which verdict a pair of claims whose values differ earns,
// and whether claims of one value amount to an AGREEMENT.
//
// A pair in one article is DISPUTED when two sources disagree, a
// DISCREPANCY between its headline and its body, and no finding at all in one
// voice (a running story). Between articles, a running count that grew from
// one day's report to a later day's is an UPDATE (and a developing count's
// pairs are decided on its timeline: DecideOnTimeline), and so are claims reported
// `update_after_days` or more apart; otherwise a hard conflict is a
// CONTRADICTION (unless an article is undated: then it is only a soft one)
// and a soft one a DISCREPANCY (or the kind's own verdicts). An AGREEMENT
// needs two independent outlets: different outlets that do not copy each
// other.
//
// Example:
//   Relation relation = Relate(a, b, comparison, nullptr);
//   absl::optional<PairVerdict> v = DecidePairVerdict(a, b, comparison, relation, days_apart);
//   if (v) ... v->verdict, ExplainPair(kind, v->reason, a, b) ...
//   absl::optional<Agreement> agreement = DecideAgreement(window, voice);
#ifndef CROSSCHECK_CHECKER_COMPARE_VERDICT_H_
#define CROSSCHECK_CHECKER_COMPARE_VERDICT_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/types/optional.h"
#include "checker/compare/claim_days.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/count_timeline.h"
#include "checker/compare/relate.h"
#include "proto/finding.pb.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// Why a pair of claims gets its verdict.
enum class PairReason {
  kTwoAccounts,      // one article, two sources that disagree
  kHeadline,         // one article's headline against its body
  kGrew,             // a running count grew from one day's report to a later one's
  kApart,            // reported `update_after_days` or more apart
  kConflict,         // values that conflict, reported at one time
  kUndatedConflict,  // a hard conflict involving an undated article: only a soft one
  kSameDay,          // a developing count given two values in reports of one day
  kRevised,          // a developing count cut, and the later reports keep the cut
  kLagging,          // a later report lower than an earlier one, the rest went higher
  kUndatedReports,   // a developing count's reports without a date: no order to them
};

// Whether a verdict for `reason` is a notable update (a revision), listed
// with the conflicts rather than among routine updates.
inline bool NotableReason(PairReason reason) { return reason == PairReason::kRevised; }

// A pair's verdict and why.
struct PairVerdict {
  Verdict verdict;
  PairReason reason;
};

// The verdict of claims `a` and `b` (of one kind and subject, about times
// that meet and of one event) whose values relate as `relation`, under the
// kind's `comparison`. `days_apart`: how many days apart their articles were
// published, none when either is undated. None when the pair is no finding
// (one article, in one voice).
absl::optional<PairVerdict> DecidePairVerdict(const GroupClaim& a, const GroupClaim& b,
                                              const Comparison& comparison, Relation relation,
                                              absl::optional<int64_t> days_apart);

// What the timeline of a developing count says of a pair of its claims.
struct TimelineVerdict {
  // False: the pair is not on one timeline (decide as any pair).
  bool applies = false;
  // None (when it applies): no finding, the days between carry the story.
  absl::optional<PairVerdict> verdict;
};

// For a kind whose comparison is `cumulative`: the verdict of claims `x` and
// `y` of different articles, both on `timeline` (count_timeline.h). Reports
// of one day that differ are a DISCREPANCY explained by timing (written at
// different hours), never a CONTRADICTION; a rise to a later day's report is
// an UPDATE; a fall is a revision (an UPDATE, notable) when no later report
// goes back up to the earlier value and another outlet confirms the lower
// one (within `tolerance`, relative), else a DISCREPANCY: the lower report
// lags. Reports with reports of days between them make no finding, and
// neither does an undated report against a dated one (it could be from any
// day of the count); undated reports that differ make one DISCREPANCY
// together (kUndatedReports): they cannot be ordered.
TimelineVerdict DecideOnTimeline(const DatedClaim& x, const DatedClaim& y,
                                 const Comparison& comparison, const CountTimeline& timeline);

// Outlets that report one value.
struct Agreement {
  // The outlets (an article with no outlet stands for itself), sorted.
  std::set<std::string> outlets;
  // One claim per article, in the order given.
  std::vector<const GroupClaim*> evidence;
};

// The AGREEMENT of `claims` (of one value, one event and one window of
// time): the outlets and the evidence, when at least two of the outlets are
// independent. `voice` gives the id an article is counted under with the
// articles it copies or that copy it (its own id when none). None when the
// claims do not amount to an agreement.
absl::optional<Agreement> DecideAgreement(
    const std::vector<const GroupClaim*>& claims,
    absl::FunctionRef<std::string(const std::string& article_id)> voice);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_VERDICT_H_
