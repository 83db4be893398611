// Exports reviewed findings as schema.org ClaimReview JSON-LD: the markup
// fact-checkers publish with a fact check and search engines read.
//
// Only findings with a reviewer's verdict (Finding.review, from the ledger)
// are exported; an unreviewed finding is not a review. Each claim of a
// reviewed finding becomes one ClaimReview:
//   claimReviewed   the quoted sentence;
//   itemReviewed    a Claim: author (the outlet, an Organization),
//                   datePublished (the article's), appearance (the article:
//                   its http(s) URL when known, headline, publisher);
//   reviewRating    a Rating whose alternateName is the reviewer's verdict
//                   for this claim ("Accurate" / "Inaccurate" when the
//                   reviewer named the right side, "Conflicting reports",
//                   "Corroborated", "No conflict" for a dismissed finding),
//                   and ratingExplanation (the finding's explanation and the
//                   reviewer's note);
//   author          the reviewer (a Person), datePublished the review's day;
//   identifier      the finding id.
// The output is a JSON array (possibly empty), pretty-printed and
// byte-identical run to run. Strings are escaped so that the JSON can also
// be pasted into an HTML <script type="application/ld+json"> element.
//
// Example:
//   std::string json_ld = RenderClaimReview(report);
#ifndef CROSSCHECK_CHECKER_RENDER_CLAIM_REVIEW_H_
#define CROSSCHECK_CHECKER_RENDER_CLAIM_REVIEW_H_

#include <string>

#include "proto/report.pb.h"

namespace crosscheck {

// The ClaimReview objects of `report`'s reviewed findings, as a JSON array.
std::string RenderClaimReview(const Report& report);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RENDER_CLAIM_REVIEW_H_
