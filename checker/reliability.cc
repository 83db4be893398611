#include "checker/reliability.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "checker/compare.h"
#include "checker/dates.h"
#include "checker/text_fold.h"
#include "checker/textproto.h"

namespace crosscheck {
namespace {

constexpr double kDefaultPrior = 0.7;   // news is mostly right
constexpr double kPriorStrength = 2.0;  // the prior counts as two claims
constexpr int kIterations = 20;

std::string Voice(const Claim& c) { return c.outlet().empty() ? c.article_id() : c.outlet(); }

// One side of a conflict: a value and who stands behind it.
struct Side {
  std::string key;            // ValueKey
  const Claim* example = nullptr;
  std::map<std::string, double> support;  // voice -> 1 states it, 0.5 compatible
  double p = 0.5;             // probability this side is right
  double label = -1;          // reviewer's truth: 1 right, 0 wrong, -1 none
};

// A CONTRADICTION, DISCREPANCY or DISPUTED finding as a vote.
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
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": prior for '", p.outlet(), "': needs an outlet and a score in [0, 1], got ",
          p.score()));
    }
  }
  return priors;
}

void CountClaims(const std::vector<Claim>& claims, ClaimCounts* counts) {
  for (const Claim& c : claims) {
    VoiceClaimCounts& n = (*counts)[Voice(c)];
    ++n.claims;
    if (!c.attribution().source().empty()) ++(c.attribution().named() ? n.named : n.anonymous);
  }
}

