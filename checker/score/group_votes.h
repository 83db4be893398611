// The evidence one (kind, subject) group gives about its outlets, reduced
// from its claims and findings as they are compared: how many claims each
// voice makes and attributes, the agreements it takes part in, and who
// supports which side of each conflict. Nothing of the claims is kept.
//
// A voice is an outlet, or the id of an article that names none. A voice
// that states a side supports it fully (1); one whose claims near the
// finding (within the kind's update window) are compatible with a side, and
// conflict with none of its values, half (0.5). Negated claims do not vote,
// nor does a copier repeating its source's words for the same value.
//
// Example:
//   CopySources sources = SourcesOfCopies(report.copies());
//   GroupVotes votes = CountGroupVotes(rules, sources, group, findings);
//   for (const NamedConflict& c : votes.conflicts) { ... c.sides ... }
#ifndef CROSSCHECK_CHECKER_SCORE_GROUP_VOTES_H_
#define CROSSCHECK_CHECKER_SCORE_GROUP_VOTES_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/rules/rule_set.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// The voice of a Claim or GroupClaim: its outlet, or its article id when it
// has none.
template <typename C>
std::string VoiceOf(const C& c) {
  return c.outlet().empty() ? c.article_id() : c.outlet();
}

// How many claims a voice makes, and how many it attributes.
struct VoiceCounts {
  int claims = 0;
  int named = 0;
  int anonymous = 0;
};

// One side of a conflict: a value (its ValueKey) and who stands behind it
// (voice name -> 1 states it, 0.5 compatible), in voice-name order.
struct NamedSide {
  std::string key;
  std::vector<std::pair<std::string, double>> support;
};

// A CONTRADICTION, DISCREPANCY or DISPUTED finding as a vote: its sides in
// the order of the finding's first claim of each value.
struct NamedConflict {
  std::string finding_id;
  std::vector<NamedSide> sides;
};

// What one group says about its voices.
struct GroupVotes {
  std::map<std::string, VoiceCounts> counts;  // every claim, by voice
  std::map<std::string, int> agreements;      // AGREEMENT findings, by voice
  std::vector<NamedConflict> conflicts;       // in the findings' order
};

// Copier article id -> the article ids it copies, each once, sorted.
using CopySources = std::map<std::string, std::vector<std::string>>;

// The copy relations of a corpus as CopySources.
CopySources SourcesOfCopies(const std::vector<Copy>& copies);

// Reduces one group: its claims and the findings the comparison made from
// them. Findings of kinds `rules` does not have, and conflicts with fewer
// than two values, cast no vote.
GroupVotes CountGroupVotes(const Rules& rules, const CopySources& sources_of,
                           const ClaimGroup& group, const std::vector<Finding>& findings);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_SCORE_GROUP_VOTES_H_
