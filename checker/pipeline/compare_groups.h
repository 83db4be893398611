// The comparison of a report's claims, one (kind, subject) group at a time,
// on every core, within a memory budget. Each group waits in the run's
// SpillStore as two values (GroupValues): its claims without what only the
// report shows (MoveShownParts), and those parts apart, read back only for
// the claims of findings. CompareGroups parses, compares, scores and frees
// the groups (in GroupSchedule's order: largest first), and gathers their
// findings in group order, so the result does not depend on the number of
// threads.
//
// Example:
//   GroupValues values = {store.NewValue(), store.NewValue()};  // per group
//   MoveShownParts(&claim, &shown);
//   std::string claim_record, shown_record;
//   AppendDelimited(claim, &claim_record);
//   AppendDelimited(shown, &shown_record);
//   RETURN_IF_ERROR(store.Append(values.claims, claim_record));
//   RETURN_IF_ERROR(store.Append(values.shown, shown_record));
//   ...
//   ASSIGN_OR_RETURN(GroupsCompared compared,
//                    CompareGroups(comparer, &scorer, threads, &store, groups, false));
#ifndef CROSSCHECK_CHECKER_PIPELINE_COMPARE_GROUPS_H_
#define CROSSCHECK_CHECKER_PIPELINE_COMPARE_GROUPS_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "checker/compare/compare.h"
#include "checker/pipeline/stored_lists.h"
#include "checker/score/reliability.h"
#include "checker/storage/spill_store.h"
#include "proto/claim.pb.h"
#include "proto/finding.pb.h"
#include "proto/verdict.pb.h"

namespace crosscheck {

// Where a (kind, subject) group waits in the store: its claims without
// what only the report shows (the sentence quoted, the pattern's id, the
// sentence's span: 40% of a claim's bytes, and half its parsed size once
// the sentence is long), and those parts apart, claim by claim in the same
// order (delimited records both), read back only for the claims of
// findings.
struct GroupValues {
  int claims = 0;
  int shown = 0;
};

// Moves what only the report shows out of `claim` into `shown` (cleared
// first).
void MoveShownParts(Claim* claim, Claim* shown);

// What comparing every (kind, subject) group gives.
struct GroupsCompared {
  // The findings the report holds: with `defer`, only those of the verdicts
  // that weigh in the outlets' scores (CONTRADICTION, DISPUTED,
  // DISCREPANCY); in group order.
  std::vector<Finding> findings;
  // With `defer`, the others (UPDATE, AGREEMENT: nine in ten at 1 GB), in
  // the report's order (they all sort after those of `findings`).
  std::vector<StoredFinding> stored;
  std::map<Verdict, int> by_verdict;  // of both
  int64_t comparisons = 0;
  int64_t omitted = 0;
  int truncated = 0;
  KeptApart kept_apart;  // with at most five examples, one per reason
};

// Compares the `groups` (in `store`, taken from it as they are parsed) on
// `threads` threads and scores each with `scorer`. The result is the same
// for any number of threads. Fails only when the store cannot read a group
// back. With `defer`, the findings that do not weigh in the outlets' scores
// stay in the store (GroupsCompared::stored).
//
// The groups are taken in the order GroupSchedule gives (largest first,
// within a budget of 48 MB serialized being compared; beside a larger one,
// only groups under 4 MB). What a large group leaves behind in freed small
// allocations is handed back to the system at once (ReleaseFreeMemory), not
// left for the next.
absl::StatusOr<GroupsCompared> CompareGroups(
    const Comparer& comparer, OutletScorer* scorer, int threads, SpillStore* store,
    const std::map<std::pair<std::string, std::string>, GroupValues>& groups, bool defer);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_COMPARE_GROUPS_H_