void ScoreOutlets(const Rules& rules, const std::vector<Claim>& claims,
                  const OutletPriors& priors, Report* report, const ClaimCounts* given_counts) {
  ClaimCounts own_counts;
  if (given_counts == nullptr) CountClaims(claims, &own_counts);
  const ClaimCounts& counts = given_counts != nullptr ? *given_counts : own_counts;
  // Copies: a claim of a copier that repeats its source's value is no vote.
  std::set<std::pair<std::string, std::string>> copy_pairs;  // (copier, source)
  for (const Copy& c : report->copies()) copy_pairs.insert({c.copier(), c.source()});

  // Claims by (kind, subject), without the copies of their sources' values.
  // Copied: the copier repeats the source's words for the same value (its
  // own "72 hours" next to the source's "Saturday deadline" is its own).
  std::map<std::string, std::vector<std::string>> sources_of;  // copier -> sources
  for (const auto& [copier, source] : copy_pairs) sources_of[copier].push_back(source);
  std::map<std::pair<std::string, std::string>, std::vector<const Claim*>> groups;
  for (const Claim& c : claims) {
    if (!c.attribution().negated()) groups[{c.kind(), c.subject()}].push_back(&c);
  }
  for (auto& [key, members] : groups) {
    // (article, value, words) of every claim, to look copies up.
    std::set<std::tuple<std::string, std::string, std::string>> said;
    std::vector<std::pair<std::string, std::string>> value_words(members.size());
    for (size_t i = 0; i < members.size(); ++i) {
      value_words[i] = {ValueKey(*members[i]), FoldForMatching(members[i]->matched_text())};
      said.emplace(members[i]->article_id(), value_words[i].first, value_words[i].second);
    }
    std::vector<const Claim*> independent;
    for (size_t i = 0; i < members.size(); ++i) {
      bool copied = false;
      auto sources = sources_of.find(members[i]->article_id());
      if (sources != sources_of.end()) {
        for (const std::string& source : sources->second) {
          copied |= said.count({source, value_words[i].first, value_words[i].second}) > 0;
        }
      }
      if (!copied) independent.push_back(members[i]);
    }
    members = std::move(independent);
  }
  // Each group's claims by publication day (undated first), to find the
  // claims near a finding without scanning the whole group.
  constexpr int64_t kUndated = std::numeric_limits<int64_t>::min();
  auto day_of = [](const std::string& iso) {
    absl::optional<absl::CivilDay> d = ParseIsoDate(iso);
    return d ? static_cast<int64_t>(*d - absl::CivilDay()) : kUndated;
  };
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<int64_t, const Claim*>>>
      by_day;
  for (const auto& [key, members] : groups) {
    auto& list = by_day[key];
    for (const Claim* c : members) list.emplace_back(day_of(c->published()), c);
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
  }

  // Each conflict, its sides, and who supports which: a voice that states a
  // side supports it fully; one whose claims are compatible with a side, and
  // conflict with none of its values, half; claims weeks away do not count.
  std::vector<Conflict> conflicts;
  std::map<std::string, int> agreements;  // voice -> AGREEMENT findings it is in
  for (Finding& f : *report->mutable_findings()) {
    f.clear_lean();
    if (f.verdict() == AGREEMENT) {
      std::set<std::string> voices;
      for (const Claim& c : f.claims()) voices.insert(Voice(c));
      for (const std::string& v : voices) agreements[v]++;
      continue;
    }
    if (f.verdict() != CONTRADICTION && f.verdict() != DISCREPANCY && f.verdict() != DISPUTED) {
      continue;
    }
    if (f.has_review() && f.review().decision() == DECISION_DISMISSED) continue;
    const CompiledKind* kind = rules.FindKind(f.kind());
    auto group = groups.find({f.kind(), f.subject()});
    if (kind == nullptr || group == groups.end()) continue;
    const Comparison& cmp = kind->kind->comparison();
    Conflict conflict;
    conflict.finding = &f;
    for (const Claim& c : f.claims()) {
      std::string key = ValueKey(c);
      bool seen = false;
      for (const Side& s : conflict.sides) seen |= s.key == key;
      if (!seen) conflict.sides.push_back(Side{key, &c});
    }
    if (conflict.sides.size() < 2) continue;
    const int window = cmp.update_after_days() > 0 ? cmp.update_after_days() : 7;
    std::map<std::string, std::vector<const Claim*>> by_voice;
    {
      // The group's claims published within `window` days of one of the
      // finding's claims, or undated (in the group's order).
      const auto& list = by_day[{f.kind(), f.subject()}];
      bool any_undated = false;
      std::vector<int64_t> days;
      for (const Claim& fc : f.claims()) {
        int64_t d = day_of(fc.published());
        any_undated |= d == kUndated;
        days.push_back(d);
      }
      std::vector<const Claim*> near;
      if (any_undated) {
        for (const Claim* c : group->second) near.push_back(c);
      } else {
        std::set<const Claim*> picked;
        for (const auto& [d, c] : list) {
          if (d != kUndated) break;
          picked.insert(c);
        }
        for (int64_t d : days) {
          auto lo = std::lower_bound(list.begin(), list.end(), d - window + 1,
                                     [](const auto& e, int64_t v) { return e.first < v; });
          for (auto it = lo; it != list.end() && it->first < d + window; ++it) {
            picked.insert(it->second);
          }
        }
        // (The order does not matter: support is the best relation.)
        near.assign(picked.begin(), picked.end());
      }
      for (const Claim* c : near) by_voice[Voice(*c)].push_back(c);
    }
    for (Side& side : conflict.sides) {
      for (const auto& [voice, stated] : by_voice) {
        double w = 0;
        bool against = false;
        for (const Claim* c : stated) {
          if (ValueKey(*c) == side.key) {
            w = 1;
            break;
          }
          Relation r = Relate(*c, *side.example, cmp, nullptr);
          if (r == Relation::kEqual) w = std::max(w, 1.0);
          if (r == Relation::kCompatible) w = std::max(w, 0.5);
          if (r == Relation::kSoftConflict || r == Relation::kHardConflict) against = true;
        }
        if (against && w < 1) w = 0;
        if (w > 0) side.support[voice] = w;
      }
    }
    if (f.has_review() && !f.review().correct_article_id().empty()) {
      for (Side& side : conflict.sides) {
        side.label = 0;
        for (const Claim& c : f.claims()) {
          if (ValueKey(c) == side.key && c.article_id() == f.review().correct_article_id()) {
            side.label = 1;
          }
        }
      }
    }
    conflicts.push_back(std::move(conflict));
  }

  // Priors.
  std::map<std::string, double> prior;
  std::map<std::string, bool> supplied;
  for (const auto& [voice, unused] : counts) prior[voice] = kDefaultPrior;
  for (const ArticleSummary& a : report->articles()) {
    prior[a.outlet().empty() ? a.id() : a.outlet()] = kDefaultPrior;
  }
  for (const OutletPrior& p : priors.priors()) {
    if (prior.count(p.outlet())) {
      prior[p.outlet()] = p.score();
      supplied[p.outlet()] = true;
    }
  }
  std::map<std::string, double> trust = prior;

  // Iterate: trust weighs the sides, the sides' odds move the trust.
  std::map<std::string, double> evidence_sum, evidence_n;
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    evidence_sum.clear();
    evidence_n.clear();
    // (voice, kind, subject, value) -> (sum of p, conflicts).
    std::map<std::tuple<std::string, std::string, std::string, std::string>,
             std::pair<double, int>>
        stated;
    for (Conflict& c : conflicts) {
      double total = 0;
      for (Side& s : c.sides) {
        s.p = 0;
        for (const auto& [voice, w] : s.support) s.p += trust[voice] * w;
        total += s.p;
      }
      for (Side& s : c.sides) {
        s.p = s.label >= 0 ? s.label : total > 0 ? s.p / total : 1.0 / c.sides.size();
      }
      // One article reporting two parties' accounts (DISPUTED) says nothing
      // about its own accuracy: only the lean is computed for it.
      if (c.finding->verdict() == DISPUTED) continue;
      for (const Side& s : c.sides) {
        for (const auto& [voice, w] : s.support) {
          if (w < 1) continue;
          // One value stated once is one piece of evidence, however many
          // conflicts it appears in (Sunday against three Saturdays).
          auto& e = stated[{voice, c.finding->kind(), c.finding->subject(), s.key}];
          e.first += s.p;
          e.second += 1;
        }
      }
    }
    for (const auto& [key, e] : stated) {
      evidence_sum[std::get<0>(key)] += e.first / e.second;
      evidence_n[std::get<0>(key)] += 1;
    }
    for (const auto& [voice, n] : agreements) {
      evidence_sum[voice] += n;
      evidence_n[voice] += n;
    }
    for (auto& [voice, t] : trust) {
      t = (kPriorStrength * prior[voice] + evidence_sum[voice]) /
          (kPriorStrength + evidence_n[voice]);
    }
  }

  // Each conflict's lean, and who lost what.
  std::map<std::string, std::vector<std::string>> losing;
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
      std::vector<std::string> stated, compatible;
      for (const auto& [voice, w] : s.support) (w == 1 ? stated : compatible).push_back(voice);
      if (&s == best) {
        for (const std::string& v : stated) lean->add_outlets(v);
      }
      std::string who = stated.empty() ? "no outlet states it" : absl::StrJoin(stated, ", ");
      if (!compatible.empty()) absl::StrAppend(&who, "; compatible: ", absl::StrJoin(compatible, ", "));
      sides.push_back(absl::StrCat(s.example->display_value(), " (", who, ")"));
      if (s.p < 0.45 && c.finding->verdict() != DISPUTED) {
        for (const std::string& v : stated) {
          // For actors, say it as what it is: giving an act or a role to
          // someone other outlets give it to (a garbled attribution).
          std::string lost =
              s.example->has_actor()
                  ? absl::StrCat(c.finding->kind(), ": names ", s.example->display_value(),
                                 " where other outlets name ", best->example->display_value(),
                                 " (", c.finding->subject(), "; a garbled attribution?)")
                  : absl::StrCat(c.finding->kind(), ": ", s.example->display_value(),
                                 " against ", best->example->display_value());
          std::vector<std::string>& list = losing[v];
          if (std::find(list.begin(), list.end(), lost) == list.end()) list.push_back(lost);
        }
      }
    }
    if (best->label == 1) {
      lean->set_explanation(absl::StrCat("A reviewer judged ", lean->value(), " right: ",
                                         absl::StrJoin(sides, " vs "), "."));
    } else if (best->p < 0.55) {
      lean->set_explanation(absl::StrCat("The evidence is even: ", absl::StrJoin(sides, " vs "),
                                         "."));
    } else {
      lean->set_explanation(absl::StrCat("The evidence leans to ", lean->value(), " (",
                                         Percent(best->p), " of the trust-weighted support): ",
                                         absl::StrJoin(sides, " vs "), "."));
    }
  }

  // The outlet table, with reasons.
  std::map<std::string, OutletScore> table;
  for (const ArticleSummary& a : report->articles()) {
    std::string voice = a.outlet().empty() ? a.id() : a.outlet();
    OutletScore& s = table[voice];
    s.set_outlet(voice);
    s.set_articles(s.articles() + 1);
  }
  std::map<std::string, std::string> outlet_of;
  for (const ArticleSummary& a : report->articles()) {
    outlet_of[a.id()] = a.outlet().empty() ? a.id() : a.outlet();
  }
  for (const auto& [voice, n] : counts) {
    OutletScore& s = table[voice];
    s.set_claims(s.claims() + n.claims);
    s.set_named_sources(s.named_sources() + n.named);
    s.set_anonymous_sources(s.anonymous_sources() + n.anonymous);
  }
  for (const auto& [voice, n] : agreements) table[voice].set_corroborated(n);
  for (const auto& [voice, lost] : losing) {
    table[voice].set_contradicted(static_cast<int>(lost.size()));
  }
  for (const Finding& f : report->findings()) {
    if (f.verdict() != DISPUTED) continue;
    for (const Claim& c : f.claims()) {
      OutletScore& s = table[Voice(c)];
      s.set_disputed(s.disputed() + 1);
    }
  }
  for (const Copy& c : report->copies()) {
    table[outlet_of[c.copier()]].add_copies_from(c.source());
  }
  report->clear_outlets();
  std::vector<OutletScore> scores;
  for (auto& [voice, s] : table) {
    double t = trust.count(voice) ? trust.at(voice) : kDefaultPrior;
    // Claims of one article are not independent evidence about an outlet:
    // at most a few pieces count per article it published here.
    double n = std::min(evidence_n[voice], 3.0 * std::max(1, s.articles()));
    s.set_score(t);
    s.set_uncertainty(std::sqrt(t * (1 - t) / (kPriorStrength + n + 1)));
    s.set_prior(prior.count(voice) ? prior[voice] : kDefaultPrior);
    s.set_prior_supplied(supplied[voice]);
    std::string strength = n == 0 ? "no evidence here: the score is the prior"
                           : n < 4 ? "a weak signal"
                           : n < 15 ? "a moderate signal"
                                    : "a well-supported estimate";
    s.add_reasons(absl::StrCat(
        "Started from a prior of ", absl::StrFormat("%.2f", s.prior()),
        s.prior_supplied() ? " (from the priors file)" : " (the default: no rating supplied)",
        "; ", s.articles(), s.articles() == 1 ? " article" : " articles", " and ",
        static_cast<int>(evidence_n[voice]),
        " pieces of evidence (conflicts and agreements it takes part in): ", strength, "."));
    s.add_reasons(absl::StrCat("Independent outlets corroborate it in ", s.corroborated(),
                               " agreement(s); it makes ", s.claims(), " claims in all."));
    if (s.contradicted() > 0) {
      s.add_reasons(absl::StrCat(s.contradicted(), " claim(s) on the losing side of a conflict: ",
                                 absl::StrJoin(losing[voice], "; "), "."));
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

}  // namespace crosscheck
