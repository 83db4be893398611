#include "checker/pipeline/compare_groups.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/base/verdict_order.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/compare.h"
#include "checker/pipeline/group_schedule.h"
#include "checker/pipeline/parallel_map.h"
#include "checker/pipeline/stored_lists.h"
#include "checker/score/reliability.h"
#include "checker/storage/delimited.h"
#include "checker/storage/release_memory.h"
#include "checker/storage/spill_store.h"
#include "checker/storage/stored_records.h"
#include "google/protobuf/util/delimited_message_util.h"

namespace crosscheck {
namespace {

// A group's claims, taken from value `v` of `store` (which it frees), as a
// ClaimGroup: one claim parsed at a time, the parts claims share held once.
absl::StatusOr<ClaimGroup> TakeGroup(SpillStore* store, int v) {
  ClaimGroup group;
  group.Reserve(static_cast<size_t>(store->appends(v)));
  RETURN_IF_ERROR(TakeEach<Claim>(store, v, [&](Claim& c) { group.Add(c); }));
  return group;
}

// Gives the claims of `findings` (their group index in sentence_span.begin,
// as GroupClaim::Whole gives them) their shown parts, from value `shown` of
// `store` (taken).
absl::Status RestoreShownParts(SpillStore* store, int shown, std::vector<Finding>* findings) {
  std::map<int32_t, std::vector<Claim*>> wanted;  // group index -> the claims
  for (Finding& f : *findings) {
    for (Claim& c : *f.mutable_claims()) wanted[c.sentence_span().begin()].push_back(&c);
  }
  SpillStore::Reader reader = store->Stream(shown);
  if (wanted.empty()) return absl::OkStatus();  // (dropping the reader frees the value)
  SpillInputStream input(&reader);
  auto next = wanted.begin();
  Claim parts;
  for (int32_t index = 0; next != wanted.end(); ++index) {
    bool clean_eof = false;
    parts.Clear();  // (parsing a delimited record merges)
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&parts, &input, &clean_eof)) {
      RETURN_IF_ERROR(reader.status());
      return absl::InternalError(
          "the shown parts of a group's claims the run stored are cut short");
    }
    if (index != next->first) continue;
    for (Claim* c : next->second) {
      c->set_quote(parts.quote());
      c->set_pattern_id(parts.pattern_id());
      if (parts.has_sentence_span()) {
        *c->mutable_sentence_span() = parts.sentence_span();
      } else {
        c->clear_sentence_span();
      }
    }
    ++next;
  }
  return reader.status();
}

// What comparing one group gave, until every group is compared.
struct GroupResult {
  // The group's findings wait in the store (serialized, delimited) until
  // all groups are done: in memory, those of the small groups compared
  // beside the largest took 70 MB at its peak (at 1 GB).
  int findings = -1;
  CompareStats stats;
};

// Compares the group whose claims and shown parts are `values` in `store`
// (taken from it): parsed, compared, scored with `scorer`, and freed; its
// findings, with their shown parts back, go to value `result->findings`.
absl::Status CompareGroup(const Comparer& comparer, OutletScorer* scorer, SpillStore* store,
                          const GroupValues& values, GroupResult* result) {
  ASSIGN_OR_RETURN(ClaimGroup group, TakeGroup(store, values.claims));
  std::vector<Finding> findings = comparer.Compare(group, {}, &result->stats);
  scorer->AddGroup(group, findings);
  group = ClaimGroup();
  RETURN_IF_ERROR(RestoreShownParts(store, values.shown, &findings));
  std::string bytes;
  for (const Finding& f : findings) AppendDelimited(f, &bytes);
  return store->Append(result->findings, bytes);
}

