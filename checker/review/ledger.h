// The review ledger: verdicts people gave on findings, kept in a textproto
// file beside the corpus (`# proto-message: crosscheck.Ledger`).
//
// Reading a missing ledger gives an empty one (nothing reviewed yet); a
// malformed one is an error naming file:line:col, never silently replaced.
// Writing is atomic (a temporary file in the same directory, then rename),
// so an interrupted review never leaves half a ledger.
//
// Example:
//   absl::StatusOr<Ledger> ledger = ReadLedger("corpus/reviews.textproto");
//   ApplyLedger(*ledger, &report);   // findings carry their review
#ifndef CROSSCHECK_CHECKER_REVIEW_LEDGER_H_
#define CROSSCHECK_CHECKER_REVIEW_LEDGER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "proto/report.pb.h"
#include "proto/review.pb.h"

namespace crosscheck {

// Reads the ledger at `path`; a file that does not exist is an empty ledger.
absl::StatusOr<Ledger> ReadLedger(const std::string& path);

// Writes `ledger` to `path` atomically, with a header naming its message.
absl::Status WriteLedger(const std::string& path, const Ledger& ledger);

// Adds `review` to `ledger`, replacing an earlier review of the same finding.
void RecordReview(Review review, Ledger* ledger);

// The review of `finding_id`, or nullptr.
const Review* FindReview(const Ledger& ledger, absl::string_view finding_id);

// Builds a review of `finding` with a snapshot of what it said, stamped
// with `reviewer` and `now`.
Review MakeReview(const Finding& finding, Decision decision, std::string correct_article_id,
                  std::string note, std::string reviewer, absl::Time now);

// Attaches each ledger entry to its finding (Finding.review) and lists the
// entries whose finding is not in the report as Report.stale_reviews.
void ApplyLedger(const Ledger& ledger, Report* report);

// Parses a decision as people type it: "confirm"/"confirmed",
// "dismiss"/"dismissed"/"false-positive". The error lists the choices.
absl::StatusOr<Decision> ParseDecision(absl::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_REVIEW_LEDGER_H_
