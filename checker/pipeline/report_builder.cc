#include "checker/pipeline/report_builder.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/base/verdict_order.h"
#include "checker/compare/compare.h"
#include "checker/compare/copies.h"
#include "checker/events/event_grouping.h"
#include "checker/events/places.h"
#include "checker/ingest/ingest.h"
#include "checker/pipeline/compare_groups.h"
#include "checker/pipeline/id_registry.h"
#include "checker/pipeline/run_options.h"
#include "checker/pipeline/stored_lists.h"
#include "checker/review/ledger.h"
#include "checker/score/reliability.h"
#include "checker/storage/delimited.h"
#include "checker/storage/release_memory.h"
#include "checker/storage/spill_store.h"
#include "checker/storage/stored_records.h"
#include "proto/review.pb.h"

namespace crosscheck {
namespace {

// Where an article's summary waits in the store.
struct ArticleRef {
  std::string id;
  int64_t at = 0;  // the serialized summary's first byte in its value
  uint32_t length = 0;
  const std::string* outlet = nullptr;  // in State::outlets; null: none
};

// What the report lists of an article.
ArticleSummary SummaryOf(const ArticleClaims& ac) {
  const Article& a = ac.article();
  ArticleSummary s;
  s.set_id(a.id());
  s.set_outlet(a.outlet());
  s.set_published(a.published());
  s.set_title(a.title());
  s.set_path(a.path());
  s.set_claim_count(ac.claims_size());
  s.set_published_source(a.published_source());
  s.set_url(a.url());
  s.set_published_time(a.published_time());
  return s;
}

// Puts the findings of `compared` (sorted) in `report`, and what the
// comparison counted in its summary.
void AddComparison(GroupsCompared* compared, Report* report) {
  std::vector<Finding>& findings = compared->findings;
  SortFindings(&findings);
  for (Finding& f : findings) *report->add_findings() = std::move(f);
  ReportSummary* summary = report->mutable_summary();
  for (Verdict v : kVerdictsBySeverity) {
    Count* count = summary->add_findings_by_verdict();
    count->set_name(Verdict_Name(v));
    count->set_count(compared->by_verdict[v]);
  }
  summary->set_comparisons(compared->comparisons);
  summary->set_omitted_findings(compared->omitted);
  summary->set_truncated_subjects(compared->truncated);
  summary->set_kept_apart(compared->kept_apart.pairs);
  for (std::string& e : compared->kept_apart.examples) {
    summary->add_kept_apart_examples(std::move(e));
  }
}

// The reviews in `ledger` of the findings left in the store (`stored`,
// whose `review` each gets the index of its own in what is returned); a
// review of one of them is not stale (taken out of report->stale_reviews,
// which ApplyLedger filled).
std::vector<Review> ReviewStoredFindings(const Ledger& ledger, std::vector<StoredFinding>* stored,
                                         Report* report) {
  std::vector<Review> stored_reviews;
  if (stored->empty()) return stored_reviews;
  absl::flat_hash_map<absl::string_view, const Review*> review_of;
  for (const Review& r : ledger.reviews()) review_of.try_emplace(r.finding_id(), &r);
  absl::flat_hash_set<absl::string_view> stored_ids;
  for (StoredFinding& f : *stored) {
    stored_ids.insert(f.id);
    auto review = review_of.find(f.id);
    if (review != review_of.end()) {
      f.review = static_cast<int>(stored_reviews.size());
      stored_reviews.push_back(*review->second);
    }
  }
  auto* stale = report->mutable_stale_reviews();
  stale->erase(std::remove_if(stale->begin(), stale->end(),
                              [&](const Review& r) { return stored_ids.contains(r.finding_id()); }),
               stale->end());
  return stored_reviews;
}

// Parses every message `list` emits into a new element of `out`.
template <typename Message>
absl::Status ParseInto(
    absl::FunctionRef<absl::Status(absl::FunctionRef<absl::Status(absl::string_view)>)> list,
    google::protobuf::RepeatedPtrField<Message>* out, absl::string_view what) {
  return list([&](absl::string_view bytes) {
    return out->Add()->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))
               ? absl::OkStatus()
               : absl::InternalError(absl::StrCat(what, " the run stored does not parse"));
  });
}

}  // namespace

