#include "checker/score/scoring.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "checker/base/value_key.h"

namespace crosscheck {
namespace {

// (voice name, kind, subject, value key): one piece of evidence.
using SlotKey = std::tuple<std::string, std::string, std::string, std::string>;

// The sides of `vote` with a claim of their value in `f`.
std::vector<ConflictSide> SidesIn(const ConflictVote& vote, const Finding& f) {
  std::vector<ConflictSide> sides;
  for (const SideVote& sv : vote.sides) {
    ConflictSide side;
    side.vote = &sv;
    for (const Claim& c : f.claims()) {
      if (ValueKey(c) == sv.key) {
        side.example = &c;
        break;
      }
    }
    if (side.example == nullptr) continue;  // not this finding after all
    sides.push_back(side);
  }
  return sides;
}

// Labels the sides of a finding a reviewer chose an article of: 1 for the
// side of its claims, 0 for the others.
void ApplyReview(const Finding& f, std::vector<ConflictSide>* sides) {
  if (!f.has_review() || f.review().correct_article_id().empty()) return;
  for (ConflictSide& side : *sides) {
    side.label = 0;
    for (const Claim& c : f.claims()) {
      if (ValueKey(c) == side.vote->key && c.article_id() == f.review().correct_article_id()) {
        side.label = 1;
      }
    }
  }
}

SlotKey SlotOf(const std::vector<std::string>& voices, int voice, const Finding& f,
               const SideVote& side) {
  return SlotKey{voices[voice], f.kind(), f.subject(), side.key};
}

// Numbers the evidence slots: one per (voice, kind, subject, value) a
// conflict's side states, however many conflicts it appears in (Sunday
// against three Saturdays), in that order, so that each voice's evidence
// adds up in one fixed order. Fills each side's slots.
std::vector<int> NumberSlots(const std::vector<std::string>& voices,
                             std::vector<ScoredConflict>* conflicts) {
  std::map<SlotKey, int> slot_of;  // the voice first, then the slot
  for (const ScoredConflict& c : *conflicts) {
    if (c.finding->verdict() == DISPUTED) continue;
    for (const ConflictSide& side : c.sides) {
      for (const auto& [voice, w] : side.vote->support) {
        if (w < 1) continue;
        slot_of.emplace(SlotOf(voices, voice, *c.finding, *side.vote), voice);
      }
    }
  }
  std::vector<int> slot_voice;
  for (auto& [key, slot] : slot_of) {
    slot_voice.push_back(slot);
    slot = static_cast<int>(slot_voice.size()) - 1;
  }
  for (ScoredConflict& c : *conflicts) {
    if (c.finding->verdict() == DISPUTED) continue;
    for (ConflictSide& side : c.sides) {
      for (const auto& [voice, w] : side.vote->support) {
        side.slots.push_back(w < 1 ? -1
                                   : slot_of.at(SlotOf(voices, voice, *c.finding, *side.vote)));
      }
    }
  }
  return slot_voice;
}

// Each side's probability under `trust`: its trust-weighted support over
// all sides', or its reviewer's label.
void WeighSides(const std::vector<double>& trust, ScoredConflict* c) {
  double total = 0;
  for (ConflictSide& s : c->sides) {
    s.p = 0;
    for (const auto& [voice, w] : s.vote->support) s.p += trust[voice] * w;
    total += s.p;
  }
  for (ConflictSide& s : c->sides) {
    s.p = s.label >= 0 ? s.label : total > 0 ? s.p / total : 1.0 / c->sides.size();
  }
}

}  // namespace

std::vector<PlacedVote> PlaceVotes(const std::vector<ConflictVote>& votes,
                                   const std::vector<std::pair<std::string, std::string>>& groups,
                                   const Report& report) {
  absl::flat_hash_map<std::string, std::vector<int>> finding_of_id;
  for (int i = 0; i < report.findings_size(); ++i) {
    finding_of_id[report.findings(i).id()].push_back(i);
  }
  std::vector<PlacedVote> placed;
  for (const ConflictVote& vote : votes) {
    auto it = finding_of_id.find(vote.finding_id);
    if (it == finding_of_id.end()) continue;
    for (int i : it->second) {
      const Finding& f = report.findings(i);
      if (f.kind() == groups[vote.group].first && f.subject() == groups[vote.group].second) {
        placed.push_back({i, &vote});
        break;
      }
    }
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const PlacedVote& a, const PlacedVote& b) { return a.finding < b.finding; });
  return placed;
}

