#include "checker/score/reliability.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "checker/base/dates.h"
#include "checker/base/text_fold.h"
#include "checker/base/textproto.h"
#include "checker/base/value_key.h"
#include "checker/compare/compare.h"

namespace crosscheck {
namespace {

constexpr double kDefaultPrior = 0.7;   // news is mostly right
constexpr double kPriorStrength = 2.0;  // the prior counts as two claims
constexpr int kIterations = 20;

template <typename C>  // Claim or GroupClaim
std::string Voice(const C& c) {
  return c.outlet().empty() ? c.article_id() : c.outlet();
}

// How many claims a voice makes, and how many it attributes.
struct VoiceCounts {
  int claims = 0;
  int named = 0;
  int anonymous = 0;
};

// One side of a conflict as AddGroup leaves it: a value and who stands
// behind it (voice index -> 1 states it, 0.5 compatible), in voice order.
struct SideVote {
  std::string key;  // ValueKey
  std::vector<std::pair<int, double>> support;
};

// A CONTRADICTION, DISCREPANCY or DISPUTED finding as a vote, until Finish
// finds it in the report.
struct ConflictVote {
  std::string finding_id;
  int group = 0;  // index into State::groups
  std::vector<SideVote> sides;
};

// A conflict being scored: its finding in the report and its sides.
struct Side {
  const SideVote* vote = nullptr;
  const Claim* example = nullptr;  // the finding's first claim of the value
  double p = 0.5;                  // probability this side is right
  double label = -1;               // reviewer's truth: 1 right, 0 wrong, -1 none
  std::vector<int> slots;          // evidence slot of each support with w == 1
};
struct Conflict {
  Finding* finding = nullptr;
  std::vector<Side> sides;
};

std::string Percent(double x) { return absl::StrFormat("%.0f%%", 100 * x); }

}  // namespace

absl::StatusOr<OutletPriors> ReadOutletPriors(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read the priors file"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  OutletPriors priors;
  if (absl::Status s = ParseTextProto(path, buffer.str(), &priors); !s.ok()) return s;
  for (const OutletPrior& p : priors.priors()) {
    if (p.outlet().empty() || p.score() < 0 || p.score() > 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": prior for '", p.outlet(),
                       "': needs an outlet and a score in [0, 1], got ", p.score()));
    }
  }
  return priors;
}

struct OutletScorer::State {
  const Rules& rules;
  absl::Mutex mu;  // AddGroup merges under it
  // Copier -> the articles it copies.
  std::map<std::string, std::vector<std::string>> sources_of;
  // Voices (outlets, or article ids of articles without one), interned.
  absl::flat_hash_map<std::string, int> voice_index;
  std::vector<std::string> voices;
  std::vector<VoiceCounts> counts;                          // by voice index
  std::vector<int> agreements;                              // by voice index
  std::vector<int> articles;                                // by voice index
  std::vector<std::vector<std::string>> copies_from;        // by voice index
  std::vector<std::pair<std::string, std::string>> groups;  // (kind, subject)
  std::vector<ConflictVote> conflicts;

  explicit State(const Rules& r) : rules(r) {}

  int Intern(const std::string& voice) {
    auto [it, inserted] = voice_index.emplace(voice, static_cast<int>(voices.size()));
    if (inserted) {
      voices.push_back(voice);
      counts.emplace_back();
      agreements.push_back(0);
      articles.push_back(0);
      copies_from.emplace_back();
    }
    return it->second;
  }
};

OutletScorer::OutletScorer(const Rules& rules, const std::vector<Copy>& copies)
    : state_(std::make_unique<State>(rules)) {
  std::set<std::pair<std::string, std::string>> copy_pairs;  // (copier, source)
  for (const Copy& c : copies) copy_pairs.insert({c.copier(), c.source()});
  for (const auto& [copier, source] : copy_pairs) state_->sources_of[copier].push_back(source);
}

OutletScorer::~OutletScorer() = default;

void OutletScorer::AddGroup(const std::vector<Claim>& group, const std::vector<Finding>& findings) {
  AddGroup(ClaimGroup::Of(group), findings);
}

