// The claims of one (kind, subject) in buckets of claims that relate to every
// other claim alike, so that values are compared once per pair of buckets,
// not once per pair of claims (comparisons grow with the distinct values of
// a subject, not with the pairs of its claims); and the pairs of claims of two
// buckets that were published close enough in time to be compared.
//
// A bucket holds claims of one value, scope and hedging; with the kind's
// `compare_within_days`, of one block of that many days of publication (only
// buckets of the same or neighbouring blocks can hold claims close enough in
// time, so a subject reported over years costs comparisons per block, not
// across all of its values); with `separate_places`, of one place.
//
// Example:
//   ClaimBuckets buckets(claims, kind.comparison());
//   std::vector<size_t> later;
//   std::vector<ClaimBuckets::Pair> pairs;
//   for (size_t b = 0; b < buckets.size(); ++b) {
//     buckets.LaterNeighbours(b, &later);
//     for (size_t c : later) {
//       if (Relate(buckets.Representative(b), buckets.Representative(c), ...) ...)
//       buckets.Pairs(b, c, &pairs);
//     }
//   }
#ifndef CROSSCHECK_CHECKER_COMPARE_BUCKETS_H_
#define CROSSCHECK_CHECKER_COMPARE_BUCKETS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "checker/compare/claim_days.h"
#include "checker/compare/claim_group.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// The claims of one (kind, subject), bucketed. Holds pointers to the claims.
class ClaimBuckets {
 public:
  // Two claims, one of each of two buckets (the first of the earlier bucket).
  using Pair = std::pair<const DatedClaim*, const DatedClaim*>;

  // Buckets `claims` (in output order: DatedClaim::order is the position
  // there) as `comparison` says. The buckets are in the order of their keys
  // (value, scope, hedging, block, place).
  ClaimBuckets(const std::vector<const GroupClaim*>& claims, const Comparison& comparison);
  ClaimBuckets(const ClaimBuckets&) = delete;
  ClaimBuckets& operator=(const ClaimBuckets&) = delete;

  // How many buckets.
  size_t size() const { return buckets_.size(); }
  // The first claim of bucket `b`: every claim of the bucket relates to
  // others as it does.
  const GroupClaim& Representative(size_t b) const { return *buckets_[b].front().claim; }
  // The claims of bucket `b`, in output order.
  const std::vector<DatedClaim>& Bucket(size_t b) const { return buckets_[b]; }

  // Into `out` (cleared first): the buckets after `b`, ascending, that may
  // hold claims published within `compare_within_days` of `b`'s (all of
  // them without that window, or when `b` is undated).
  void LaterNeighbours(size_t b, std::vector<size_t>* out) const;

  // Into `out` (cleared first): the pairs of a claim of bucket `b` and one
  // of bucket `c` published within `compare_within_days` of each other (an
  // undated claim pairs with every claim), in output order: by the first
  // claim's order, then the second's.
  void Pairs(size_t b, size_t c, std::vector<Pair>* out) const;

 private:
  // The block of `compare_within_days` days `day` falls in; kUndatedDay for
  // an undated day or without that window.
  int64_t BlockOf(int64_t day) const;

  int64_t within_;  // compare_within_days
  std::vector<std::vector<DatedClaim>> buckets_;
  // Each bucket's dated claims by day, for the window search.
  std::vector<std::vector<const DatedClaim*>> by_day_;
  // The buckets by the block of their first claim.
  std::map<int64_t, std::vector<size_t>> by_block_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_BUCKETS_H_
