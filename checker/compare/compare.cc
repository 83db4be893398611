#include "checker/compare/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "checker/base/dates.h"
#include "checker/base/value_key.h"
#include "checker/base/verdict_order.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/findings.h"
#include "checker/events/participants.h"
#include "checker/events/places.h"

namespace crosscheck {
namespace {

// An AGREEMENT lists at most this many claims (and names this many outlets).
constexpr size_t kMaxAgreementClaims = 12;

// "McClatchy (000_d6b0371285f5ae76, 2019-01-24)".
template <typename C>  // Claim or GroupClaim
std::string Who(const C& c) {
  std::string outlet = c.outlet().empty() ? "an unknown outlet" : c.outlet();
  std::string date = c.published().empty() ? "undated" : c.published();
  return absl::StrCat(outlet, " (", c.article_id(), ", ", date, ")");
}

template <typename C>
std::string Statement(const ClaimKind& kind, const C& c) {
  std::string tpl = kind.statement().empty() ? "{subject} is {value}{scope}" : kind.statement();
  std::string scope = c.scope_text().empty() ? "" : absl::StrCat(" (", c.scope_text(), ")");
  std::string source =
      c.attribution().source().empty() ? "" : absl::StrCat(", citing ", c.attribution().source());
  return absl::StrCat(
      absl::StrReplaceAll(
          tpl, {{"{value}", c.display_value()}, {"{subject}", c.subject()}, {"{scope}", scope}}),
      source);
}

// The days a claim is about: its scope, or for an unscoped claim the
// `window` days up to its publication (news reports the present). Empty
// when neither is known.
template <typename C>  // Claim or GroupClaim
absl::optional<std::pair<std::string, std::string>> EffectiveScope(const C& c, int window) {
  if (!c.scope().start().empty()) return std::make_pair(c.scope().start(), c.scope().end());
  absl::optional<absl::CivilDay> pub = ParseIsoDate(c.published());
  if (!pub) return absl::nullopt;
  return std::make_pair(FormatIsoDate(*pub - window), FormatIsoDate(*pub));
}

// True when the claim's scope ends well before its own article was
// published: a background number of an earlier event.
template <typename C>
bool Background(const C& c, int window) {
  absl::optional<absl::CivilDay> pub = ParseIsoDate(c.published());
  absl::optional<absl::CivilDay> end = ParseIsoDate(c.scope().end());
  return pub && end && *end < *pub - window;
}

// True when the two claims are about time spans that do not meet: a count
// for February and one for this week are not rival counts.
// "In September" in an undated article: a month of an unknown year, a time
// of its own, not the article's present.
template <typename C>
bool UnknownMonth(const C& c) {
  return c.scope().start().empty() && c.scope().granularity() != GRANULARITY_UNSPECIFIED;
}

template <typename C>
bool DisjointScopes(const C& a, const C& b, int window) {
  if (UnknownMonth(a) || UnknownMonth(b)) return true;  // another time, year unknown
  if (a.scope().start().empty() && b.scope().start().empty()) return false;  // both "now"
  auto sa = EffectiveScope(a, window);
  auto sb = EffectiveScope(b, window);
  if (!sa || !sb) {
    // A background claim ("in December 2003, 31,000 were killed") is about
    // its own time; against a claim of unknown time it is no rival.
    return Background(a, window) || Background(b, window) ||
           (!a.scope().start().empty() && a.published().empty()) ||
           (!b.scope().start().empty() && b.published().empty()) || UnknownMonth(a) ||
           UnknownMonth(b);
  }
  return sa->second < sb->first || sb->second < sa->first;
}

template <typename C>
long DaysApart(const C& a, const C& b) {
  absl::optional<absl::CivilDay> da = ParseIsoDate(a.published());
  absl::optional<absl::CivilDay> db = ParseIsoDate(b.published());
  if (!da || !db) return 0;
  return std::labs(static_cast<long>(*da - *db));
}

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

}  // namespace

Comparer::Comparer(const Rules& rules) : rules_(rules) {}

void Comparer::set_copies(const std::vector<Copy>& copies) { copy_roots_ = CopyRoots(copies); }
std::vector<Finding> Comparer::Compare(const std::vector<Claim>& claims,
                                       const std::vector<Copy>& copies, int64_t* comparisons_out,
                                       int64_t* omitted_out, KeptApart* kept_apart_out,
                                       int* truncated_out) const {
  return Compare(ClaimGroup::Of(claims), copies, comparisons_out, omitted_out, kept_apart_out,
                 truncated_out);
}

std::vector<Finding> Comparer::Compare(const ClaimGroup& group, const std::vector<Copy>& copies,
                                       int64_t* comparisons_out, int64_t* omitted_out,
                                       KeptApart* kept_apart_out, int* truncated_out) const {
  const std::vector<GroupClaim>& claims = group.claims();
  int truncated = 0;
  int64_t comparisons = 0;
  int64_t omitted = 0;
  // Where the claims' events happened, and which places lie in which, as all
  // the articles together say.
  PlaceHierarchy local_places;
  if (places_ == nullptr) {
    for (const GroupClaim& c : claims) local_places.Add(c.place());
  }
  const PlaceHierarchy& places = places_ != nullptr ? *places_ : local_places;
  KeptApart kept_apart;
  std::set<std::string> shown_apart;  // one example per reason
  // Why two claims are about different events, or empty when nothing says
  // they are: places that exclude each other, or (comparing undated
  // articles) an undated article that names nobody the dated one names.
  auto places_apart = [&](const Comparison& cmp, const GroupClaim& a,
                          const GroupClaim& b) -> std::string {
    if (cmp.separate_places() && !places.Compatible(a.place(), b.place())) {
      return absl::StrCat(PlaceHierarchy::Describe(a.place()), " vs ",
                          PlaceHierarchy::Describe(b.place()));
    }
    return "";
  };
  // Participants, pair by pair (places are checked per bucket: a bucket
  // holds claims of one place).
  auto separated = [&](const GroupClaim& a, const GroupClaim& b) -> std::string {
    if (a.published().empty() != b.published().empty() &&
        !ParticipantFinder::ShareAny(a.participants(), b.participants())) {
      return "undated vs dated, no participant in common";
    }
    return "";
  };
  auto record_apart = [&](const GroupClaim& a, const GroupClaim& b, const std::string& why) {
    ++kept_apart.pairs;
    if (kept_apart.examples.size() < 5 && shown_apart.insert(why).second) {
      kept_apart.examples.push_back(
          absl::StrCat(a.subject(), ": ", a.article_id(), " vs ", b.article_id(), " (", why, ")"));
    }
  };
  auto apart = [&](const Comparison& cmp, const GroupClaim& a, const GroupClaim& b) -> std::string {
    std::string why = places_apart(cmp, a, b);
    return why.empty() ? separated(a, b) : why;
  };
  // Voices: articles joined by copying count once.
  const absl::flat_hash_map<std::string, std::string> local_roots = CopyRoots(copies);
  const absl::flat_hash_map<std::string, std::string>& roots =
      copies.empty() ? copy_roots_ : local_roots;
  auto voice = [&](const std::string& id) -> std::string {
    auto it = roots.find(id);
    return it == roots.end() ? id : it->second;
  };
  // Group by (kind, subject); std::map keeps the output order stable.
  std::map<std::pair<std::string, std::string>, std::vector<const GroupClaim*>> groups;
  for (const GroupClaim& c : claims) {
    if (c.attribution().negated()) continue;                   // "has not been asked": no value
    if (!compare_undated_ && c.published().empty()) continue;  // no time, no event
    groups[{c.kind(), c.subject()}].push_back(&c);
  }
  std::vector<Finding> findings;
  for (auto& [key, members] : groups) {
    const CompiledKind* kind = rules_.FindKind(key.first);
    if (kind == nullptr) continue;
    const ClaimKind& k = *kind->kind;
    const Comparison& cmp = k.comparison();
    // One claim per (article, value): repeats inside an article add nothing.
    // One claim per (article, value): an article repeating a value, or
    // naming Maduro and then his government, says one thing, not two.
    std::vector<const GroupClaim*> unique;
    std::sort(members.begin(), members.end(),
              [](const GroupClaim* a, const GroupClaim* b) { return ClaimLess(*a, *b); });
    for (const GroupClaim* c : members) {
      bool repeat = false;
      for (auto it = unique.rbegin(); it != unique.rend() && !repeat; ++it) {
        if ((*it)->article_id() != c->article_id()) break;
        repeat = Relate(**it, *c, cmp, nullptr) == Relation::kEqual;
      }
      if (!repeat) unique.push_back(c);
    }
    // Claims with the same value, scope and hedging relate to every other
    // claim alike: compare buckets of them once (comparisons grow with the
    // distinct values, not with the pairs of claims), then walk the article
    // pairs of the buckets that conflict.
    // Each claim with its publication day, so that only claims published
    // within `compare_within_days` of each other are paired.
    constexpr int64_t kUndated = std::numeric_limits<int64_t>::min();
    struct Entry {
      const GroupClaim* claim;
      int order;    // position in `unique` (the output order)
      int64_t day;  // days since the civil epoch; undated: kUndated
      // The claim's scope in days, when it has one that parses.
      int64_t scope_start = kUndated;
      int64_t scope_end = kUndated;
    };
    // Claims are also bucketed by block of `compare_within_days` days of
    // publication: only buckets of the same or neighbouring blocks can hold
    // claims close enough in time to compare, so a subject reported over
    // years costs comparisons per block, not across all of its values.
    const int64_t within = cmp.compare_within_days();
    auto block_of = [&](int64_t day) -> int64_t {
      if (within <= 0 || day == kUndated) return kUndated;
      return day >= 0 ? day / within : -((-day + within - 1) / within);
    };
    std::map<std::string, std::vector<Entry>> buckets;
    for (size_t i = 0; i < unique.size(); ++i) {
      const GroupClaim* c = unique[i];
      absl::optional<absl::CivilDay> civil = ParseIsoDate(c->published());
      const int64_t day = civil ? static_cast<int64_t>(*civil - absl::CivilDay()) : kUndated;
      std::string key =
          absl::StrCat(ValueKey(c->shape()), "\x1f", c->scope().start(), "..", c->scope().end(),
                       "\x1f", c->attribution().hedged() ? "hedged" : "");
      if (within > 0) absl::StrAppend(&key, "\x1f", block_of(day));
      if (cmp.separate_places()) absl::StrAppend(&key, "\x1f", c->place().key());
      Entry entry{c, static_cast<int>(i), day};
      if (!c->scope().start().empty()) {
        absl::optional<absl::CivilDay> start = ParseIsoDate(c->scope().start());
        absl::optional<absl::CivilDay> end = ParseIsoDate(c->scope().end());
        if (start && end) {
          entry.scope_start = static_cast<int64_t>(*start - absl::CivilDay());
          entry.scope_end = static_cast<int64_t>(*end - absl::CivilDay());
        }
      }
      buckets[key].push_back(entry);
    }
    std::map<Verdict, int> made;  // findings per verdict for this subject
    int64_t omitted_here = 0;
    const int64_t stop_after = 20 * static_cast<int64_t>(max_findings_per_subject_);
    // Pairs looked at, whatever came of them (kept apart, other times): a
    // subject of a vast corpus stops here too.
    int64_t examined_here = 0;
    const int64_t max_examined = 5000 * static_cast<int64_t>(max_findings_per_subject_);
    auto stop = [&] { return omitted_here >= stop_after || examined_here >= max_examined; };
    auto room = [&](Verdict v) {
      if (made[v] < max_findings_per_subject_) {
        ++made[v];
        return true;
      }
      ++omitted;
      ++omitted_here;
      return false;
    };
    std::vector<std::vector<Entry>*> bucket_list;
    for (auto& [bucket_key, members_of] : buckets) bucket_list.push_back(&members_of);
    // Each bucket's dated entries by day, for the window search; buckets by
    // block.
    std::vector<std::vector<const Entry*>> by_day(bucket_list.size());
    std::map<int64_t, std::vector<size_t>> by_block;
    for (size_t bi = 0; bi < bucket_list.size(); ++bi) {
      for (const Entry& e : *bucket_list[bi]) {
        if (e.day != kUndated) by_day[bi].push_back(&e);
      }
      std::sort(by_day[bi].begin(), by_day[bi].end(),
                [](const Entry* x, const Entry* y) { return x->day < y->day; });
      by_block[block_of(bucket_list[bi]->front().day)].push_back(bi);
    }
    std::vector<std::pair<const Entry*, const Entry*>> pairs;
    std::vector<size_t> candidates;
    // DisjointScopes on days computed once per claim (the same answer).
    auto DisjointScopeDays = [&](const Entry& x, const Entry& y, int window) {
      if (UnknownMonth(*x.claim) || UnknownMonth(*y.claim)) return true;  // year unknown
      const bool x_scoped = !x.claim->scope().start().empty();
      const bool y_scoped = !y.claim->scope().start().empty();
      if ((x_scoped && x.scope_start == kUndated) || (y_scoped && y.scope_start == kUndated)) {
        return DisjointScopes(*x.claim, *y.claim, window);  // a scope that is not a day
      }
      if (!x_scoped && !y_scoped) return false;  // both "now"
      auto effective = [&](const Entry& e, bool scoped, int64_t* start, int64_t* end) {
        if (scoped) {
          *start = e.scope_start;
          *end = e.scope_end;
          return true;
        }
        if (e.day == kUndated) return false;
        *start = e.day - window;
        *end = e.day;
        return true;
      };
      int64_t xs, xe, ys, ye;
      const bool xk = effective(x, x_scoped, &xs, &xe);
      const bool yk = effective(y, y_scoped, &ys, &ye);
      if (!xk || !yk) {
        auto background = [&](const Entry& e, bool scoped) {
          return scoped && e.day != kUndated && e.scope_end < e.day - window;
        };
        return background(x, x_scoped) || background(y, y_scoped) ||
               (x_scoped && x.day == kUndated) || (y_scoped && y.day == kUndated);
      }
      return xe < ys || ye < xs;
    };
    for (size_t bi = 0; bi < bucket_list.size() && !stop(); ++bi) {
      candidates.clear();
      const int64_t block = block_of(bucket_list[bi]->front().day);
      if (block == kUndated) {
        for (size_t bj = bi + 1; bj < bucket_list.size(); ++bj) candidates.push_back(bj);
      } else {
        for (int64_t b : {block - 1, block, block + 1, kUndated}) {
          auto it = by_block.find(b);
          if (it == by_block.end()) continue;
          for (size_t bj : it->second) {
            if (bj > bi) candidates.push_back(bj);
          }
        }
        std::sort(candidates.begin(), candidates.end());
      }
      for (size_t bj : candidates) {
        if (stop()) break;
        Relation bucket_relation =
            Relate(*bucket_list[bi]->front().claim, *bucket_list[bj]->front().claim, cmp, nullptr);
        ++comparisons;
        if (bucket_relation == Relation::kEqual || bucket_relation == Relation::kCompatible) {
          continue;
        }
        // The pairs to look at, in output order.
        pairs.clear();
        for (const Entry& ea : *bucket_list[bi]) {
          if (within <= 0 || ea.day == kUndated) {
            for (const Entry& eb : *bucket_list[bj]) {
              if (within > 0 && eb.day != kUndated && ea.day != kUndated &&
                  std::llabs(ea.day - eb.day) > within) {
                continue;
              }
              pairs.emplace_back(&ea, &eb);
            }
            continue;
          }
          const std::vector<const Entry*>& other = by_day[bj];
          auto lo = std::lower_bound(other.begin(), other.end(), ea.day - within,
                                     [](const Entry* e, int64_t d) { return e->day < d; });
          for (auto it = lo; it != other.end() && (*it)->day <= ea.day + within; ++it) {
            pairs.emplace_back(&ea, *it);
          }
          for (const Entry& eb : *bucket_list[bj]) {
            if (eb.day == kUndated) pairs.emplace_back(&ea, &eb);
          }
        }
        std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
          return x.first->order != y.first->order ? x.first->order < y.first->order
                                                  : x.second->order < y.second->order;
        });
        // Buckets of places that exclude each other: other events. Their
        // pairs are counted (those of one time), not compared.
        if (std::string why =
                places_apart(cmp, *bucket_list[bi]->front().claim, *bucket_list[bj]->front().claim);
            !why.empty()) {
          const int window = cmp.update_after_days() > 0 ? cmp.update_after_days() : 7;
          for (const auto& [ea, eb] : pairs) {
            if (DisjointScopeDays(*ea, *eb, window)) continue;
            const bool in_order = ea->order < eb->order;
            record_apart(in_order ? *ea->claim : *eb->claim, in_order ? *eb->claim : *ea->claim,
                         why);
          }
          continue;
        }
        for (const auto& [ea, eb] : pairs) {
          if (stop()) break;
          ++examined_here;
          const GroupClaim* pa = ea->claim;
          const GroupClaim* pb = eb->claim;
          {
            // `unique` is in ClaimLess order.
            const bool in_order = ea->order < eb->order;
            const GroupClaim& a = in_order ? *pa : *pb;
            const GroupClaim& b = in_order ? *pb : *pa;
            const int window = cmp.update_after_days() > 0 ? cmp.update_after_days() : 7;
            // Different times: not rivals.
            if (DisjointScopeDays(*ea, *eb, window)) continue;
            if (std::string why = separated(a, b); !why.empty()) {
              record_apart(a, b, why);  // different events
              continue;
            }
            // The verdict first; the words only for findings that are listed.
            enum class Why { kTwoAccounts, kHeadline, kGrew, kApart, kConflict } why;
            Verdict verdict;
            Relation rel = Relate(a, b, cmp, nullptr);
            bool undated_conflict = false;
            if (a.article_id() == b.article_id()) {
              bool different_sources = a.attribution().source() != b.attribution().source();
              bool headline =
                  (a.section() == SECTION_HEADLINE) != (b.section() == SECTION_HEADLINE);
              if (different_sources) {
                why = Why::kTwoAccounts;
                verdict = DISPUTED;
              } else if (headline) {
                why = Why::kHeadline;
                verdict = cmp.soft_conflict_verdict() ? cmp.soft_conflict_verdict() : DISCREPANCY;
              } else {
                continue;  // one article, one voice: a running story, not a conflict
              }
            } else if (cmp.cumulative() && a.has_quantity() && b.has_quantity() &&
                       // Only running counts ("N killed", as of the report):
                       // counts for named spans ("Wednesday", "this week")
                       // are compared as such.
                       a.scope().start().empty() && b.scope().start().empty() &&
                       !a.published().empty() && !b.published().empty() &&
                       a.published() != b.published() &&
                       (a.published() < b.published() ? a : b).quantity().lower() <=
                           (a.published() < b.published() ? b : a).quantity().lower()) {
              // A toll that grows from one day's report to a later day's.
              why = Why::kGrew;
              verdict = UPDATE;
            } else if (cmp.update_after_days() > 0 && ea->day != kUndated && eb->day != kUndated &&
                       std::llabs(ea->day - eb->day) >= cmp.update_after_days()) {
              why = Why::kApart;
              verdict = UPDATE;
            } else {
              // A contradiction needs both claims pinned to the same time: an
              // undated article may be about another day, or another event.
              why = Why::kConflict;
              if (rel == Relation::kHardConflict &&
                  (a.published().empty() || b.published().empty())) {
                rel = Relation::kSoftConflict;
                undated_conflict = true;
              }
              verdict =
                  rel == Relation::kHardConflict
                      ? (cmp.conflict_verdict() ? cmp.conflict_verdict() : CONTRADICTION)
                      : (cmp.soft_conflict_verdict() ? cmp.soft_conflict_verdict() : DISCREPANCY);
            }
            if (!room(verdict)) continue;
            // The pair's own wording of the reason (scopes in its order).
            std::string reason;
            Relate(a, b, cmp, &reason);
            std::string explanation;
            switch (why) {
              case Why::kTwoAccounts:
                explanation =
                    absl::StrCat(Who(a), " reports two accounts: ",
                                 a.attribution().source().empty() ? "in its own voice, " : "",
                                 Statement(k, a), "; but ", Statement(k, b), ": ", reason, ".");
                break;
              case Why::kHeadline:
                explanation = absl::StrCat("In ", Who(a),
                                           " the headline and the body differ: ", Statement(k, a),
                                           "; vs ", Statement(k, b), ": ", reason, ".");
                break;
              case Why::kGrew: {
                const GroupClaim& earlier = a.published() < b.published() ? a : b;
                const GroupClaim& later = a.published() < b.published() ? b : a;
                explanation = absl::StrCat(
                    Who(earlier), " says ", Statement(k, earlier), "; later, ", Who(later),
                    " says ", Statement(k, later),
                    ": the count grew as the story went on; a timeline, not a conflict.");
                break;
              }
              case Why::kApart:
                explanation = absl::StrCat(
                    Who(a), " says ", Statement(k, a), "; ", Who(b), " says ", Statement(k, b),
                    ": reported ", DaysApart(a, b),
                    " days apart, so the situation may have changed; a timeline, not a conflict.");
                break;
              case Why::kConflict:
                if (undated_conflict) {
                  reason +=
                      ", but at least one article has no publication date, so they may not be "
                      "about the same day or event";
                }
                explanation = absl::StrCat(Who(a), " says ", Statement(k, a), "; ", Who(b),
                                           " says ", Statement(k, b), ": ", reason, ".");
                break;
            }
            findings.push_back(MakeFinding(k, key.second, verdict, {a.Whole(), b.Whole()},
                                           std::move(explanation)));
          }
        }
      }
    }
    if (stop()) ++truncated;
    if (!cmp.report_agreement()) continue;
    // Agreement: the same value from at least two outlets.
    std::map<std::string, std::vector<const GroupClaim*>> by_value;
    for (const GroupClaim* c : unique) by_value[ValueKey(c->shape())].push_back(c);
    for (auto& [value, same_value] : by_value) {
      // Only claims of one event corroborate each other: the same toll in
      // another place is another event's.
      // Events, in order of first claim: a claim joins the first whose
      // places and (undated vs dated) participants it is compatible with.
      // An event keeps one claim per place, so a thousand claims from one
      // city cost one check, not a thousand.
      struct Event {
        std::vector<const GroupClaim*> members;
        std::vector<const GroupClaim*> places;  // one member per place key
        std::set<std::string> place_keys;
        bool dated = false, undated = false;
      };
      std::vector<Event> event_list;
      auto fits = [&](const Event& event, const GroupClaim& c) {
        for (const GroupClaim* p : event.places) {
          if (!places_apart(cmp, *p, c).empty()) return false;
        }
        const bool c_dated = !c.published().empty();
        if (c_dated ? event.undated : event.dated) {
          for (const GroupClaim* m : event.members) {
            if (m->published().empty() == c_dated && !separated(*m, c).empty()) return false;
          }
        }
        return true;
      };
      for (const GroupClaim* c : same_value) {
        Event* home = nullptr;
        for (Event& event : event_list) {
          if (fits(event, *c)) {
            home = &event;
            break;
          }
        }
        if (home == nullptr) {
          for (const Event& event : event_list) {
            if (kept_apart.examples.size() >= 5) {
              ++kept_apart.pairs;  // (the words only for examples)
              continue;
            }
            record_apart(*event.members.front(), *c, apart(cmp, *event.members.front(), *c));
          }
          home = &event_list.emplace_back();
        }
        home->members.push_back(c);
        if (home->place_keys.insert(c->place().key()).second) home->places.push_back(c);
        (c->published().empty() ? home->undated : home->dated) = true;
      }
      std::vector<std::vector<const GroupClaim*>> events;
      for (Event& e : event_list) events.push_back(std::move(e.members));
      for (auto& same : events) {
        // Only claims made in one window of time corroborate each other: the
        // same words weeks apart may describe a different act.
        std::stable_sort(same.begin(), same.end(), [](const GroupClaim* a, const GroupClaim* b) {
          return a->published() < b->published();
        });
        std::vector<std::vector<const GroupClaim*>> windows;
        for (const GroupClaim* c : same) {
          if (windows.empty() ||
              (cmp.update_after_days() > 0 &&
               DaysApart(*windows.back().back(), *c) >= cmp.update_after_days())) {
            windows.emplace_back();
          }
          windows.back().push_back(c);
        }
        for (const auto& window : windows) {
          std::set<std::string> outlets;
          std::set<std::string> voices;  // independent: copies join their source
          std::vector<const GroupClaim*> evidence;
          std::set<std::string> articles;
          for (const GroupClaim* c : window) {
            if (!articles.insert(c->article_id()).second) continue;
            std::string outlet = c->outlet().empty() ? c->article_id() : c->outlet();
            outlets.insert(outlet);
            voices.insert(absl::StrCat(outlet, "\x1f", voice(c->article_id())));
            evidence.push_back(c);
          }
          // Two independent outlets: different outlets that do not copy each other.
          std::set<std::string> independent_outlets, independent_voices;
          for (const std::string& v : voices) {
            std::string outlet = v.substr(0, v.find('\x1f'));
            std::string root = v.substr(v.find('\x1f') + 1);
            if (independent_voices.insert(root).second) independent_outlets.insert(outlet);
          }
          if (outlets.size() < 2 || independent_outlets.size() < 2) continue;
          if (!room(AGREEMENT)) continue;
          // A value a whole wire service's clients repeat: the first claims
          // stand for the rest, and the outlets are counted.
          std::vector<std::string> named(outlets.begin(), outlets.end());
          std::string more;
          if (named.size() > kMaxAgreementClaims) {
            more = absl::StrCat(" and ", named.size() - kMaxAgreementClaims, " more");
            named.resize(kMaxAgreementClaims);
          }
          std::string explanation =
              absl::StrCat(outlets.size(), " outlets (", absl::StrJoin(named, ", "), more,
                           ") agree that ", Statement(k, *evidence.front()), ".");
          std::vector<Claim> shown;
          for (size_t i = 0; i < evidence.size() && i < kMaxAgreementClaims; ++i) {
            shown.push_back(evidence[i]->Whole());
          }
          findings.push_back(
              MakeFinding(k, key.second, AGREEMENT, std::move(shown), std::move(explanation)));
        }
      }
    }
  }
  if (comparisons_out != nullptr) *comparisons_out = comparisons;
  if (omitted_out != nullptr) *omitted_out = omitted;
  if (truncated_out != nullptr) *truncated_out = truncated;
  if (kept_apart_out != nullptr) *kept_apart_out = std::move(kept_apart);
  SortFindings(&findings);
  return findings;
}

}  // namespace crosscheck
