// The comparison stage: groups claims by (kind, subject) and assigns
// verdicts to the pairs that disagree, as the kind's rule says.
//
// Quantities compare as intervals (bounds, approximation, the kind's
// tolerance), and only in the same unit (USD amounts are not compared with
// EUR amounts); times as day intervals with their granularity; actors through
// the alias hierarchy. Claims reported far apart in time are UPDATEs; two
// parties disagreeing inside one article are DISPUTED; independent outlets
// reporting the same value are AGREEMENT.
//
// Example:
//   Comparer comparer(*rules);
//   std::vector<Finding> findings = comparer.Compare(claims);
#ifndef CROSSCHECK_CHECKER_COMPARE_COMPARE_H_
#define CROSSCHECK_CHECKER_COMPARE_COMPARE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/deadlines.h"
#include "checker/compare/findings.h"
#include "checker/compare/relate.h"
#include "checker/events/places.h"
#include "checker/rules/rule_set.h"
#include "proto/claim.pb.h"
#include "proto/finding.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Pairs of claims the comparer kept apart as different events.
struct KeptApart {
  // How many pairs (conflicting values, or the same value that would have
  // been counted as agreement).
  int64_t pairs = 0;
  // A few of them in words, one per reason: "deaths: 18_1ecb vs 18_2ecbplus
  // (Vancouver, British Columbia vs Troy, Michigan)".
  std::vector<std::string> examples;
};

// The comparison stage. Immutable; thread-safe.
class Comparer {
 public:
  // `rules` must outlive the comparer.
  explicit Comparer(const Rules& rules);

  // Findings over `claims`, most severe first (CONTRADICTION, DISPUTED,
  // DISCREPANCY, UPDATE, AGREEMENT), then by kind, subject and id. An
  // article and the articles it copies (or that copy it) are one voice:
  // AGREEMENT needs two independent outlets.
  // Claims with the same value, scope and hedging are compared as one
  // bucket, so the value comparisons (counted in `comparisons` when not
  // null) grow with the distinct values of a subject, not with the pairs of
  // its claims.
  // Claims of different events are never compared: for kinds whose
  // comparison has `separate_places`, claims whose places exclude each other
  // (checker/places.h: neither is the other or inside it); and, when undated
  // claims are compared, an undated article's claims and a dated article's
  // unless the two articles name a participant in common
  // (checker/participants.h). The pairs kept apart are counted in
  // `kept_apart` when not null.
  std::vector<Finding> Compare(const std::vector<Claim>& claims,
                               const std::vector<Copy>& copies = {}, int64_t* comparisons = nullptr,
                               int64_t* omitted = nullptr, KeptApart* kept_apart = nullptr,
                               int* truncated_subjects = nullptr) const;
  // The same over claims held as a ClaimGroup (less memory than the claims
  // themselves): the findings' claims come back whole (GroupClaim::Whole).
  std::vector<Finding> Compare(const ClaimGroup& claims, const std::vector<Copy>& copies = {},
                               int64_t* comparisons = nullptr, int64_t* omitted = nullptr,
                               KeptApart* kept_apart = nullptr,
                               int* truncated_subjects = nullptr) const;

  // Whether claims of undated articles are compared. Off by default: with no
  // date, nothing tells one event from another of the same kind (two
  // earthquakes on one island, years apart), and most such comparisons
  // mislead. Turn it on for a corpus known to be about one event. Even then
  // an undated article is compared with a dated one only when the two name
  // someone in common.
  void set_compare_undated(bool compare) { compare_undated_ = compare; }

  // At most this many findings of one verdict for one (kind, subject); the
  // rest are counted in `omitted` (Compare's last argument). A corpus of
  // thousands of articles on one subject has millions of pairs of claims a
  // week apart; nobody reads them, and they would not fit in memory. Once
  // 20 times the cap are left out, or 5,000 times the cap of pairs have been
  // looked at, the rest of the subject is not examined (counted in
  // `truncated_subjects`).
  void set_max_findings_per_subject(int max) { max_findings_per_subject_ = max; }

  // For comparing a corpus one (kind, subject) group at a time: the copy
  // relations of the whole corpus (used when Compare gets no copies) and the
  // place hierarchy all its articles teach (used instead of the one the
  // claims of one call would teach). `places` must outlive the Comparer.
  void set_copies(const std::vector<Copy>& copies);
  void set_places(const PlaceHierarchy* places) { places_ = places; }

 private:
  const Rules& rules_;
  bool compare_undated_ = false;
  int max_findings_per_subject_ = 200;
  // Article id -> the id its copies are counted under (set_copies).
  absl::flat_hash_map<std::string, std::string> copy_roots_;
  const PlaceHierarchy* places_ = nullptr;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_COMPARE_H_
