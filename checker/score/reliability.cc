#include "checker/score/reliability.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "checker/base/status_macros.h"
#include "checker/base/textproto.h"
#include "checker/score/group_votes.h"
#include "checker/score/reasons.h"
#include "checker/score/scoring.h"

namespace crosscheck {

absl::StatusOr<OutletPriors> ReadOutletPriors(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read the priors file"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  OutletPriors priors;
  RETURN_IF_ERROR(ParseTextProto(path, buffer.str(), &priors));
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
  CopySources sources_of;
  // Voices (outlets, or article ids of articles without one), interned.
  absl::flat_hash_map<std::string, int> voice_index;
  std::vector<std::string> voices;
  std::vector<VoiceCounts> counts;                          // by voice index
  std::vector<int> agreements;                              // by voice index
  std::vector<int> articles;                                // by voice index
  std::vector<std::vector<std::string>> copies_from;        // by voice index
  std::vector<std::pair<std::string, std::string>> groups;  // (kind, subject)
  std::vector<ConflictVote> conflicts;

  State(const Rules& r, CopySources sources) : rules(r), sources_of(std::move(sources)) {}

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

  // Adds one group's votes (of the group of `findings`), interning their
  // voices. Under `mu`.
  void Merge(GroupVotes votes, const std::vector<Finding>& findings) {
    for (const auto& [voice, n] : votes.counts) {
      VoiceCounts& total = counts[Intern(voice)];
      total.claims += n.claims;
      total.named += n.named;
      total.anonymous += n.anonymous;
    }
    for (const auto& [voice, n] : votes.agreements) agreements[Intern(voice)] += n;
    if (votes.conflicts.empty()) return;
    const int group_index = static_cast<int>(groups.size());
    groups.emplace_back(findings.front().kind(), findings.front().subject());
    for (NamedConflict& named : votes.conflicts) {
      ConflictVote vote;
      vote.finding_id = std::move(named.finding_id);
      vote.group = group_index;
      for (NamedSide& ns : named.sides) {
        SideVote side;
        side.key = std::move(ns.key);
        for (const auto& [voice, w] : ns.support) side.support.emplace_back(Intern(voice), w);
        vote.sides.push_back(std::move(side));
      }
      conflicts.push_back(std::move(vote));
    }
  }

  // Sets the lean of `c`'s finding, and adds what its losing sides' voices
  // lost to `losing` (by voice).
  void SetLean(const ScoredConflict& c, std::vector<std::vector<std::string>>* losing) const {
    const ConflictSide& best = BestSide(c);
    Lean* lean = c.finding->mutable_lean();
    lean->set_value(best.example->display_value());
    lean->set_support(best.p);
    std::vector<std::string> sides;
    for (const ConflictSide& s : c.sides) {
      const Supporters who = SupportersOf(s, voices);
      if (&s == &best) {
        for (const std::string& v : who.stated_by) lean->add_outlets(v);
      }
      sides.push_back(DescribeSide(s.example->display_value(), who.stated_by, who.compatible));
      if (!IsLost(s, c)) continue;
      const std::string lost = LostClaim(*c.finding, *s.example, *best.example);
      for (const std::string& v : who.stated_by) {
        std::vector<std::string>& list = (*losing)[voice_index.at(v)];
        if (std::find(list.begin(), list.end(), lost) == list.end()) list.push_back(lost);
      }
    }
    lean->set_explanation(LeanExplanation(lean->value(), best.p, best.label == 1, sides));
  }

  // The outlet table without scores, and which rows to list: every voice
  // with an article, a claim, an agreement, a lost claim, a disputed
  // account or a copy. Moves copies_from into it.
  std::vector<OutletScore> Table(const std::vector<std::vector<std::string>>& losing,
                                 const Report& report, std::vector<bool>* listed) {
    const int n_voices = static_cast<int>(voices.size());
    std::vector<OutletScore> table(n_voices);
    listed->assign(n_voices, false);
    for (int v = 0; v < n_voices; ++v) {
      table[v].set_outlet(voices[v]);
      table[v].set_claims(counts[v].claims);
      table[v].set_named_sources(counts[v].named);
      table[v].set_anonymous_sources(counts[v].anonymous);
      table[v].set_corroborated(agreements[v]);
      table[v].set_contradicted(static_cast<int>(losing[v].size()));
      table[v].set_articles(articles[v]);
      (*listed)[v] = counts[v].claims > 0 || agreements[v] > 0 || !losing[v].empty() ||
                     articles[v] > 0 || !copies_from[v].empty();
      for (std::string& source : copies_from[v]) table[v].add_copies_from(std::move(source));
    }
    for (const Finding& f : report.findings()) {
      if (f.verdict() != DISPUTED) continue;
      for (const Claim& c : f.claims()) {
        auto it = voice_index.find(VoiceOf(c));
        if (it == voice_index.end()) continue;  // (a claim AddGroup never saw)
        table[it->second].set_disputed(table[it->second].disputed() + 1);
        (*listed)[it->second] = true;
      }
    }
    return table;
  }
};

OutletScorer::OutletScorer(const Rules& rules, const std::vector<Copy>& copies)
    : state_(std::make_unique<State>(rules, SourcesOfCopies(copies))) {}

OutletScorer::~OutletScorer() = default;

void OutletScorer::AddGroup(const std::vector<Claim>& group, const std::vector<Finding>& findings) {
  AddGroup(ClaimGroup::Of(group), findings);
}

void OutletScorer::AddGroup(const ClaimGroup& group, const std::vector<Finding>& findings) {
  State& st = *state_;
  // Worked out without the lock, by voice name; merged under it.
  GroupVotes votes = CountGroupVotes(st.rules, st.sources_of, group, findings);
  absl::MutexLock lock(&st.mu);
  st.Merge(std::move(votes), findings);
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

namespace {

// Adds the report's articles, and its copies whose copier is one of them
// (a copy whose copier is not an article of the report counts for nobody).
void AddReportArticles(const Report& report, OutletScorer* scorer) {
  absl::flat_hash_map<std::string, std::optional<std::string>> outlet_of;
  for (const Copy& c : report.copies()) outlet_of.emplace(c.copier(), std::nullopt);
  for (const ArticleSummary& a : report.articles()) {
    scorer->AddArticle(a.id(), a.outlet());
    auto it = outlet_of.find(a.id());
    if (it != outlet_of.end()) it->second = a.outlet();
  }
  for (const Copy& c : report.copies()) {
    auto it = outlet_of.find(c.copier());
    if (it != outlet_of.end() && it->second.has_value()) {
      scorer->AddCopy(c.copier(), *it->second, c.source());
    }
  }
}

// Most reliable first; ties by name.
bool MoreReliable(const OutletScore& a, const OutletScore& b) {
  if (a.score() != b.score()) return a.score() > b.score();
  return a.outlet() < b.outlet();
}

}  // namespace

void OutletScorer::Finish(const OutletPriors& priors, Report* report) {
  AddReportArticles(*report, this);
  State& st = *state_;
  const int n_voices = static_cast<int>(st.voices.size());
  for (Finding& f : *report->mutable_findings()) f.clear_lean();
  ScoredConflicts scored =
      BuildConflicts(PlaceVotes(st.conflicts, st.groups, *report), st.voices, report);
  const VoicePriors prior = PriorsOf(priors, st.voice_index, n_voices);
  const TrustEstimate trust =
      IterateTrust(prior.score, st.agreements, scored.slot_voice, &scored.conflicts);

  std::vector<std::vector<std::string>> losing(n_voices);
  for (const ScoredConflict& c : scored.conflicts) st.SetLean(c, &losing);

  std::vector<bool> listed;
  std::vector<OutletScore> table = st.Table(losing, *report, &listed);
  report->clear_outlets();
  std::vector<OutletScore> scores;
  for (int v = 0; v < n_voices; ++v) {
    if (!listed[v]) continue;
    OutletScore& s = table[v];
    const double t = trust.trust[v];
    const double n = EffectiveEvidence(trust.evidence[v], s.articles());
    s.set_score(t);
    s.set_uncertainty(Uncertainty(t, n));
    s.set_prior(prior.score[v]);
    s.set_prior_supplied(prior.supplied[v]);
    for (std::string& reason : OutletReasons(s, trust.evidence[v], n, losing[v])) {
      s.add_reasons(std::move(reason));
    }
    scores.push_back(std::move(s));
  }
  std::sort(scores.begin(), scores.end(), MoreReliable);
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