// Moves the findings of `result` (in the store) to `out`: all of them, or
// with `defer` those that weigh in the outlets' scores, the others left in
// the store (out->stored); counts them by verdict.
absl::Status CollectFindings(SpillStore* store, const GroupResult& result, bool defer,
                             GroupsCompared* out) {
  if (!defer) {
    ASSIGN_OR_RETURN(std::vector<Finding> parsed, TakeMessages<Finding>(store, result.findings));
    for (Finding& finding : parsed) {
      ++out->by_verdict[finding.verdict()];
      out->findings.push_back(std::move(finding));
    }
    return absl::OkStatus();
  }
  const int first_deferred = VerdictRank(UPDATE);
  Finding f;
  return ForEachStoredRecord(*store, result.findings, [&](int64_t at, absl::string_view bytes) {
    f.Clear();
    if (!f.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
      return absl::InternalError("a finding the run stored does not parse");
    }
    ++out->by_verdict[f.verdict()];
    const int rank = VerdictRank(f.verdict());
    if (rank < first_deferred || f.notable()) {  // a revision is listed with the conflicts
      out->findings.push_back(std::move(f));
    } else {
      out->stored.push_back({rank, f.kind(), f.subject(), f.id(), out->stored.size(),
                             result.findings, at, static_cast<uint32_t>(bytes.size())});
    }
    return absl::OkStatus();
  });
}

// The findings and counts of every group, from `results` (in group order),
// with their findings' bytes taken from `store` (see CollectFindings).
absl::StatusOr<GroupsCompared> GatherResults(SpillStore* store, std::vector<GroupResult>* results,
                                             bool defer) {
  GroupsCompared out;
  std::set<std::string> apart_reasons;
  for (GroupResult& r : *results) {
    RETURN_IF_ERROR(CollectFindings(store, r, defer, &out));
    out.comparisons += r.stats.comparisons;
    out.omitted += r.stats.omitted;
    out.truncated += r.stats.truncated_subjects;
    out.kept_apart.pairs += r.stats.kept_apart.pairs;
    for (std::string& e : r.stats.kept_apart.examples) {
      // One example per reason: the words in parentheses.
      const std::string reason = e.substr(std::min(e.rfind(" ("), e.size()));
      if (out.kept_apart.examples.size() < 5 && apart_reasons.insert(reason).second) {
        out.kept_apart.examples.push_back(std::move(e));
      }
    }
  }
  SortStoredFindings(&out.stored);
  return out;
}

}  // namespace

void MoveShownParts(Claim* claim, Claim* shown) {
  shown->Clear();
  shown->mutable_quote()->swap(*claim->mutable_quote());
  shown->mutable_pattern_id()->swap(*claim->mutable_pattern_id());
  if (claim->has_sentence_span())
    shown->set_allocated_sentence_span(claim->release_sentence_span());
}

absl::StatusOr<GroupsCompared> CompareGroups(
    const Comparer& comparer, OutletScorer* scorer, int threads, SpillStore* store,
    const std::map<std::pair<std::string, std::string>, GroupValues>& groups, bool defer) {
  constexpr size_t kParseBudget = size_t{48} << 20;
  constexpr size_t kSmallGroup = size_t{4} << 20;
  constexpr size_t kTrimAfter = size_t{32} << 20;
  std::vector<GroupValues> work;  // in group order
  std::vector<size_t> sizes;      // of their claims
  for (const auto& [key, values] : groups) {
    work.push_back(values);
    sizes.push_back(static_cast<size_t>(store->size(values.claims)));
  }
  std::vector<GroupResult> results(work.size());
  for (GroupResult& r : results) r.findings = store->NewValue();
  GroupSchedule schedule(std::move(sizes), kParseBudget, kSmallGroup);
  // One turn per group; each turn takes the group the schedule gives, and
  // writes its result (the only turn that writes it).
  RETURN_IF_ERROR(OrderedParallelFor<absl::Status>(
      threads, work.size(),
      [&](size_t) -> absl::Status {
        const std::optional<size_t> i = schedule.Take();
        if (!i.has_value()) return absl::OkStatus();
        if (absl::Status s = CompareGroup(comparer, scorer, store, work[*i], &results[*i]);
            !s.ok()) {
          schedule.Stop();
          schedule.Done(*i);
          return s;
        }
        if (schedule.size(*i) >= kTrimAfter) ReleaseFreeMemory();
        schedule.Done(*i);
        return absl::OkStatus();
      },
      [](size_t, absl::Status compared) { return compared; }));
  return GatherResults(store, &results, defer);
}

}  // namespace crosscheck
