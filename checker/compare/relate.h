// How the values of two claims of one kind and subject relate: the same, both
// possibly true, or in conflict (soft or hard), as the kind's comparison says.
//
// Quantities compare as intervals (bounds, approximation, the kind's
// tolerance), and only in the same unit (USD amounts are not compared with
// EUR amounts); times as day intervals with their granularity; actors through
// the alias hierarchy. The reason, when asked for, says why in words (it is
// part of a finding's explanation).
//
// Example:
//   std::string reason;
//   Relation r = Relate(a, b, kind.comparison(), &reason);
//   if (r == Relation::kHardConflict) ... reason ...
#ifndef CROSSCHECK_CHECKER_COMPARE_RELATE_H_
#define CROSSCHECK_CHECKER_COMPARE_RELATE_H_

#include <string>

#include "checker/compare/claim_group.h"
#include "proto/claim.pb.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// How two claims' values relate.
enum class Relation {
  kEqual,         // the same value
  kCompatible,    // both can be true (overlapping intervals, related actors)
  kSoftConflict,  // differ, but scope, bounds or precision may explain it
  kHardConflict,  // cannot both be true for the same scope
};

// Compares two claims of the same kind and subject under `comparison`;
// `reason` (if not null) receives why, in words.
Relation Relate(const Claim& a, const Claim& b, const Comparison& comparison, std::string* reason);
// The same for claims of a ClaimGroup (and one against a whole claim).
Relation Relate(const GroupClaim& a, const GroupClaim& b, const Comparison& comparison,
                std::string* reason);
Relation Relate(const GroupClaim& a, const Claim& b, const Comparison& comparison,
                std::string* reason);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_RELATE_H_