// What the builder keeps between articles, and the steps of Finish.
struct ReportBuilder::State {
  State(const Rules& r, const RunOptions& o)
      : rules(r),
        options(o),
        store(std::make_unique<SpillStore>(o.claims_memory, o.spill_dir)),
        copies(o.copies, store.get()),
        event_grouper(r.proto().events()) {}

  // Appends `c` to its (kind, subject) group, and what only the report
  // shows of it (moved out of it) to the group's shown parts; or, with
  // `shown` false, `c` alone (a claim taken back out of its group, whose
  // shown parts wait where they were).
  absl::Status AddToGroup(Claim* c, bool shown = true) {
    auto [it, inserted] = groups.try_emplace({c->kind(), c->subject()});
    if (inserted) it->second = {store->NewValue(), store->NewValue()};
    if (!shown) return AppendTo(it->second.claims, *c);
    MoveShownParts(c, &shown_parts);
    RETURN_IF_ERROR(AppendTo(it->second.claims, *c));
    return AppendTo(it->second.shown, shown_parts);
  }

  // Appends `m` to value `v` of the store, as a delimited record.
  absl::Status AppendTo(int v, const google::protobuf::MessageLite& m) {
    record.clear();
    AppendDelimited(m, &record);
    return store->Append(v, record);
  }

  // The steps of Finish, in its order.

  // The error when no article was added.
  absl::Status NoArticlesError() const {
    return absl::InvalidArgumentError(
        problems.empty() ? "no articles found in the given paths (expected .txt or .jsonl files)"
                         : absl::StrCat("no readable articles: ", problems.front().location(), ": ",
                                        problems.front().message()));
  }

  // What was added: articles, outlets, claims by kind.
  void SummarizeInput(ReportSummary* summary) const {
    summary->set_articles(static_cast<int>(article_count));
    summary->set_outlets(static_cast<int>(outlets.size()));
    summary->set_claims(static_cast<int>(claims));
    for (const auto& [kind, n] : claims_by_kind) {
      Count* count = summary->add_claims_by_kind();
      count->set_name(kind);
      count->set_count(n);
    }
  }

  // The copies among the articles; the copy detector is freed.
  absl::StatusOr<std::vector<Copy>> FindCopies() {
    // Give back what growing took: the copy detector's Bloom filter.
    copies.DoneAdding();
    ASSIGN_OR_RETURN(std::vector<Copy> found, copies.Find());
    copies = CopyDetector();  // frees the shingles
    ReleaseFreeMemory();
    return found;
  }

  // Relative deadlines count from orders reported anywhere in the corpus:
  // the kinds involved are parsed together, anchored, and stored back.
  absl::Status AnchorDeadlinesAcrossGroups() {
    std::set<std::string> involved;
    for (const CompiledKind& k : rules.kinds()) {
      if (k.kind->duration_anchor_kind().empty()) continue;
      involved.insert(k.kind->name());
      involved.insert(k.kind->duration_anchor_kind());
    }
    std::vector<Claim> anchored;
    for (const auto& [key, values] : groups) {
      if (!involved.count(key.first)) continue;
      ASSIGN_OR_RETURN(std::vector<Claim> claims, TakeMessages<Claim>(store.get(), values.claims));
      for (Claim& c : claims) anchored.push_back(std::move(c));
    }
    AnchorRelativeDeadlines(rules, &anchored);
    // Back to their groups, in the order they came out (and their shown
    // parts wait, in that order, where they were).
    for (Claim& c : anchored) RETURN_IF_ERROR(AddToGroup(&c, /*shown=*/false));
    return absl::OkStatus();
  }

  // The copies join the report after the comparison, and wait in the store:
  // returns their value (and frees them).
  absl::StatusOr<int> StoreCopies(std::vector<Copy> found) {
    const int value = store->NewValue();
    for (const Copy& c : found) RETURN_IF_ERROR(AppendTo(value, c));
    return value;
  }

  // One (kind, subject) group at a time, on every core: parsed, compared,
  // scored, and freed (CompareGroups); then the groups are gone.
  absl::StatusOr<GroupsCompared> CompareAll(const Comparer& comparer, OutletScorer* scorer,
                                            bool defer) {
    // What waits in memory goes to the file (if there is one) before the
    // groups are parsed.
    RETURN_IF_ERROR(store->Flush());
    ASSIGN_OR_RETURN(
        GroupsCompared compared,
        CompareGroups(comparer, scorer, ThreadCount(options.jobs), store.get(), groups, defer));
    groups.clear();
    return compared;
  }