void OutletScorer::AddGroup(const ClaimGroup& group, const std::vector<Finding>& findings) {
  State& st = *state_;
  // Worked out without the lock, by voice name; merged under it at the end.
  std::map<std::string, VoiceCounts> counts;
  std::map<std::string, int> agreements;
  struct PendingSide {
    std::string key;
    std::vector<std::pair<std::string, double>> support;  // by voice name
  };
  struct Pending {
    std::string finding_id;
    std::vector<PendingSide> sides;
  };
  std::vector<Pending> pending;
  auto merge = [&] {
    absl::MutexLock lock(&st.mu);
    for (const auto& [voice, n] : counts) {
      VoiceCounts& total = st.counts[st.Intern(voice)];
      total.claims += n.claims;
      total.named += n.named;
      total.anonymous += n.anonymous;
    }
    for (const auto& [voice, n] : agreements) st.agreements[st.Intern(voice)] += n;
    if (pending.empty()) return;
    const int group_index = static_cast<int>(st.groups.size());
    st.groups.emplace_back(findings.front().kind(), findings.front().subject());
    for (Pending& p : pending) {
      ConflictVote vote;
      vote.finding_id = std::move(p.finding_id);
      vote.group = group_index;
      for (PendingSide& ps : p.sides) {
        SideVote side;
        side.key = std::move(ps.key);
        for (const auto& [voice, w] : ps.support) side.support.emplace_back(st.Intern(voice), w);
        vote.sides.push_back(std::move(side));
      }
      st.conflicts.push_back(std::move(vote));
    }
  };
  for (const GroupClaim& c : group.claims()) {
    VoiceCounts& n = counts[Voice(c)];
    ++n.claims;
    if (!c.attribution().source().empty()) ++(c.attribution().named() ? n.named : n.anonymous);
  }
  for (const Finding& f : findings) {
    if (f.verdict() != AGREEMENT) continue;
    std::set<std::string> voices;
    for (const Claim& c : f.claims()) voices.insert(Voice(c));
    for (const std::string& v : voices) agreements[v]++;
  }

  // The group's claims that vote: not negated, and not a copier repeating
  // its source's words for the same value (its own "72 hours" next to the
  // source's "Saturday deadline" is its own).
  std::vector<const GroupClaim*> members;
  for (const GroupClaim& c : group.claims()) {
    if (!c.attribution().negated()) members.push_back(&c);
  }
  if (members.empty()) {
    merge();
    return;
  }
  {
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
      auto sources = st.sources_of.find(members[i]->article_id());
      if (sources != st.sources_of.end()) {
        for (const std::string& source : sources->second) {
          auto article = article_number.find(source);
          copied |= article != article_number.end() &&
                    said.contains({article->second, value_words[i].first, value_words[i].second});
        }
      }
      if (!copied) independent.push_back(members[i]);
    }
    members = std::move(independent);
  }
  // The claims by publication day (undated first), to find the claims near
  // a finding without scanning the whole group.
  constexpr int64_t kUndated = std::numeric_limits<int64_t>::min();
  auto day_of = [](const std::string& iso) {
    absl::optional<absl::CivilDay> d = ParseIsoDate(iso);
    return d ? static_cast<int64_t>(*d - absl::CivilDay()) : kUndated;
  };
  std::vector<std::pair<int64_t, const GroupClaim*>> by_day;
  for (const GroupClaim* c : members) by_day.emplace_back(day_of(c->published()), c);
  std::stable_sort(by_day.begin(), by_day.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });

  // Each conflict, its sides, and who supports which: a voice that states a
  // side supports it fully; one whose claims are compatible with a side, and
  // conflict with none of its values, half; claims weeks away do not count.
  for (const Finding& f : findings) {
    if (f.verdict() != CONTRADICTION && f.verdict() != DISCREPANCY && f.verdict() != DISPUTED) {
      continue;
    }
    const CompiledKind* kind = st.rules.FindKind(f.kind());
    if (kind == nullptr) continue;
    const Comparison& cmp = kind->kind->comparison();
    std::vector<std::pair<std::string, const Claim*>> sides;  // (value, example)
    for (const Claim& c : f.claims()) {
      std::string key = ValueKey(c);
      bool seen = false;
      for (const auto& s : sides) seen |= s.first == key;
      if (!seen) sides.emplace_back(std::move(key), &c);
    }
    if (sides.size() < 2) continue;
    const int window = cmp.update_after_days() > 0 ? cmp.update_after_days() : 7;
    std::map<std::string, std::vector<const GroupClaim*>> by_voice;
    {
      // The group's claims published within `window` days of one of the
      // finding's claims, or undated (in the group's order).
      bool any_undated = false;
      std::vector<int64_t> days;
      for (const Claim& fc : f.claims()) {
        int64_t d = day_of(fc.published());
        any_undated |= d == kUndated;
        days.push_back(d);
      }
      std::vector<const GroupClaim*> near;
      if (any_undated) {
        near = members;
      } else {
        std::set<const GroupClaim*> picked;
        for (const auto& [d, c] : by_day) {
          if (d != kUndated) break;
          picked.insert(c);
        }
        for (int64_t d : days) {
          auto lo = std::lower_bound(by_day.begin(), by_day.end(), d - window + 1,
                                     [](const auto& e, int64_t v) { return e.first < v; });
          for (auto it = lo; it != by_day.end() && it->first < d + window; ++it) {
            picked.insert(it->second);
          }
        }
        // (The order does not matter: support is the best relation.)
        near.assign(picked.begin(), picked.end());
      }
      for (const GroupClaim* c : near) by_voice[Voice(*c)].push_back(c);
    }
    Pending vote;
    vote.finding_id = f.id();
    for (auto& [key, example] : sides) {
      PendingSide side;
      for (const auto& [voice, stated] : by_voice) {
        double w = 0;
        bool against = false;
        for (const GroupClaim* c : stated) {
          if (ValueKey(c->shape()) == key) {
            w = 1;
            break;
          }
          Relation r = Relate(*c, *example, cmp, nullptr);
          if (r == Relation::kEqual) w = std::max(w, 1.0);
          if (r == Relation::kCompatible) w = std::max(w, 0.5);
          if (r == Relation::kSoftConflict || r == Relation::kHardConflict) against = true;
        }
        if (against && w < 1) w = 0;
        if (w > 0) side.support.emplace_back(voice, w);
      }
      side.key = std::move(key);
      vote.sides.push_back(std::move(side));
    }
    pending.push_back(std::move(vote));
  }
  merge();
}

