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
// or, group by group, OutletScorer (below).
#ifndef CROSSCHECK_CHECKER_SCORE_RELIABILITY_H_
#define CROSSCHECK_CHECKER_SCORE_RELIABILITY_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/compare/claim_group.h"
#include "checker/rules/rule_set.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Reads outlet priors (`# proto-message: crosscheck.OutletPriors`); errors
// name file:line:col. Scores must be in [0, 1].
absl::StatusOr<OutletPriors> ReadOutletPriors(const std::string& path);

// Scores outlets one (kind, subject) group at a time, so that a corpus of a
// million claims is scored without holding its claims together: each group
// is reduced, as it is compared, to per-outlet counts and to who supports
// which side of each of its conflicts.
//
//   OutletScorer scorer(rules, copies);
//   for (each group) scorer.AddGroup(group_claims, group_findings);
//   ... findings go into the report, reviews are applied ...
//   scorer.Finish(priors, &report);  // fills report.outlets and the leans
class OutletScorer {
 public:
  // `copies`: the corpus's copy relations (a copier repeating its source's
  // value is no vote).
  OutletScorer(const Rules& rules, const std::vector<Copy>& copies);
  ~OutletScorer();
  OutletScorer(const OutletScorer&) = delete;
  OutletScorer& operator=(const OutletScorer&) = delete;

  // Adds the claims of one (kind, subject) group and the findings the
  // comparison made from them. Neither is kept. Thread-safe: groups may be
  // added from several threads, in any order.
  void AddGroup(const std::vector<Claim>& group, const std::vector<Finding>& findings);
  // The same for a group held as a ClaimGroup (less memory).
  void AddGroup(const ClaimGroup& group, const std::vector<Finding>& findings);

  // Counts an article for its outlet (or, without one, for itself), listed
  // even if it made no claim; Finish also counts report->articles().
  void AddArticle(absl::string_view id, absl::string_view outlet);
  // Lists `source` among those the copier's outlet copies from, in the
  // order added; Finish also adds report->copies() (after these).
  void AddCopy(absl::string_view copier_id, absl::string_view copier_outlet,
               absl::string_view source);

  // Fills report->outlets (most reliable first) and Finding.lean of each
  // CONTRADICTION, DISCREPANCY and DISPUTED finding. The report's findings
  // are those given to AddGroup (matched by id), with reviews applied: a
  // dismissed conflict is no evidence; a reviewer's choice is labeled truth.
  void Finish(const OutletPriors& priors, Report* report);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Scores the outlets of `report` from `claims` (all claims of the corpus)
// and the findings, copies and reviews already in `report`: OutletScorer
// over the claims grouped by (kind, subject).
void ScoreOutlets(const Rules& rules, const std::vector<Claim>& claims, const OutletPriors& priors,
                  Report* report);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_SCORE_RELIABILITY_H_
