#include "checker/compare/compare.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "checker/base/value_key.h"
#include "checker/compare/buckets.h"
#include "checker/compare/claim_days.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/count_timeline.h"
#include "checker/compare/event_separator.h"
#include "checker/compare/explanation.h"
#include "checker/compare/findings.h"
#include "checker/compare/relate.h"
#include "checker/compare/verdict.h"

namespace crosscheck {
namespace {

// Article id -> the id it and the articles it copies or is copied by are
// counted under (union-find over the copy relations; the smallest id).
absl::flat_hash_map<std::string, std::string> CopyRoots(const std::vector<Copy>& copies) {
  absl::flat_hash_map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> find = [&](const std::string& id) {
    auto it = parent.find(id);
    if (it == parent.end() || it->second == id) return id;
    std::string root = find(it->second);
    parent[id] = root;
    return root;
  };
  for (const Copy& c : copies) {
    std::string a = find(c.copier()), b = find(c.source());
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  absl::flat_hash_map<std::string, std::string> roots;
  for (const auto& [id, unused] : parent) roots[id] = find(id);
  return roots;
}

// The claims to compare by (kind, subject, event); std::map keeps the
// output order stable. Negated claims ("has not been asked") have no value;
// claims of undated articles are left out unless `compare_undated`. Claims of
// articles of no known event are event -1.
std::map<std::tuple<std::string, std::string, int>, std::vector<const GroupClaim*>> GroupBySubject(
    const std::vector<GroupClaim>& claims, bool compare_undated,
    const absl::flat_hash_map<std::string, int>* event_of) {
  std::map<std::tuple<std::string, std::string, int>, std::vector<const GroupClaim*>> groups;
  for (const GroupClaim& c : claims) {
    if (c.attribution().negated()) continue;
    if (!compare_undated && c.published().empty()) continue;
    int event = -1;
    if (event_of != nullptr) {
      auto it = event_of->find(c.article_id());
      if (it != event_of->end()) event = it->second;
    }
    groups[{c.kind(), c.subject(), event}].push_back(&c);
  }
  return groups;
}

// One claim per (article, value), in ClaimLess order: an article repeating a
// value in one voice, or naming Maduro and then his government, says one
// thing, not two (the first; for a developing count, the first in its body
// stands for it, else its headline's); the same value from another source it
// cites is kept, as that source's account.
std::vector<const GroupClaim*> UniqueClaims(std::vector<const GroupClaim*> members,
                                            const Comparison& comparison) {
  std::sort(members.begin(), members.end(),
            [](const GroupClaim* a, const GroupClaim* b) { return ClaimLess(*a, *b); });
  std::vector<const GroupClaim*> unique;
  for (const GroupClaim* c : members) {
    bool repeat = false;
    for (auto it = unique.rbegin(); it != unique.rend() && !repeat; ++it) {
      if ((*it)->article_id() != c->article_id()) break;
      repeat = Relate(**it, *c, comparison, nullptr) == Relation::kEqual &&
               (*it)->attribution().source() == c->attribution().source();
      // For a developing count, the body's sentence says more than the
      // headline's (who gave the count, when): it stands for the article.
      // (Other kinds keep their first claim, and their findings' ids.)
      if (repeat && comparison.cumulative() && (*it)->section() == SECTION_HEADLINE &&
          c->section() != SECTION_HEADLINE) {
        *it = c;
      }
    }
    if (!repeat) unique.push_back(c);
  }
  return unique;
}

// The findings one (kind, subject) may make: at most `max` of each verdict,
// the rest counted as omitted; and how far it is examined: not past 20 times
// the cap omitted, or 5,000 times the cap of pairs looked at (whatever came
// of them), so that a subject of a vast corpus stops too.
class FindingBudget {
 public:
  explicit FindingBudget(int max)
      : max_(max),
        max_omitted_(20 * static_cast<int64_t>(max)),
        max_examined_(5000 * static_cast<int64_t>(max)) {}

  // Whether a finding of verdict `v` may be made (it is then counted); when
  // not, it is counted as omitted.
  bool Room(Verdict v) {
    if (made_[v] < max_) {
      ++made_[v];
      return true;
    }
    ++omitted_;
    return false;
  }
  // Counts a pair looked at.
  void Examined() { ++examined_; }
  // Whether the subject is no longer examined.
  bool Exhausted() const { return omitted_ >= max_omitted_ || examined_ >= max_examined_; }
  int64_t omitted() const { return omitted_; }

 private:
  const int max_;
  const int64_t max_omitted_;
  const int64_t max_examined_;
  std::map<Verdict, int> made_;
  int64_t omitted_ = 0;
  int64_t examined_ = 0;
};

// The claims a finding of a timeline's step shows at most (a corpus of
// thousands of reports a day would make findings nobody reads).
constexpr size_t kMaxTimelineStepClaims = 24;

// The claims of pairs (each collected once per pair) as a finding shows
// them: each once, in output order, at most kMaxTimelineStepClaims.
std::vector<const GroupClaim*> ShownClaims(std::vector<const GroupClaim*> claims) {
  std::sort(claims.begin(), claims.end(),
            [](const GroupClaim* p, const GroupClaim* q) { return ClaimLess(*p, *q); });
  claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
  if (claims.size() > kMaxTimelineStepClaims) claims.resize(kMaxTimelineStepClaims);
  return claims;
}

// Compares the claims of one (kind, subject) into `findings`.
class SubjectComparison {
 public:
  // `comparison` is the kind's, or for a measure kind its dimension's.
  SubjectComparison(const ClaimKind& kind, const Comparison& comparison, const std::string& subject,
                    const EventSeparator& separator, KeptApartLog* apart, int max_findings,
                    std::vector<Finding>* findings)
      : kind_(kind),
        comparison_(comparison),
        subject_(subject),
        separator_(separator),
        apart_(apart),
        budget_(max_findings),
        findings_(findings) {}

  // Conflicts and updates between claims of different values (`claims` in
  // output order); the value comparisons are counted in `comparisons`.
  // A cumulative count's pairs are decided on its timeline.
  void FindConflicts(const std::vector<const GroupClaim*>& claims, int64_t* comparisons);
  // Agreements: the same value from independent outlets, in one event and
  // one window of time.
  void FindAgreements(const std::vector<const GroupClaim*>& claims,
                      absl::FunctionRef<std::string(const std::string&)> voice);

  // The findings of the developing count's timeline (collected by
  // ComparePair), one per day or step of days.
  void EmitTimeline();
  // For a kind with one_finding_per_subject: the one finding of the
  // subject's conflicts (collected by ComparePair).
  void EmitSpread();

  // Whether the subject was left before it was examined to the end.
  bool exhausted() const { return budget_.Exhausted(); }
  int64_t omitted() const { return budget_.omitted(); }

 private:
  // Days around an unscoped claim's publication that it is about.
  int Window() const {
    return comparison_.update_after_days() > 0 ? comparison_.update_after_days() : 7;
  }
  // Counts the pairs of `pairs` that are about one time as kept apart
  // because of `why` (buckets whose places exclude each other).
  void CountKeptApart(const std::vector<ClaimBuckets::Pair>& pairs, const std::string& why);
  // The finding of the pair (x, y), if it makes one.
  void ComparePair(const DatedClaim& x, const DatedClaim& y);

  const ClaimKind& kind_;
  const Comparison& comparison_;
  const std::string& subject_;
  const EventSeparator& separator_;
  KeptApartLog* apart_;
  FindingBudget budget_;
  std::vector<Finding>* findings_;
  std::unique_ptr<CountTimeline> timeline_;  // for a cumulative kind
  // The pairs decided on the timeline, by (earlier day, later day, reason):
  // one finding each.
  struct Step {
    Verdict verdict;
    std::vector<const GroupClaim*> claims;
  };
  std::map<std::tuple<int64_t, int64_t, int>, Step> steps_;
  // The conflicts of a one_finding_per_subject kind, by verdict: the first
  // pair (for the explanation) and every claim in a conflict of that
  // verdict. (Two exact clocks that differ are a CONTRADICTION; a rounded
  // one is in the DISCREPANCY finding only, never called contradicted.)
  struct Spread {
    const GroupClaim* first_a = nullptr;
    const GroupClaim* first_b = nullptr;
    PairReason reason = PairReason::kConflict;
    std::vector<const GroupClaim*> claims;
  };
  std::map<Verdict, Spread> spreads_;
};

void SubjectComparison::FindConflicts(const std::vector<const GroupClaim*>& claims,
                                      int64_t* comparisons) {
  // Claims with the same value, scope and hedging relate to every other
  // claim alike: compare buckets of them once, then walk the article pairs
  // of the buckets that conflict.
  const ClaimBuckets buckets(claims, comparison_);
  if (comparison_.cumulative()) {
    std::vector<DatedClaim> dated;
    dated.reserve(claims.size());
    for (size_t i = 0; i < claims.size(); ++i) {
      dated.push_back(DateClaim(*claims[i], static_cast<int>(i)));
    }
    timeline_ = std::make_unique<CountTimeline>(dated, Window());
  }
  std::vector<size_t> neighbours;
  std::vector<ClaimBuckets::Pair> pairs;
  for (size_t bi = 0; bi < buckets.size() && !budget_.Exhausted(); ++bi) {
    buckets.LaterNeighbours(bi, &neighbours);
    for (size_t bj : neighbours) {
      if (budget_.Exhausted()) break;
      const GroupClaim& first = buckets.Representative(bi);
      const GroupClaim& second = buckets.Representative(bj);
      const Relation relation = Relate(first, second, comparison_, nullptr);
      ++*comparisons;
      if (relation == Relation::kEqual || relation == Relation::kCompatible) continue;
      buckets.Pairs(bi, bj, &pairs);
      // Buckets of places that exclude each other: other events. Their
      // pairs are counted (those of one time), not compared.
      if (std::string why = separator_.PlacesApart(comparison_, first, second); !why.empty()) {
        CountKeptApart(pairs, why);
        continue;
      }
      for (const auto& [x, y] : pairs) {
        if (budget_.Exhausted()) break;
        budget_.Examined();
        ComparePair(*x, *y);
      }
    }
  }
}

void SubjectComparison::CountKeptApart(const std::vector<ClaimBuckets::Pair>& pairs,
                                       const std::string& why) {
  const int window = Window();
  for (const auto& [x, y] : pairs) {
    if (TimesApart(*x, *y, window)) continue;
    const bool in_order = x->order < y->order;
    apart_->Record(in_order ? *x->claim : *y->claim, in_order ? *y->claim : *x->claim, why);
  }
}

void SubjectComparison::ComparePair(const DatedClaim& x, const DatedClaim& y) {
  // The claims in output order (that of `claims`, ClaimLess).
  const bool in_order = x.order < y.order;
  const GroupClaim& a = in_order ? *x.claim : *y.claim;
  const GroupClaim& b = in_order ? *y.claim : *x.claim;
  // Different times: not rivals. (Two reports on a developing count's
  // timeline are about its days by design: "rose to 290 Monday" against
  // "killed 138 on Sunday".)
  const bool both_on_timeline = timeline_ != nullptr && timeline_->On(x) && timeline_->On(y);
  if (!both_on_timeline && TimesApart(x, y, Window())) return;
  if (std::string why = comparison_.undated_needs_participant()
                            ? EventSeparator::UndatedParticipantsApart(a, b)
                            : separator_.UngroupedParticipantsApart(a, b);
      !why.empty()) {
    apart_->Record(a, b, why);  // different events
    return;
  }
  // A developing count's pairs are decided on its timeline, and make one
  // finding per day or step of days (EmitTimeline).
  if (timeline_ != nullptr && a.article_id() != b.article_id()) {
    const TimelineVerdict on_timeline = DecideOnTimeline(x, y, comparison_, *timeline_);
    if (on_timeline.applies) {
      if (!on_timeline.verdict) return;
      Step& step = steps_[{std::min(x.day, y.day), std::max(x.day, y.day),
                           static_cast<int>(on_timeline.verdict->reason)}];
      step.verdict = on_timeline.verdict->verdict;
      step.claims.push_back(&a);
      step.claims.push_back(&b);
      return;
    }
  }
  // The verdict first; the words only for findings that are listed.
  const absl::optional<PairVerdict> verdict = DecidePairVerdict(
      a, b, comparison_, Relate(a, b, comparison_, nullptr), PublishedDaysApart(x, y));
  if (!verdict) return;
  // (A measure's values days apart are one finding too: the numbers of
  // seasons and bullets in a week of coverage are one question, not ten.)
  if (comparison_.one_finding_per_subject() &&
      (verdict->verdict == CONTRADICTION || verdict->verdict == DISCREPANCY ||
       (verdict->verdict == UPDATE && comparison_.across_articles_only()))) {
    Spread& spread = spreads_[verdict->verdict];
    if (spread.first_a == nullptr) {
      spread.first_a = &a;
      spread.first_b = &b;
      spread.reason = verdict->reason;
    }
    spread.claims.push_back(&a);
    spread.claims.push_back(&b);
    return;
  }
  if (!budget_.Room(verdict->verdict)) return;
  findings_->push_back(MakeFinding(kind_, subject_, verdict->verdict, {a.Whole(), b.Whole()},
                                   ExplainPair(kind_, verdict->reason, a, b)));
}

void SubjectComparison::EmitSpread() {
  for (auto& [verdict, spread] : spreads_) {
    const std::vector<const GroupClaim*> claims = ShownClaims(std::move(spread.claims));
    if (!budget_.Room(verdict)) continue;
    std::vector<Claim> whole;
    whole.reserve(claims.size());
    for (const GroupClaim* c : claims) whole.push_back(c->Whole());
    std::string pair = ExplainPair(kind_, spread.reason, *spread.first_a, *spread.first_b);
    // A single pair reads as a pair.
    std::string why =
        claims.size() == 2 ? std::move(pair) : ExplainSpread(claims, pair, &comparison_);
    findings_->push_back(MakeFinding(kind_, subject_, verdict, std::move(whole), std::move(why)));
  }
  spreads_.clear();
}

void SubjectComparison::EmitTimeline() {
  if (timeline_ == nullptr) return;
  const std::string timeline = timeline_->Describe();
  for (auto& [key, step] : steps_) {
    const PairReason reason = static_cast<PairReason>(std::get<2>(key));
    // (An article's headline and body both shown when both give the count.)
    const std::vector<const GroupClaim*> unique = ShownClaims(std::move(step.claims));
    if (!budget_.Room(step.verdict)) continue;
    std::vector<Claim> whole;
    whole.reserve(unique.size());
    for (const GroupClaim* c : unique) whole.push_back(c->Whole());
    findings_->push_back(MakeFinding(kind_, subject_, step.verdict, std::move(whole),
                                     ExplainTimelineStep(kind_, reason, unique, timeline)));
    if (NotableReason(reason)) findings_->back().set_notable(true);
  }
  steps_.clear();
}

void SubjectComparison::FindAgreements(const std::vector<const GroupClaim*>& claims,
                                       absl::FunctionRef<std::string(const std::string&)> voice) {
  std::map<std::string, std::vector<const GroupClaim*>> by_value;
  for (const GroupClaim* c : claims) by_value[ValueKey(c->shape())].push_back(c);
  for (const auto& [value, same_value] : by_value) {
    // Only claims of one event corroborate each other: the same toll in
    // another place is another event's.
    for (std::vector<const GroupClaim*>& event :
         separator_.SplitIntoEvents(same_value, comparison_, apart_)) {
      for (const std::vector<const GroupClaim*>& window :
           PublicationWindows(std::move(event), comparison_.update_after_days())) {
        const absl::optional<Agreement> agreement = DecideAgreement(window, voice);
        if (!agreement || !budget_.Room(AGREEMENT)) continue;
        // A value a whole wire service's clients repeat: the first claims
        // stand for the rest.
        std::vector<Claim> shown;
        for (size_t i = 0; i < agreement->evidence.size() && i < kMaxAgreementClaims; ++i) {
          shown.push_back(agreement->evidence[i]->Whole());
        }
        findings_->push_back(MakeFinding(kind_, subject_, AGREEMENT, std::move(shown),
                                         ExplainAgreement(kind_, *agreement)));
      }
    }
  }
}

// For a kind whose subjects are matched by words (`across_articles_only`):
// an article that gives two values for one subject that cannot both be the
// same quantity ("seven bullets" hit him, his gun held "four bullets";
// "three churches" in all, "two churches" in one town) uses the words for
// more than one quantity. Its claims of the subject are left out, and when
// a quarter or more of the subject's articles do so, the words name no one
// quantity and the whole subject is.
void DropAmbiguous(const Comparison& comparison, std::vector<const GroupClaim*>* members) {
  if (!comparison.across_articles_only()) return;
  std::map<std::string, std::vector<const GroupClaim*>> by_article;
  for (const GroupClaim* c : *members) by_article[c->article_id()].push_back(c);
  absl::flat_hash_set<std::string> ambiguous;
  for (const auto& [article, claims] : by_article) {
    const size_t n = std::min<size_t>(claims.size(), 20);
    bool found = false;
    for (size_t i = 0; i < n && !found; ++i) {
      for (size_t j = i + 1; j < n && !found; ++j) {
        const Relation r = Relate(*claims[i], *claims[j], comparison, nullptr);
        found = r == Relation::kSoftConflict || r == Relation::kHardConflict;
      }
    }
    if (found) ambiguous.insert(article);
  }
  if (ambiguous.empty()) return;
  if (ambiguous.size() * 4 >= by_article.size()) {
    members->clear();
    return;
  }
  members->erase(
      std::remove_if(members->begin(), members->end(),
                     [&](const GroupClaim* c) { return ambiguous.contains(c->article_id()); }),
      members->end());
}

}  // namespace

Comparer::Comparer(const Rules& rules) : rules_(rules) {}

Comparison Comparer::ComparisonFor(const ClaimKind& kind,
                                   const std::vector<const GroupClaim*>& claims) const {
  Comparison comparison = kind.comparison();
  if (kind.open_dimensions_size() == 0 || claims.empty() || !claims.front()->has_quantity()) {
    return comparison;
  }
  const std::string& dimension = claims.front()->quantity().dimension();
  for (const Dimension& d : rules_.proto().quantities().dimensions()) {
    if (d.name() == dimension) {
      comparison.set_relative_tolerance(d.relative_tolerance());
      comparison.set_absolute_tolerance(d.absolute_tolerance());
      break;
    }
  }
  return comparison;
}

void Comparer::set_copies(const std::vector<Copy>& copies) { copy_roots_ = CopyRoots(copies); }

std::vector<Finding> Comparer::Compare(const std::vector<Claim>& claims,
                                       const std::vector<Copy>& copies, CompareStats* stats) const {
  return Compare(ClaimGroup::Of(claims), copies, stats);
}

std::vector<Finding> Comparer::Compare(const ClaimGroup& group, const std::vector<Copy>& copies,
                                       CompareStats* stats) const {
  const std::vector<GroupClaim>& claims = group.claims();
  // Where the claims' events happened, and which places lie in which, as all
  // the articles together say.
  PlaceHierarchy local_places;
  if (places_ == nullptr) {
    for (const GroupClaim& c : claims) local_places.Add(c.place());
  }
  const EventSeparator separator(places_ != nullptr ? *places_ : local_places,
                                 /*events_grouped=*/event_of_ != nullptr);
  KeptApartLog kept_apart;
  // Voices: articles joined by copying count once.
  const absl::flat_hash_map<std::string, std::string> local_roots = CopyRoots(copies);
  const absl::flat_hash_map<std::string, std::string>& roots =
      copies.empty() ? copy_roots_ : local_roots;
  auto voice = [&](const std::string& id) -> std::string {
    auto it = roots.find(id);
    return it == roots.end() ? id : it->second;
  };
  CompareStats counted;
  std::vector<Finding> findings;
  for (auto& [key, members] : GroupBySubject(claims, compare_undated_, event_of_)) {
    const auto& [kind_name, subject_name, event] = key;
    const CompiledKind* kind = rules_.FindKind(kind_name);
    if (kind == nullptr) continue;
    const Comparison comparison = ComparisonFor(*kind->kind, members);
    // A developing count's earlier figures ("authorities earlier said 359")
    // are its past, not reports of it.
    if (comparison.cumulative()) {
      members.erase(std::remove_if(members.begin(), members.end(),
                                   [](const GroupClaim* c) { return c->earlier_figure(); }),
                    members.end());
    }
    DropAmbiguous(comparison, &members);
    if (members.empty()) continue;
    const std::vector<const GroupClaim*> unique = UniqueClaims(std::move(members), comparison);
    const size_t first_finding = findings.size();
    SubjectComparison subject(*kind->kind, comparison, subject_name, separator, &kept_apart,
                              max_findings_per_subject_, &findings);
    subject.FindConflicts(unique, &counted.comparisons);
    subject.EmitTimeline();
    subject.EmitSpread();
    if (subject.exhausted()) ++counted.truncated_subjects;
    if (comparison.report_agreement()) subject.FindAgreements(unique, voice);
    counted.omitted += subject.omitted();
    if (kind->kind->open_dimensions_size() > 0) {
      for (size_t i = first_finding; i < findings.size(); ++i)
        findings[i].set_matched_by_words(true);
    }
  }
  counted.kept_apart = kept_apart.Take();
  if (stats != nullptr) *stats = std::move(counted);
  SortFindings(&findings);
  return findings;
}

}  // namespace crosscheck