  // The articles in id order (and so they are written), each where its
  // summary waits in the store, with its outlet.
  absl::StatusOr<std::vector<ArticleRef>> ArticlesInIdOrder() const {
    std::vector<ArticleRef> refs;
    refs.reserve(static_cast<size_t>(article_count));
    ArticleSummary summary;
    RETURN_IF_ERROR(ForEachStoredRecord(*store, articles, [&](int64_t at, absl::string_view bytes) {
      if (!summary.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return absl::InternalError("an article summary the run stored does not parse");
      }
      refs.push_back({summary.id(), at, static_cast<uint32_t>(bytes.size()),
                      summary.outlet().empty() ? nullptr : &*outlets.find(summary.outlet())});
      return absl::OkStatus();
    }));
    std::sort(refs.begin(), refs.end(),
              [](const ArticleRef& a, const ArticleRef& b) { return a.id < b.id; });
    return refs;
  }

  // The articles, with their outlets, and the copies (read back from the
  // store now: they were not needed while comparing) count for the
  // outlets' scores.
  absl::Status ScoreArticlesAndCopies(const std::vector<ArticleRef>& refs, int copies_value,
                                      OutletScorer* scorer) const {
    for (const ArticleRef& a : refs) scorer->AddArticle(a.id, a.outlet != nullptr ? *a.outlet : "");
    Copy c;
    return ForEachStoredRecord(*store, copies_value, [&](int64_t, absl::string_view bytes) {
      if (!c.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return absl::InternalError("a copy the run stored does not parse");
      }
      auto it =
          std::lower_bound(refs.begin(), refs.end(), c.copier(),
                           [](const ArticleRef& a, const std::string& id) { return a.id < id; });
      if (it != refs.end() && it->id == c.copier()) {
        scorer->AddCopy(c.copier(), it->outlet != nullptr ? *it->outlet : "", c.source());
      }
      return absl::OkStatus();
    });
  }

  // The articles (`refs`, freed first) and the copies are left in the store
  // until the report is written (*lists, with the `stored` findings and
  // their reviews), or, without `lists`, put in `report` now.
  absl::Status HandOverLists(std::vector<ArticleRef> refs, int copies_value,
                             std::vector<StoredFinding> stored, std::vector<Review> reviews,
                             std::unique_ptr<ReportLists>* lists, Report* report) {
    std::vector<std::pair<int64_t, uint32_t>> article_places;
    std::vector<std::string> article_events;
    article_places.reserve(refs.size());
    article_events.reserve(refs.size());
    for (const ArticleRef& a : refs) {
      article_places.emplace_back(a.at, a.length);
      auto event = events.event_of.find(a.id);
      article_events.push_back(event == events.event_of.end() ? std::string()
                                                              : events.events[event->second].id());
    }
    std::vector<ArticleRef>().swap(refs);
    events.event_of.clear();
    for (Event& e : events.events) *report->add_events() = std::move(e);
    events.events.clear();
    auto stored_lists =
        std::make_unique<StoredLists>(std::move(store), std::move(article_places), articles,
                                      copies_value, std::move(stored), std::move(reviews));
    stored_lists->set_article_events(std::move(article_events));
    if (lists != nullptr) {
      *lists = std::move(stored_lists);
      return absl::OkStatus();
    }
    report->mutable_articles()->Reserve(static_cast<int>(article_count));
    RETURN_IF_ERROR(
        ParseInto<ArticleSummary>([&](auto emit) { return stored_lists->Articles(emit); },
                                  report->mutable_articles(), "an article summary"));
    return ParseInto<Copy>([&](auto emit) { return stored_lists->Copies(emit); },
                           report->mutable_copies(), "a copy");
  }

  const Rules& rules;
  const RunOptions& options;
  // Claims serialized (delimited), by (kind, subject): a parsed Claim holds
  // three times its serialized size in small allocations, and comparison
  // needs one group at a time. The values are in `store`, which keeps what
  // does not fit options.claims_memory in a temporary file.
  std::map<std::pair<std::string, std::string>, GroupValues> groups;
  std::unique_ptr<SpillStore> store;
  std::string record;  // one message's bytes on their way to the store
  Claim shown_parts;   // one claim's, on their way to the store
  int64_t claims = 0;
  std::map<std::string, int> claims_by_kind;
  int uncompared = 0;
  PlaceHierarchy places;
  // The articles' summaries (delimited), in `store` until the report is
  // assembled: the comparison does not need them.
  int articles = -1;
  int64_t article_count = 0;
  std::set<std::string> outlets;
  std::vector<Problem> problems;
  CopyDetector copies;
  IdRegistry ids;
  int64_t bytes = 0;
  EventGrouper event_grouper;
  EventGrouping events;
};

