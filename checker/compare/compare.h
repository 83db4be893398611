// The comparison stage: groups claims by (kind, subject) and assigns
// verdicts to the pairs that disagree, as the kind's rule says.
//
// How two values relate is relate.h's; the verdict a pair earns is
// verdict.h's (claims reported far apart in time are UPDATEs; two parties
// disagreeing inside one article are DISPUTED; independent outlets reporting
// the same value are AGREEMENT), its words explanation.h's; which claims are
// of different events event_separator.h's; which pairs are compared at all
// buckets.h's and claim_days.h's. This header also gives (by including them)
// FindingId and SortFindings (findings.h) and AnchorRelativeDeadlines
// (deadlines.h).
//
// Example:
//   Comparer comparer(*rules);
//   CompareStats stats;
//   std::vector<Finding> findings = comparer.Compare(claims, {}, &stats);
#ifndef CROSSCHECK_CHECKER_COMPARE_COMPARE_H_
#define CROSSCHECK_CHECKER_COMPARE_COMPARE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/deadlines.h"
#include "checker/compare/event_separator.h"
#include "checker/compare/findings.h"
#include "checker/compare/relate.h"
#include "checker/events/places.h"
#include "checker/rules/rule_set.h"
#include "proto/claim.pb.h"
#include "proto/finding.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// What a comparison counted besides its findings.
struct CompareStats {
  // Value comparisons made (of buckets of claims, see Comparer::Compare).
  int64_t comparisons = 0;
  // Findings left out past the cap (set_max_findings_per_subject).
  int64_t omitted = 0;
  // (Kind, subject) groups not examined to the end (ditto).
  int truncated_subjects = 0;
  // Pairs of claims kept apart as different events.
  KeptApart kept_apart;
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
  // bucket, so the value comparisons (counted in `stats`) grow with the
  // distinct values of a subject, not with the pairs of its claims.
  // Claims of different events are never compared: articles grouped into
  // different events (set_events); for kinds whose
  // comparison has `separate_places`, claims whose places exclude each other
  // (checker/events/places.h: neither is the other or inside it); and, when
  // undated claims are compared, an undated article's claims and a dated
  // article's unless the two articles name a participant in common
  // (checker/events/participants.h). The pairs kept apart are counted in
  // `stats`. `stats`, when not null, is set once, at the end.
  std::vector<Finding> Compare(const std::vector<Claim>& claims,
                               const std::vector<Copy>& copies = {},
                               CompareStats* stats = nullptr) const;
  // The same over claims held as a ClaimGroup (less memory than the claims
  // themselves): the findings' claims come back whole (GroupClaim::Whole).
  std::vector<Finding> Compare(const ClaimGroup& claims, const std::vector<Copy>& copies = {},
                               CompareStats* stats = nullptr) const;

  // Whether claims of undated articles are compared. Off by default: with no
  // date, nothing tells one event from another of the same kind (two
  // earthquakes on one island, years apart), and most such comparisons
  // mislead. Turn it on for a corpus known to be about one event. Even then
  // an undated article is compared with a dated one only when the two name
  // someone in common.
  void set_compare_undated(bool compare) { compare_undated_ = compare; }

  // At most this many findings of one verdict for one (kind, subject); the
  // rest are counted in CompareStats::omitted. A corpus of
  // thousands of articles on one subject has millions of pairs of claims a
  // week apart; nobody reads them, and they would not fit in memory. Once
  // 20 times the cap are left out, or 5,000 times the cap of pairs have been
  // looked at, the rest of the subject is not examined (counted in
  // CompareStats::truncated_subjects).
  void set_max_findings_per_subject(int max) { max_findings_per_subject_ = max; }

  // For comparing a corpus one (kind, subject) group at a time: the copy
  // relations of the whole corpus (used when Compare gets no copies) and the
  // place hierarchy all its articles teach (used instead of the one the
  // claims of one call would teach). `places` must outlive the Comparer.
  void set_copies(const std::vector<Copy>& copies);
  void set_places(const PlaceHierarchy* places) { places_ = places; }
  // The events the corpus's articles were grouped into (article id -> event
  // index; checker/events/event_grouping.h): claims of articles of
  // different events are never compared, nor counted as agreeing. Articles
  // missing from the map are of no known event and are compared with every
  // article. `event_of` must outlive the Comparer.
  void set_events(const absl::flat_hash_map<std::string, int>* event_of) { event_of_ = event_of; }

 private:
  // How the claims of one (kind, subject) are compared: the kind's
  // comparison, with the tolerances of the claims' dimension for a measure
  // kind (`open_dimensions`).
  Comparison ComparisonFor(const ClaimKind& kind,
                           const std::vector<const GroupClaim*>& claims) const;

  const Rules& rules_;
  bool compare_undated_ = false;
  int max_findings_per_subject_ = 200;
  // Article id -> the id its copies are counted under (set_copies).
  absl::flat_hash_map<std::string, std::string> copy_roots_;
  const PlaceHierarchy* places_ = nullptr;
  const absl::flat_hash_map<std::string, int>* event_of_ = nullptr;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_COMPARE_H_
