// Findings as the comparison stage makes them: the evidence in a stable
// order, an id that depends only on the evidence, and the order reports list
// findings in.
//
// Example:
//   Finding f = MakeFinding(kind, "deaths", CONTRADICTION, {a, b}, "...");
//   // f.id() == FindingId(f); f's claims sorted by article id, then offset
//   SortFindings(&findings);  // most severe first
#ifndef CROSSCHECK_CHECKER_COMPARE_FINDINGS_H_
#define CROSSCHECK_CHECKER_COMPARE_FINDINGS_H_

#include <string>
#include <vector>

#include "checker/compare/claim_group.h"
#include "proto/claim.pb.h"
#include "proto/finding.pb.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// The order of evidence: by article id, then by offset in the article.
bool ClaimLess(const Claim& a, const Claim& b);
bool ClaimLess(const GroupClaim& a, const GroupClaim& b);

// A finding of `kind` about `subject`: `claims` in ClaimLess order, the
// explanation, and its FindingId.
Finding MakeFinding(const ClaimKind& kind, const std::string& subject, Verdict verdict,
                    std::vector<Claim> claims, std::string explanation);

// A finding id that depends only on its kind, subject, verdict and evidence
// (article ids, matched text, values): stable across runs and corpus changes
// that do not touch that evidence.
std::string FindingId(const Finding& finding);

// Orders findings as reports list them: most severe verdict first, then by
// kind, subject and id (a total order).
void SortFindings(std::vector<Finding>* findings);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_FINDINGS_H_
