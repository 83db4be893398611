// The review session: walks a person through the unreviewed findings of a
// report, one at a time, and records each verdict in the ledger.
//
// It reads answers line by line, so it works the same in a terminal and with
// piped input. Keys: c confirm, d dismiss as a false positive, 1-9 the side
// that is right (confirms too), n add a note, s skip, q quit. The ledger is
// written (atomically) after every verdict, so quitting, or being killed,
// loses nothing already recorded. Article text is untrusted: everything
// shown is stripped of terminal escape sequences.
//
// Example:
//   ReviewOptions options;
//   options.ledger_path = "corpus/reviews.textproto";
//   absl::StatusOr<ReviewSummary> s =
//       RunReviewSession(report, ledger, options, std::cin, std::cout);
#ifndef CROSSCHECK_CHECKER_REVIEW_REVIEW_H_
#define CROSSCHECK_CHECKER_REVIEW_REVIEW_H_

#include <functional>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "checker/base/verdict_order.h"
#include "proto/report.pb.h"
#include "proto/review.pb.h"

namespace crosscheck {

// How a session runs.
struct ReviewOptions {
  // The ledger file, written after every verdict.
  std::string ledger_path;
  // Name recorded with each verdict.
  std::string reviewer;
  // Findings at or above this verdict are offered (CONTRADICTION is the most
  // severe; see kVerdictsBySeverity).
  Verdict min_verdict = DISCREPANCY;
  // Clock, for tests.
  std::function<absl::Time()> now = [] { return absl::Now(); };
};

// What a session did.
struct ReviewSummary {
  int offered = 0;   // unreviewed findings at or above the threshold
  int recorded = 0;  // verdicts written
  int skipped = 0;
  bool quit = false;  // the reviewer quit (or input ended) before the end
};

// Runs the session over `report`'s unreviewed findings, adding to `ledger`.
// Fails only when the ledger cannot be written.
absl::StatusOr<ReviewSummary> RunReviewSession(const Report& report, Ledger ledger,
                                               const ReviewOptions& options, std::istream& in,
                                               std::ostream& out);

// One finding as the session shows it: verdict, explanation, and each claim
// numbered with outlet, date, value and quote (sanitized for a terminal).
std::string FormatFindingForTerminal(const Finding& finding);

// True when `verdict` is `threshold` or more severe.
bool AtOrAbove(Verdict verdict, Verdict threshold);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_REVIEW_REVIEW_H_
