#include "checker/compare/verdict.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace crosscheck {
namespace {

// The verdict of a conflict: the kind's, else CONTRADICTION for a hard one
// and DISCREPANCY for any other.
Verdict ConflictVerdict(const Comparison& comparison, Relation relation) {
  if (relation == Relation::kHardConflict) {
    return comparison.conflict_verdict() ? comparison.conflict_verdict() : CONTRADICTION;
  }
  return comparison.soft_conflict_verdict() ? comparison.soft_conflict_verdict() : DISCREPANCY;
}

// Whether `a` and `b` are running counts ("N killed", as of the report; not
// counts for named spans such as "Wednesday" or "this week") of articles
// published on different days, the later one no lower.
bool CountGrew(const GroupClaim& a, const GroupClaim& b) {
  if (!a.has_quantity() || !b.has_quantity()) return false;
  if (!a.scope().start().empty() || !b.scope().start().empty()) return false;
  if (a.published().empty() || b.published().empty() || a.published() == b.published()) {
    return false;
  }
  const GroupClaim& earlier = a.published() < b.published() ? a : b;
  const GroupClaim& later = a.published() < b.published() ? b : a;
  return earlier.quantity().lower() <= later.quantity().lower();
}

}  // namespace

absl::optional<PairVerdict> DecidePairVerdict(const GroupClaim& a, const GroupClaim& b,
                                              const Comparison& comparison, Relation relation,
                                              absl::optional<int64_t> days_apart) {
  if (a.article_id() == b.article_id()) {
    if (comparison.across_articles_only()) return absl::nullopt;
    if (a.attribution().source() != b.attribution().source()) {
      // A developing count in the article's own words beside a sourced one
      // is the story told as it moved ("the ministry says 171; the previous
      // toll was 160"): two accounts need two sources.
      if (comparison.cumulative() &&
          (a.attribution().source().empty() || b.attribution().source().empty())) {
        return absl::nullopt;
      }
      return PairVerdict{DISPUTED, PairReason::kTwoAccounts};
    }
    if ((a.section() == SECTION_HEADLINE) != (b.section() == SECTION_HEADLINE)) {
      // A developing count's headline gives the latest figure; a lower one
      // in the body is the figure before ("the toll rose from 160 to 171").
      const GroupClaim& headline = a.section() == SECTION_HEADLINE ? a : b;
      const GroupClaim& body = a.section() == SECTION_HEADLINE ? b : a;
      if (comparison.cumulative() && headline.has_quantity() && body.has_quantity() &&
          headline.quantity().lower() >= body.quantity().lower()) {
        return absl::nullopt;
      }
      return PairVerdict{ConflictVerdict(comparison, Relation::kSoftConflict),
                         PairReason::kHeadline};
    }
    return absl::nullopt;  // one article, one voice: a running story, not a conflict
  }
  // A toll that grows from one day's report to a later day's.
  if (comparison.cumulative() && CountGrew(a, b)) return PairVerdict{UPDATE, PairReason::kGrew};
  if (comparison.update_after_days() > 0 && days_apart &&
      *days_apart >= comparison.update_after_days()) {
    return PairVerdict{UPDATE, PairReason::kApart};
  }
  // A contradiction needs both claims pinned to the same time: an undated
  // article may be about another day, or another event.
  if (relation == Relation::kHardConflict && (a.published().empty() || b.published().empty())) {
    return PairVerdict{ConflictVerdict(comparison, Relation::kSoftConflict),
                       PairReason::kUndatedConflict};
  }
  return PairVerdict{ConflictVerdict(comparison, relation), PairReason::kConflict};
}

TimelineVerdict DecideOnTimeline(const DatedClaim& x, const DatedClaim& y,
                                 const Comparison& comparison, const CountTimeline& timeline) {
  TimelineVerdict result;
  if (!comparison.cumulative() || x.claim->article_id() == y.claim->article_id()) return result;
  // An undated report of a developing count could be from any day of it:
  // against dated reports it says nothing (undated reports are compared
  // with each other).
  if ((x.day == kUndatedDay) != (y.day == kUndatedDay)) {
    result.applies = true;
    return result;
  }
  if (x.day == kUndatedDay && y.day == kUndatedDay) {
    result.applies = true;
    result.verdict = PairVerdict{DISCREPANCY, PairReason::kUndatedReports};
    return result;
  }
  if (!timeline.On(x) || !timeline.On(y)) return result;
  result.applies = true;
  if (x.day == y.day) {
    result.verdict = PairVerdict{DISCREPANCY, PairReason::kSameDay};
    return result;
  }
  if (timeline.ReportedBetween(x.day, y.day)) return result;  // the days between carry it
  const DatedClaim& earlier = x.day < y.day ? x : y;
  const DatedClaim& later = x.day < y.day ? y : x;
  const double before = Level(earlier.claim->quantity());
  const double after = Level(later.claim->quantity());
  if (after >= before) {
    result.verdict = PairVerdict{UPDATE, PairReason::kGrew};
    return result;
  }
  const double tolerance = std::max(0.02, comparison.round_number_tolerance());
  const bool kept = !timeline.ReachedAfter(later.day, before);
  const bool confirmed =
      timeline.ConfirmedFrom(later.day, after, tolerance, later.claim->article_id());
  result.verdict = kept && confirmed ? PairVerdict{UPDATE, PairReason::kRevised}
                                     : PairVerdict{DISCREPANCY, PairReason::kLagging};
  return result;
}

absl::optional<Agreement> DecideAgreement(
    const std::vector<const GroupClaim*>& claims,
    absl::FunctionRef<std::string(const std::string& article_id)> voice) {
  Agreement agreement;
  std::set<std::string> voices;  // independent: copies join their source
  std::set<std::string> articles;
  for (const GroupClaim* c : claims) {
    if (!articles.insert(c->article_id()).second) continue;
    std::string outlet = c->outlet().empty() ? c->article_id() : c->outlet();
    agreement.outlets.insert(outlet);
    voices.insert(absl::StrCat(outlet, "\x1f", voice(c->article_id())));
    agreement.evidence.push_back(c);
  }
  // Two independent outlets: different outlets that do not copy each other.
  std::set<std::string> independent_outlets, independent_voices;
  for (const std::string& v : voices) {
    std::string outlet = v.substr(0, v.find('\x1f'));
    std::string root = v.substr(v.find('\x1f') + 1);
    if (independent_voices.insert(root).second) independent_outlets.insert(outlet);
  }
  if (agreement.outlets.size() < 2 || independent_outlets.size() < 2) return absl::nullopt;
  return agreement;
}

}  // namespace crosscheck