ScoredConflicts BuildConflicts(const std::vector<PlacedVote>& placed,
                               const std::vector<std::string>& voices, Report* report) {
  ScoredConflicts scored;
  for (const PlacedVote& p : placed) {
    Finding* f = report->mutable_findings(p.finding);
    if (f->has_review() && f->review().decision() == DECISION_DISMISSED) continue;
    ScoredConflict conflict;
    conflict.finding = f;
    conflict.sides = SidesIn(*p.vote, *f);
    if (conflict.sides.size() < 2) continue;
    ApplyReview(*f, &conflict.sides);
    scored.conflicts.push_back(std::move(conflict));
  }
  scored.slot_voice = NumberSlots(voices, &scored.conflicts);
  return scored;
}

VoicePriors PriorsOf(const OutletPriors& priors,
                     const absl::flat_hash_map<std::string, int>& voice_index, int n_voices) {
  VoicePriors prior;
  prior.score.assign(n_voices, kDefaultPrior);
  prior.supplied.assign(n_voices, false);
  for (const OutletPrior& p : priors.priors()) {
    auto it = voice_index.find(p.outlet());
    if (it != voice_index.end()) {
      prior.score[it->second] = p.score();
      prior.supplied[it->second] = true;
    }
  }
  return prior;
}

TrustEstimate IterateTrust(const std::vector<double>& prior, const std::vector<int>& agreements,
                           const std::vector<int>& slot_voice,
                           std::vector<ScoredConflict>* conflicts) {
  const size_t n_voices = prior.size();
  TrustEstimate estimate;
  estimate.trust = prior;
  std::vector<double>& trust = estimate.trust;
  std::vector<double> evidence_sum(n_voices), evidence_n(n_voices);
  std::vector<std::pair<double, int>> stated(slot_voice.size());  // (sum of p, conflicts)
  for (int iteration = 0; iteration < kTrustIterations; ++iteration) {
    std::fill(evidence_sum.begin(), evidence_sum.end(), 0.0);
    std::fill(evidence_n.begin(), evidence_n.end(), 0.0);
    std::fill(stated.begin(), stated.end(), std::make_pair(0.0, 0));
    for (ScoredConflict& c : *conflicts) {
      WeighSides(trust, &c);
      for (const ConflictSide& s : c.sides) {
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
    for (size_t v = 0; v < n_voices; ++v) {
      evidence_sum[v] += agreements[v];
      evidence_n[v] += agreements[v];
      trust[v] = (kPriorStrength * prior[v] + evidence_sum[v]) / (kPriorStrength + evidence_n[v]);
    }
  }
  estimate.evidence = std::move(evidence_n);
  return estimate;
}

const ConflictSide& BestSide(const ScoredConflict& c) {
  const ConflictSide* best = nullptr;
  for (const ConflictSide& s : c.sides) {
    if (best == nullptr || s.p > best->p) best = &s;
  }
  return *best;
}

bool IsLost(const ConflictSide& side, const ScoredConflict& c) {
  return side.p < 0.45 && c.finding->verdict() != DISPUTED;
}

Supporters SupportersOf(const ConflictSide& side, const std::vector<std::string>& voices) {
  // By name, as the report shows them.
  std::vector<std::pair<std::string, double>> support;
  for (const auto& [voice, w] : side.vote->support) support.emplace_back(voices[voice], w);
  std::sort(support.begin(), support.end());
  Supporters who;
  for (const auto& [voice, w] : support) (w == 1 ? who.stated_by : who.compatible).push_back(voice);
  return who;
}

double EffectiveEvidence(double evidence, int articles) {
  return std::min(evidence, 3.0 * std::max(1, articles));
}

double Uncertainty(double trust, double effective_evidence) {
  return std::sqrt(trust * (1 - trust) / (kPriorStrength + effective_evidence + 1));
}

}  // namespace crosscheck
