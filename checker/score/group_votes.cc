#include "checker/score/group_votes.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "checker/base/dates.h"
#include "checker/base/text_fold.h"
#include "checker/base/value_key.h"
#include "checker/compare/compare.h"

namespace crosscheck {
namespace {

constexpr int64_t kUndated = std::numeric_limits<int64_t>::min();

// Days since the civil epoch of an ISO date, or kUndated.
int64_t DayOf(const std::string& iso) {
  absl::optional<absl::CivilDay> d = ParseIsoDate(iso);
  return d ? static_cast<int64_t>(*d - absl::CivilDay()) : kUndated;
}

// Counts every claim for its voice, and each voice once per agreement.
void CountVoices(const ClaimGroup& group, const std::vector<Finding>& findings, GroupVotes* votes) {
  for (const GroupClaim& c : group.claims()) {
    VoiceCounts& n = votes->counts[VoiceOf(c)];
    ++n.claims;
    if (!c.attribution().source().empty()) ++(c.attribution().named() ? n.named : n.anonymous);
  }
  for (const Finding& f : findings) {
    if (f.verdict() != AGREEMENT) continue;
    std::set<std::string> voices;
    for (const Claim& c : f.claims()) voices.insert(VoiceOf(c));
    for (const std::string& v : voices) votes->agreements[v]++;
  }
}

// `members` without the claims of a copier that repeat its source's words
// for the same value (its own "72 hours" next to the source's "Saturday
// deadline" is its own).
std::vector<const GroupClaim*> WithoutCopies(const std::vector<const GroupClaim*>& members,
                                             const CopySources& sources_of) {
  // (article, value, words) of every claim, to look copies up; each part
  // numbered (a set of string triples took 150 MB for a group of 400,000
  // claims).
  absl::flat_hash_map<absl::string_view, int> article_number;  // views into the claims
  absl::flat_hash_map<std::string, int> value_number, words_number;
  auto number = [](auto& numbers, auto&& key) {
    const int next = static_cast<int>(numbers.size());
    return numbers.try_emplace(std::forward<decltype(key)>(key), next).first->second;
  };
  absl::flat_hash_set<std::tuple<int, int, int>> said;
  std::vector<std::pair<int, int>> value_words(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    value_words[i] = {number(value_number, ValueKey(members[i]->shape())),
                      number(words_number, FoldForMatching(members[i]->matched_text()))};
    said.emplace(number(article_number, absl::string_view(members[i]->article_id())),
                 value_words[i].first, value_words[i].second);
  }
  std::vector<const GroupClaim*> independent;
  for (size_t i = 0; i < members.size(); ++i) {
    bool copied = false;
    auto sources = sources_of.find(members[i]->article_id());
    if (sources != sources_of.end()) {
      for (const std::string& source : sources->second) {
        auto article = article_number.find(source);
        copied |= article != article_number.end() &&
                  said.contains({article->second, value_words[i].first, value_words[i].second});
      }
    }
    if (!copied) independent.push_back(members[i]);
  }
  return independent;
}

// Claims by publication day (undated first), to find the claims near a
// finding without scanning the whole group.
class ClaimsByDay {
 public:
  explicit ClaimsByDay(std::vector<const GroupClaim*> members) : members_(std::move(members)) {
    for (const GroupClaim* c : members_) by_day_.emplace_back(DayOf(c->published()), c);
    std::stable_sort(by_day_.begin(), by_day_.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
  }

  // The claims published within `window` days of one of `f`'s claims, or
  // undated, by voice; every claim when one of `f`'s claims is undated.
  std::map<std::string, std::vector<const GroupClaim*>> NearByVoice(const Finding& f,
                                                                    int window) const {
    bool any_undated = false;
    std::vector<int64_t> days;
    for (const Claim& fc : f.claims()) {
      int64_t d = DayOf(fc.published());
      any_undated |= d == kUndated;
      days.push_back(d);
    }
    std::vector<const GroupClaim*> near;
    if (any_undated) {
      near = members_;
    } else {
      std::set<const GroupClaim*> picked;
      for (const auto& [d, c] : by_day_) {
        if (d != kUndated) break;
        picked.insert(c);
      }
      for (int64_t d : days) {
        auto lo = std::lower_bound(by_day_.begin(), by_day_.end(), d - window + 1,
                                   [](const auto& e, int64_t v) { return e.first < v; });
        for (auto it = lo; it != by_day_.end() && it->first < d + window; ++it) {
          picked.insert(it->second);
        }
      }
      // (The order does not matter: support is the best relation.)
      near.assign(picked.begin(), picked.end());
    }
    std::map<std::string, std::vector<const GroupClaim*>> by_voice;
    for (const GroupClaim* c : near) by_voice[VoiceOf(*c)].push_back(c);
    return by_voice;
  }

 private:
  std::vector<const GroupClaim*> members_;
  std::vector<std::pair<int64_t, const GroupClaim*>> by_day_;
};

// How much a voice's claims `stated` support the value `key` of `example`:
// 1 when one states it (or an equal value), 0.5 when one is compatible with
// it and none conflicts with it, else 0.
double SupportOf(const std::vector<const GroupClaim*>& stated, const std::string& key,
                 const Claim& example, const Comparison& cmp) {
  double w = 0;
  bool against = false;
  for (const GroupClaim* c : stated) {
    if (ValueKey(c->shape()) == key) {
      w = 1;
      break;
    }
    Relation r = Relate(*c, example, cmp, nullptr);
    if (r == Relation::kEqual) w = std::max(w, 1.0);
    if (r == Relation::kCompatible) w = std::max(w, 0.5);
    if (r == Relation::kSoftConflict || r == Relation::kHardConflict) against = true;
  }
  if (against && w < 1) w = 0;
  return w;
}

// The distinct values of `f`'s claims, each with its first claim.
std::vector<std::pair<std::string, const Claim*>> ValuesOf(const Finding& f) {
  std::vector<std::pair<std::string, const Claim*>> sides;  // (value, example)
  for (const Claim& c : f.claims()) {
    std::string key = ValueKey(c);
    bool seen = false;
    for (const auto& s : sides) seen |= s.first == key;
    if (!seen) sides.emplace_back(std::move(key), &c);
  }
  return sides;
}

bool IsConflict(const Finding& f) {
  return f.verdict() == CONTRADICTION || f.verdict() == DISCREPANCY || f.verdict() == DISPUTED;
}

}  // namespace

CopySources SourcesOfCopies(const std::vector<Copy>& copies) {
  std::set<std::pair<std::string, std::string>> copy_pairs;  // (copier, source)
  for (const Copy& c : copies) copy_pairs.insert({c.copier(), c.source()});
  CopySources sources_of;
  for (const auto& [copier, source] : copy_pairs) sources_of[copier].push_back(source);
  return sources_of;
}

GroupVotes CountGroupVotes(const Rules& rules, const CopySources& sources_of,
                           const ClaimGroup& group, const std::vector<Finding>& findings) {
  GroupVotes votes;
  CountVoices(group, findings, &votes);
  // The claims that vote: not negated, and not a copier's repeating its
  // source.
  std::vector<const GroupClaim*> members;
  for (const GroupClaim& c : group.claims()) {
    if (!c.attribution().negated()) members.push_back(&c);
  }
  if (members.empty()) return votes;
  const ClaimsByDay voting(WithoutCopies(members, sources_of));
  for (const Finding& f : findings) {
    if (!IsConflict(f)) continue;
    const CompiledKind* kind = rules.FindKind(f.kind());
    if (kind == nullptr) continue;
    const Comparison& cmp = kind->kind->comparison();
    std::vector<std::pair<std::string, const Claim*>> sides = ValuesOf(f);
    if (sides.size() < 2) continue;
    const int window = cmp.update_after_days() > 0 ? cmp.update_after_days() : 7;
    const std::map<std::string, std::vector<const GroupClaim*>> by_voice =
        voting.NearByVoice(f, window);
    NamedConflict vote;
    vote.finding_id = f.id();
    for (auto& [key, example] : sides) {
      NamedSide side;
      for (const auto& [voice, stated] : by_voice) {
        const double w = SupportOf(stated, key, *example, cmp);
        if (w > 0) side.support.emplace_back(voice, w);
      }
      side.key = std::move(key);
      vote.sides.push_back(std::move(side));
    }
    votes.conflicts.push_back(std::move(vote));
  }
  return votes;
}

}  // namespace crosscheck
