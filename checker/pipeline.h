// The whole pipeline: ingest -> segment -> extract -> compare -> Report.
//
// Articles stream through extraction one at a time: their text is dropped as
// soon as their claims are out, so memory grows with claims, not with text.
//
// Example:
//   absl::StatusOr<Report> report = BuildReport(*rules, {"testdata/caracas"}, {});
#ifndef CROSSCHECK_CHECKER_PIPELINE_H_
#define CROSSCHECK_CHECKER_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "checker/rule_set.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "proto/review.pb.h"

namespace crosscheck {

// How a run treats its input.
struct RunOptions {
  // Stop at the first bad input (default). When false, bad inputs are
  // skipped and listed in Report.problems.
  bool strict = true;
  // Reviewers' verdicts: attached to their findings, used as labeled truth
  // by the reliability scores; entries matching no finding are listed stale.
  Ledger ledger;
  // Outlet priors for the reliability scores (empty: a neutral default).
  OutletPriors priors;
  // Compare claims of undated articles too (see Comparer).
  bool compare_undated = false;
  // Called after each article with the articles, claims and text bytes read
  // so far (for a progress line); may be empty.
  std::function<void(int articles, int claims, int64_t bytes)> progress;
};

// Reads, segments and extracts every article of `paths`, handing each
// article's claims to `sink`, and (when set) each segmented document to
// `observe` first. Duplicate article ids are bad input.
absl::Status ExtractClaims(const Rules& rules, const std::vector<std::string>& paths,
                           const RunOptions& options, std::vector<Problem>* problems,
                           absl::FunctionRef<absl::Status(ArticleClaims)> sink,
                           const std::function<void(const Document&)>& observe = nullptr);

// Runs the whole pipeline and returns the report (articles sorted by id),
// with the ledger applied and the outlets scored.
absl::StatusOr<Report> BuildReport(const Rules& rules, const std::vector<std::string>& paths,
                                   const RunOptions& options);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_H_