void OutletScorer::AddArticle(absl::string_view id, absl::string_view outlet) {
  State& st = *state_;
  absl::MutexLock lock(&st.mu);
  ++st.articles[st.Intern(std::string(outlet.empty() ? id : outlet))];
}

void OutletScorer::AddCopy(absl::string_view copier_id, absl::string_view copier_outlet,
                           absl::string_view source) {
  State& st = *state_;
  absl::MutexLock lock(&st.mu);
  const int v = st.Intern(std::string(copier_outlet.empty() ? copier_id : copier_outlet));
  st.copies_from[v].emplace_back(source);
}

void OutletScorer::Finish(const OutletPriors& priors, Report* report) {
  State& st = *state_;
  {
    // The report's copiers among its articles, with their outlets (a copy
    // whose copier is not an article of the report counts for nobody).
    absl::flat_hash_map<std::string, std::optional<std::string>> outlet_of;
    for (const Copy& c : report->copies()) outlet_of.emplace(c.copier(), std::nullopt);
    for (const ArticleSummary& a : report->articles()) {
      AddArticle(a.id(), a.outlet());
      auto it = outlet_of.find(a.id());
      if (it != outlet_of.end()) it->second = a.outlet();
    }
    for (const Copy& c : report->copies()) {
      auto it = outlet_of.find(c.copier());
      if (it != outlet_of.end() && it->second.has_value()) {
        AddCopy(c.copier(), *it->second, c.source());
      }
    }
  }
  const int n_voices = static_cast<int>(st.voices.size());
  auto voice_name = [&](int v) -> const std::string& { return st.voices[v]; };

  // The conflicts in the report's order, each with its finding.
  absl::flat_hash_map<std::string, std::vector<int>> finding_of_id;
  for (int i = 0; i < report->findings_size(); ++i) {
    Finding* f = report->mutable_findings(i);
    f->clear_lean();
    finding_of_id[f->id()].push_back(i);
  }
  std::vector<std::pair<int, const ConflictVote*>> placed;
  for (const ConflictVote& vote : st.conflicts) {
    auto it = finding_of_id.find(vote.finding_id);
    if (it == finding_of_id.end()) continue;
    for (int i : it->second) {
      const Finding& f = report->findings(i);
      if (f.kind() == st.groups[vote.group].first && f.subject() == st.groups[vote.group].second) {
        placed.emplace_back(i, &vote);
        break;
      }
    }
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });

  // Evidence slots: one per (voice, kind, subject, value) a conflict's side
  // states: one value stated once is one piece of evidence, however many
  // conflicts it appears in (Sunday against three Saturdays). Numbered in
  // that order, so that each voice's evidence adds up in one fixed order.
  using SlotKey = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<SlotKey, int> slot_of;
  std::vector<Conflict> conflicts;
  for (const auto& [index, vote] : placed) {
    Finding* f = report->mutable_findings(index);
    if (f->has_review() && f->review().decision() == DECISION_DISMISSED) continue;
    Conflict conflict;
    conflict.finding = f;
    for (const SideVote& sv : vote->sides) {
      Side side;
      side.vote = &sv;
      for (const Claim& c : f->claims()) {
        if (ValueKey(c) == sv.key) {
          side.example = &c;
          break;
        }
      }
      if (side.example == nullptr) continue;  // not this finding after all
      conflict.sides.push_back(side);
    }
    if (conflict.sides.size() < 2) continue;
    if (f->has_review() && !f->review().correct_article_id().empty()) {
      for (Side& side : conflict.sides) {
        side.label = 0;
        for (const Claim& c : f->claims()) {
          if (ValueKey(c) == side.vote->key && c.article_id() == f->review().correct_article_id()) {
            side.label = 1;
          }
        }
      }
    }
    // One article reporting two parties' accounts (DISPUTED) says nothing
    // about its own accuracy: only the lean is computed for it.
    if (f->verdict() != DISPUTED) {
      for (Side& side : conflict.sides) {
        for (const auto& [voice, w] : side.vote->support) {
          if (w < 1) continue;
          slot_of.emplace(SlotKey{voice_name(voice), f->kind(), f->subject(), side.vote->key}, 0);
        }
      }
    }
    conflicts.push_back(std::move(conflict));
  }
  std::vector<int> slot_voice;
  for (auto& [key, slot] : slot_of) {
    slot = static_cast<int>(slot_voice.size());
    slot_voice.push_back(st.voice_index.at(std::get<0>(key)));
  }
  for (Conflict& c : conflicts) {
    if (c.finding->verdict() == DISPUTED) continue;
    for (Side& side : c.sides) {
      for (const auto& [voice, w] : side.vote->support) {
        side.slots.push_back(w < 1 ? -1
                                   : slot_of.at(SlotKey{voice_name(voice), c.finding->kind(),
                                                        c.finding->subject(), side.vote->key}));
      }
    }
  }
  slot_of.clear();

  // Priors.
  std::vector<double> prior(n_voices, kDefaultPrior);
  std::vector<bool> supplied(n_voices, false);
  for (const OutletPrior& p : priors.priors()) {
    auto it = st.voice_index.find(p.outlet());
    if (it != st.voice_index.end()) {
      prior[it->second] = p.score();
      supplied[it->second] = true;
    }
  }
  std::vector<double> trust = prior;

  // Iterate: trust weighs the sides, the sides' odds move the trust.
  std::vector<double> evidence_sum(n_voices), evidence_n(n_voices);
  std::vector<std::pair<double, int>> stated(slot_voice.size());  // (sum of p, conflicts)
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    std::fill(evidence_sum.begin(), evidence_sum.end(), 0.0);
    std::fill(evidence_n.begin(), evidence_n.end(), 0.0);
    std::fill(stated.begin(), stated.end(), std::make_pair(0.0, 0));
    for (Conflict& c : conflicts) {
      double total = 0;
      for (Side& s : c.sides) {
        s.p = 0;
        for (const auto& [voice, w] : s.vote->support) s.p += trust[voice] * w;
        total += s.p;
      }
      for (Side& s : c.sides) {
        s.p = s.label >= 0 ? s.label : total > 0 ? s.p / total : 1.0 / c.sides.size();
      }
      for (const Side& s : c.sides) {
        for (int slot : s.slots) {
          if (slot < 0) continue;
          stated[slot].first += s.p;
          stated[slot].second += 1;
        }
      }
    }
    for (size_t slot = 0; slot < stated.size(); ++slot) {
      if (stated[slot].second == 0) continue;
      evidence_sum[slot_voice[slot]] += stated[slot].first / stated[slot].second;
      evidence_n[slot_voice[slot]] += 1;
    }
    for (int v = 0; v < n_voices; ++v) {
      evidence_sum[v] += st.agreements[v];
      evidence_n[v] += st.agreements[v];
      trust[v] = (kPriorStrength * prior[v] + evidence_sum[v]) / (kPriorStrength + evidence_n[v]);
    }
  }

  // Each conflict's lean, and who lost what.
  std::vector<std::vector<std::string>> losing(n_voices);
  for (Conflict& c : conflicts) {
    const Side* best = nullptr;
    for (const Side& s : c.sides) {
      if (best == nullptr || s.p > best->p) best = &s;
    }
    Lean* lean = c.finding->mutable_lean();
    lean->set_value(best->example->display_value());
    lean->set_support(best->p);
    std::vector<std::string> sides;
    for (const Side& s : c.sides) {
      std::vector<std::string> stated_by, compatible;
      // By name, as the report shows them.
      std::vector<std::pair<std::string, double>> support;
      for (const auto& [voice, w] : s.vote->support) support.emplace_back(voice_name(voice), w);
      std::sort(support.begin(), support.end());
      for (const auto& [voice, w] : support) (w == 1 ? stated_by : compatible).push_back(voice);
      if (&s == best) {
        for (const std::string& v : stated_by) lean->add_outlets(v);
      }
      std::string who = stated_by.empty() ? "no outlet states it" : absl::StrJoin(stated_by, ", ");
      if (!compatible.empty())
        absl::StrAppend(&who, "; compatible: ", absl::StrJoin(compatible, ", "));
      sides.push_back(absl::StrCat(s.example->display_value(), " (", who, ")"));
      if (s.p < 0.45 && c.finding->verdict() != DISPUTED) {
        for (const std::string& v : stated_by) {
          // For actors, say it as what it is: giving an act or a role to
          // someone other outlets give it to (a garbled attribution).
          std::string lost =
              s.example->has_actor()
                  ? absl::StrCat(c.finding->kind(), ": names ", s.example->display_value(),
                                 " where other outlets name ", best->example->display_value(), " (",
                                 c.finding->subject(), "; a garbled attribution?)")
                  : absl::StrCat(c.finding->kind(), ": ", s.example->display_value(), " against ",
                                 best->example->display_value());
          std::vector<std::string>& list = losing[st.voice_index.at(v)];
          if (std::find(list.begin(), list.end(), lost) == list.end()) list.push_back(lost);
        }
      }
    }
    if (best->label == 1) {
      lean->set_explanation(absl::StrCat("A reviewer judged ", lean->value(),
                                         " right: ", absl::StrJoin(sides, " vs "), "."));
    } else if (best->p < 0.55) {
      lean->set_explanation(
          absl::StrCat("The evidence is even: ", absl::StrJoin(sides, " vs "), "."));
    } else {
      lean->set_explanation(
          absl::StrCat("The evidence leans to ", lean->value(), " (", Percent(best->p),
                       " of the trust-weighted support): ", absl::StrJoin(sides, " vs "), "."));
    }
  }

  // The outlet table, with reasons: every voice with an article or a claim.
  std::vector<OutletScore> table(n_voices);
  std::vector<bool> listed(n_voices, false);
  for (int v = 0; v < n_voices; ++v) {
    table[v].set_outlet(voice_name(v));
    table[v].set_claims(st.counts[v].claims);
    table[v].set_named_sources(st.counts[v].named);
    table[v].set_anonymous_sources(st.counts[v].anonymous);
    table[v].set_corroborated(st.agreements[v]);
    table[v].set_contradicted(static_cast<int>(losing[v].size()));
    listed[v] = st.counts[v].claims > 0 || st.agreements[v] > 0 || !losing[v].empty();
  }
  for (int v = 0; v < n_voices; ++v) {
    table[v].set_articles(st.articles[v]);
    listed[v] = listed[v] || st.articles[v] > 0;
  }
  for (const Finding& f : report->findings()) {
    if (f.verdict() != DISPUTED) continue;
    for (const Claim& c : f.claims()) {
      const int v = st.Intern(Voice(c));
      if (v >= n_voices) continue;  // (a claim AddGroup never saw)
      table[v].set_disputed(table[v].disputed() + 1);
      listed[v] = true;
    }
  }
  for (int v = 0; v < n_voices; ++v) {
    for (std::string& source : st.copies_from[v]) table[v].add_copies_from(std::move(source));
    listed[v] = listed[v] || !st.copies_from[v].empty();
  }
  report->clear_outlets();
  std::vector<OutletScore> scores;
  for (int v = 0; v < n_voices; ++v) {
    if (!listed[v]) continue;
    OutletScore& s = table[v];
    const double t = trust[v];
    // Claims of one article are not independent evidence about an outlet:
    // at most a few pieces count per article it published here.
    double n = std::min(evidence_n[v], 3.0 * std::max(1, s.articles()));
    s.set_score(t);
    s.set_uncertainty(std::sqrt(t * (1 - t) / (kPriorStrength + n + 1)));
    s.set_prior(prior[v]);
    s.set_prior_supplied(supplied[v]);
    std::string strength = n == 0   ? "no evidence here: the score is the prior"
                           : n < 4  ? "a weak signal"
                           : n < 15 ? "a moderate signal"
                                    : "a well-supported estimate";
    s.add_reasons(absl::StrCat(
        "Started from a prior of ", absl::StrFormat("%.2f", s.prior()),
        s.prior_supplied() ? " (from the priors file)" : " (the default: no rating supplied)", "; ",
        s.articles(), s.articles() == 1 ? " article" : " articles", " and ",
        static_cast<int>(evidence_n[v]),
        " pieces of evidence (conflicts and agreements it takes part in): ", strength, "."));
    s.add_reasons(absl::StrCat("Independent outlets corroborate it in ", s.corroborated(),
                               " agreement(s); it makes ", s.claims(), " claims in all."));
    if (s.contradicted() > 0) {
      s.add_reasons(absl::StrCat(s.contradicted(), " claim(s) on the losing side of a conflict: ",
                                 absl::StrJoin(losing[v], "; "), "."));
    }
    if (s.disputed() > 0) {
      s.add_reasons(absl::StrCat(s.disputed(), " claim(s) in disputed accounts it reports."));
    }
    if (!s.copies_from().empty()) {
      s.add_reasons(absl::StrCat("Repeats sentences of ", absl::StrJoin(s.copies_from(), ", "),
                                 ": those claims are not counted as independent corroboration."));
    }
    int own_voice = s.claims() - s.named_sources() - s.anonymous_sources();
    s.add_reasons(absl::StrCat("Sources: ", s.named_sources(), " named, ", s.anonymous_sources(),
                               " anonymous, ", own_voice, " in its own voice."));
    scores.push_back(std::move(s));
  }
  std::sort(scores.begin(), scores.end(), [](const OutletScore& a, const OutletScore& b) {
    if (a.score() != b.score()) return a.score() > b.score();
    return a.outlet() < b.outlet();
  });
  for (OutletScore& s : scores) *report->add_outlets() = std::move(s);
}

void ScoreOutlets(const Rules& rules, const std::vector<Claim>& claims, const OutletPriors& priors,
                  Report* report) {
  OutletScorer scorer(rules, {report->copies().begin(), report->copies().end()});
  std::map<std::pair<std::string, std::string>, std::vector<Claim>> groups;
  for (const Claim& c : claims) groups[{c.kind(), c.subject()}].push_back(c);
  std::map<std::pair<std::string, std::string>, std::vector<Finding>> findings;
  for (const Finding& f : report->findings()) findings[{f.kind(), f.subject()}].push_back(f);
  for (const auto& [key, group] : groups) scorer.AddGroup(group, findings[key]);
  scorer.Finish(priors, report);
}

}  // namespace crosscheck