ReportBuilder::ReportBuilder(const Rules& rules, const RunOptions& options)
    : state_(std::make_unique<State>(rules, options)) {}

ReportBuilder::~ReportBuilder() = default;

absl::Status ReportBuilder::Add(ArticleClaims ac) {
  State& st = *state_;
  const Article& a = ac.article();
  if (absl::Status dup = st.ids.Register(a.id(), a.path()); !dup.ok()) {
    if (st.options.strict) return dup;
    st.problems.push_back(ProblemOf(dup));
    return absl::OkStatus();
  }
  if (!a.outlet().empty()) st.outlets.insert(a.outlet());
  if (st.articles < 0) st.articles = st.store->NewValue();
  RETURN_IF_ERROR(st.AppendTo(st.articles, SummaryOf(ac)));
  ++st.article_count;
  st.copies.Add(a.id(), a.published(), ac.copy_fingerprint());
  st.event_grouper.Add(a.id(), a.published(), ac.event_terms());
  st.bytes += ac.text_bytes();
  for (Claim& c : *ac.mutable_claims()) {
    ++st.claims;
    ++st.claims_by_kind[c.kind()];
    if (c.published().empty()) ++st.uncompared;
    st.places.Add(c.place());
    RETURN_IF_ERROR(st.AddToGroup(&c));
  }
  if (st.options.progress) {
    st.options.progress(static_cast<int>(st.article_count), static_cast<int>(st.claims), st.bytes);
  }
  return absl::OkStatus();
}

void ReportBuilder::AddProblem(Problem problem) { state_->problems.push_back(std::move(problem)); }

absl::StatusOr<Report> ReportBuilder::Finish(std::unique_ptr<ReportLists>* lists) {
  State& st = *state_;
  const RunOptions& options = st.options;
  if (st.article_count == 0) return st.NoArticlesError();
  st.ids = IdRegistry();  // (only adding needs it)
  Report report;
  ReportSummary* summary = report.mutable_summary();
  st.SummarizeInput(summary);
  if (options.times != nullptr) options.times->text_bytes = st.bytes;

  auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::vector<Copy> copies, st.FindCopies());
  if (options.times != nullptr) options.times->copies = SecondsSince(start);

  // Events before comparing: claims of different events are never compared.
  st.events = st.event_grouper.Group();
  ReleaseFreeMemory();

  start = std::chrono::steady_clock::now();
  RETURN_IF_ERROR(st.AnchorDeadlinesAcrossGroups());
  Comparer comparer(st.rules);
  comparer.set_compare_undated(options.compare_undated);
  comparer.set_places(&st.places);
  comparer.set_copies(copies);
  comparer.set_events(&st.events.event_of);
  if (!options.compare_undated) summary->set_uncompared_claims(st.uncompared);
  OutletScorer scorer(st.rules, copies);
  ASSIGN_OR_RETURN(const int copies_value, st.StoreCopies(std::move(copies)));
  ASSIGN_OR_RETURN(GroupsCompared compared,
                   st.CompareAll(comparer, &scorer, /*defer=*/lists != nullptr));
  AddComparison(&compared, &report);
  for (Problem& p : st.problems) *report.add_problems() = std::move(p);
  if (options.times != nullptr) options.times->compare = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::vector<ArticleRef> article_refs, st.ArticlesInIdOrder());
  RETURN_IF_ERROR(st.ScoreArticlesAndCopies(article_refs, copies_value, &scorer));
  ApplyLedger(options.ledger, &report);
  std::vector<Review> stored_reviews =
      ReviewStoredFindings(options.ledger, &compared.stored, &report);
  scorer.Finish(options.priors, &report);  // (the articles and copies were added)
  RETURN_IF_ERROR(st.HandOverLists(std::move(article_refs), copies_value,
                                   std::move(compared.stored), std::move(stored_reviews), lists,
                                   &report));
  if (options.times != nullptr) options.times->reliability = SecondsSince(start);
  return report;
}

}  // namespace crosscheck
