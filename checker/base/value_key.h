// ValueKey: when two claims state the same value, for agreement, votes and
// reviews (the comparison, the reliability scores and the ledger all key
// values this way).
//
// Example:
//   if (ValueKey(a) == ValueKey(b)) { /* the same value */ }
#ifndef CROSSCHECK_CHECKER_BASE_VALUE_KEY_H_
#define CROSSCHECK_CHECKER_BASE_VALUE_KEY_H_

#include <string>

#include "proto/claim.pb.h"

namespace crosscheck {

// The key under which claims count as the same value: the displayed value
// (for a measure, its bounds in the base unit: "2,750 tons" and "2,750
// tonnes" are one),
// for times the days ("Saturday" and "72 hours after Wednesday" alike) and the
// time of day (in UTC when its zone is known), or
// for actors the side they speak for (the body just under a country:
// the State Department and the White House both key to the US government).
std::string ValueKey(const Claim& claim);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_VALUE_KEY_H_
