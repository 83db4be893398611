// The arithmetic of outlet reliability, apart from its wording (reasons.h)
// and from how a corpus is gathered (reliability.h): the conflicts as votes,
// the trust iteration, each conflict's likeliest side, the priors and the
// uncertainty of a score.
//
// Voices (outlets, or article ids of articles without one) are numbered;
// every per-voice vector here is indexed by that number.
//
// Trust weighs the sides of each conflict (a side's probability is its
// trust-weighted support over all sides', or a reviewer's label); each
// voice's trust is then its prior, counted as kPriorStrength claims, moved
// by its evidence: the mean probability of each value it states (one
// evidence slot per voice, kind, subject and value, however many conflicts
// it appears in) and each agreement it takes part in (counting as right).
//
// Example:
//   std::vector<PlacedVote> placed = PlaceVotes(votes, groups, *report);
//   ScoredConflicts scored = BuildConflicts(placed, voices, report);
//   VoicePriors prior = PriorsOf(priors, voice_index, n_voices);
//   TrustEstimate trust = IterateTrust(prior.score, agreements, scored.slot_voice,
//                                      &scored.conflicts);
//   const ConflictSide& best = BestSide(scored.conflicts[0]);
#ifndef CROSSCHECK_CHECKER_SCORE_SCORING_H_
#define CROSSCHECK_CHECKER_SCORE_SCORING_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

constexpr double kDefaultPrior = 0.7;   // news is mostly right
constexpr double kPriorStrength = 2.0;  // the prior counts as two claims
constexpr int kTrustIterations = 20;

// One side of a conflict as the corpus supports it: a value (its ValueKey)
// and who stands behind it (voice -> 1 states it, 0.5 compatible).
struct SideVote {
  std::string key;
  std::vector<std::pair<int, double>> support;
};

// A CONTRADICTION, DISCREPANCY or DISPUTED finding as a vote, until it is
// found in the report.
struct ConflictVote {
  std::string finding_id;
  int group = 0;  // index of its (kind, subject)
  std::vector<SideVote> sides;
};

// A vote and the index of its finding in the report.
struct PlacedVote {
  int finding = 0;
  const ConflictVote* vote = nullptr;
};

// A side being scored.
struct ConflictSide {
  const SideVote* vote = nullptr;
  const Claim* example = nullptr;  // the finding's first claim of the value
  double p = 0.5;                  // probability this side is right
  double label = -1;               // reviewer's truth: 1 right, 0 wrong, -1 none
  std::vector<int> slots;          // evidence slot of each support (-1: w < 1)
};

// A conflict being scored: its finding in the report and its sides.
struct ScoredConflict {
  Finding* finding = nullptr;
  std::vector<ConflictSide> sides;
};

// The conflicts to score, and the voice of each evidence slot.
struct ScoredConflicts {
  std::vector<ScoredConflict> conflicts;
  std::vector<int> slot_voice;
};

// Each voice's prior, and whether the priors file supplied it.
struct VoicePriors {
  std::vector<double> score;
  std::vector<bool> supplied;
};

// What the iteration leaves: each voice's trust and how many pieces of
// evidence (value slots and agreements) it rests on.
struct TrustEstimate {
  std::vector<double> trust;
  std::vector<double> evidence;
};

// Who supports a side, by name, sorted: those stating it and those whose
// claims are compatible with it.
struct Supporters {
  std::vector<std::string> stated_by;
  std::vector<std::string> compatible;
};

// The votes whose finding is in `report` (the first finding with the vote's
// id and its group's (kind, subject)), in the report's order.
// `groups[vote.group]` is a vote's (kind, subject).
std::vector<PlacedVote> PlaceVotes(const std::vector<ConflictVote>& votes,
                                   const std::vector<std::pair<std::string, std::string>>& groups,
                                   const Report& report);

// The placed votes as conflicts to score: a dismissed finding is no
// evidence; a side needs a claim of its value in the finding, and a
// conflict two sides; a reviewer's correct article labels the sides. A
// DISPUTED finding (one article reporting two accounts) gets a lean but
// gives no evidence slots. `voices` names the voices (slots are numbered in
// the order of (voice name, kind, subject, value)).
ScoredConflicts BuildConflicts(const std::vector<PlacedVote>& placed,
                               const std::vector<std::string>& voices, Report* report);

// The prior of each of `n_voices` voices: the priors file's score where it
// names the voice, else kDefaultPrior.
VoicePriors PriorsOf(const OutletPriors& priors,
                     const absl::flat_hash_map<std::string, int>& voice_index, int n_voices);

// Runs kTrustIterations rounds from `prior`, leaving each side's
// probability in `conflicts`. `agreements` counts each voice's agreements.
TrustEstimate IterateTrust(const std::vector<double>& prior, const std::vector<int>& agreements,
                           const std::vector<int>& slot_voice,
                           std::vector<ScoredConflict>* conflicts);

// The likeliest side of `c` (the first of equals).
const ConflictSide& BestSide(const ScoredConflict& c);

// Whether `side` of `c` counts as lost against its outlets: unlikely
// (p < 0.45), in a conflict between outlets (not DISPUTED).
bool IsLost(const ConflictSide& side, const ScoredConflict& c);

// The supporters of `side`, named by `voices`.
Supporters SupportersOf(const ConflictSide& side, const std::vector<std::string>& voices);

// The evidence that counts for a score: claims of one article are not
// independent evidence about an outlet, so at most three pieces count per
// article it published here.
double EffectiveEvidence(double evidence, int articles);

// The standard deviation of a score `trust` resting on `effective_evidence`
// pieces of evidence and the prior.
double Uncertainty(double trust, double effective_evidence);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_SCORE_SCORING_H_
