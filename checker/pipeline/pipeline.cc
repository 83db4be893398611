#include "checker/pipeline/pipeline.h"

#include <fcntl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "checker/base/status_macros.h"
#include "checker/base/verdict_order.h"
#include "checker/compare/claim_group.h"
#include "checker/compare/compare.h"
#include "checker/compare/copies.h"
#include "checker/events/places.h"
#include "checker/extract/extract.h"
#include "checker/ingest/ingest.h"
#include "checker/ingest/segment.h"
#include "checker/pipeline/group_schedule.h"
#include "checker/pipeline/parallel_map.h"
#include "checker/review/ledger.h"
#include "checker/score/reliability.h"
#include "checker/storage/delimited.h"
#include "checker/storage/release_memory.h"
#include "checker/storage/report_lists.h"
#include "checker/storage/spill_store.h"
#include "checker/storage/stored_records.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/util/delimited_message_util.h"

namespace crosscheck {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Threads(int jobs) {
  if (jobs > 0) return jobs;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// The bytes of the regular files among `paths` and under its directories
// (what cannot be read counts 0: reading reports it), counted up to `enough`.
int64_t InputBytes(const std::vector<std::string>& paths, int64_t enough) {
  namespace fs = std::filesystem;
  int64_t bytes = 0;
  std::error_code error;
  for (const std::string& path : paths) {
    if (fs::is_regular_file(path, error)) {
      const auto size = fs::file_size(path, error);
      if (!error) bytes += static_cast<int64_t>(size);
    } else if (fs::is_directory(path, error)) {
      for (fs::recursive_directory_iterator it(path, error), end;
           !error && it != end && bytes < enough; it.increment(error)) {
        if (!it->is_regular_file(error)) continue;
        const auto size = it->file_size(error);
        if (!error) bytes += static_cast<int64_t>(size);
      }
    }
    if (bytes >= enough) break;
  }
  return bytes;
}

// Checks ids for duplicates across the whole input. Each id and the path
// it came from are kept once, packed in large blocks (about 100 bytes an
// article; a map of strings took 300).
class IdRegistry {
 public:
  // An error naming both sources when `id` was seen before.
  absl::Status Register(absl::string_view id, absl::string_view path) {
    auto it = seen_.find(id);
    if (it == seen_.end()) {
      seen_.insert(Pack(id, path));
      return absl::OkStatus();
    }
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": duplicate article id '", id, "' (also ", PathOf(*it),
                     "); ids must be unique: rename the file or fix the \"id\""));
  }

  static constexpr size_t kBlock = size_t{1} << 20;

 private:
  // The header packed before an id.
  struct Header {
    uint32_t file = 0;  // 1 + index into files_ of the path's file, or 0
    uint32_t rest = 0;  // the length of the rest of the path
  };

  // Copies [header][id][path, or the part after its file] into a block;
  // returns the id's copy. A JSONL record's path is its file's, a colon and
  // its line: the file's path is kept once (at 1 GB, 20 MB less).
  absl::string_view Pack(absl::string_view id, absl::string_view path) {
    Header header;
    const size_t colon = path.rfind(':');
    if (colon != absl::string_view::npos && colon + 1 < path.size() &&
        std::all_of(path.begin() + colon + 1, path.end(), absl::ascii_isdigit)) {
      const absl::string_view file = path.substr(0, colon);
      if (files_.empty() || files_[last_file_] != file) {  // (mostly the last one's)
        auto [it, added] = file_index_.try_emplace(std::string(file), files_.size());
        if (added) files_.emplace_back(file);
        last_file_ = it->second;
      }
      header.file = static_cast<uint32_t>(last_file_) + 1;
      path = path.substr(colon);
    }
    header.rest = static_cast<uint32_t>(path.size());
    const size_t size = sizeof(Header) + id.size() + path.size();
    if (blocks_.empty() || used_ + size > block_size_) {
      block_size_ = std::max(kBlock, size);
      blocks_.push_back(std::make_unique<char[]>(block_size_));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    used_ += size;
    std::memcpy(at, &header, sizeof(header));
    std::memcpy(at + sizeof(header), id.data(), id.size());
    std::memcpy(at + sizeof(header) + id.size(), path.data(), path.size());
    return absl::string_view(at + sizeof(header), id.size());
  }

  // The path packed after `id` (a view Pack returned).
  std::string PathOf(absl::string_view id) const {
    Header header;
    std::memcpy(&header, id.data() - sizeof(header), sizeof(header));
    const absl::string_view rest(id.data() + id.size(), header.rest);
    if (header.file == 0) return std::string(rest);
    return absl::StrCat(files_[header.file - 1], rest);
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_size_ = 0;                        // of the last block
  size_t used_ = 0;                              // of the last block
  absl::flat_hash_set<absl::string_view> seen_;  // views into blocks_
  std::vector<std::string> files_;
  absl::flat_hash_map<std::string, size_t> file_index_;
  size_t last_file_ = 0;  // of the last path packed with a file
};

// Where an article's summary waits in the store.
struct ArticleRef {
  std::string id;
  int64_t at = 0;  // the serialized summary's first byte in its value
  uint32_t length = 0;
  const std::string* outlet = nullptr;  // in State::outlets; null: none
};

// A finding that waits in the store until the report is written: where its
// bytes are, and what orders it (SortFindings' keys: verdict, kind, subject
// and id, then its place among the findings).
struct StoredFinding {
  int rank = 0;
  std::string kind;
  std::string subject;
  std::string id;
  size_t sequence = 0;
  int value = 0;
  int64_t at = 0;
  uint32_t length = 0;
  int review = -1;  // index into the reviews that go with them, or none
};

// A report's articles (in id order) and copies, read from the run's store
// as they are written.
class StoredLists : public ReportLists {
 public:
  // `articles`: (where, length) of each article's summary in value
  // `articles_value`, in the report's order.
  // `findings`: those left in the store, in the report's order, with
  // `reviews` (their Review indexes into it).
  StoredLists(std::unique_ptr<SpillStore> store, std::vector<std::pair<int64_t, uint32_t>> articles,
              int articles_value, int copies_value, std::vector<StoredFinding> findings,
              std::vector<Review> reviews)
      : store_(std::move(store)),
        articles_(std::move(articles)),
        articles_value_(articles_value),
        copies_value_(copies_value),
        findings_(std::move(findings)),
        reviews_(std::move(reviews)) {}

  absl::Status Findings(absl::FunctionRef<absl::Status(absl::string_view)> emit) override {
    Finding reviewed;
    for (const StoredFinding& f : findings_) {
      absl::StatusOr<std::string> bytes = store_->Read(f.value, f.at, f.length);
      if (!bytes.ok()) return bytes.status();
      if (f.review >= 0) {
        reviewed.Clear();
        if (!reviewed.ParseFromString(*bytes)) {
          return absl::InternalError("a finding the run stored does not parse");
        }
        *reviewed.mutable_review() = reviews_[static_cast<size_t>(f.review)];
        *bytes = reviewed.SerializeAsString();
      }
      if (absl::Status s = emit(*bytes); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

  absl::Status Articles(absl::FunctionRef<absl::Status(absl::string_view)> emit) override {
    for (const auto& [at, length] : articles_) {
      absl::StatusOr<std::string> bytes = store_->Read(articles_value_, at, length);
      if (!bytes.ok()) return bytes.status();
      if (absl::Status s = emit(*bytes); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

  absl::Status Copies(absl::FunctionRef<absl::Status(absl::string_view)> emit) override {
    return ForEachStoredRecord(*store_, copies_value_,
                               [&](int64_t, absl::string_view bytes) { return emit(bytes); });
  }

 private:
  std::unique_ptr<SpillStore> store_;
  std::vector<std::pair<int64_t, uint32_t>> articles_;
  int articles_value_;
  int copies_value_;
  std::vector<StoredFinding> findings_;
  std::vector<Review> reviews_;
};

// Where a (kind, subject) group waits in the store: its claims without
// what only the report shows (the sentence quoted, the pattern's id, the
// sentence's span: 40% of a claim's bytes, and half its parsed size once
// the sentence is long), and those parts apart, claim by claim in the same
// order, read back only for the claims of findings.
struct GroupValues {
  int claims = 0;
  int shown = 0;
};

// Moves what only the report shows out of `claim` into `shown`.
void MoveShownParts(Claim* claim, Claim* shown) {
  shown->Clear();
  shown->mutable_quote()->swap(*claim->mutable_quote());
  shown->mutable_pattern_id()->swap(*claim->mutable_pattern_id());
  if (claim->has_sentence_span())
    shown->set_allocated_sentence_span(claim->release_sentence_span());
}

// A group's claims, taken from value `v` of `store` (which it frees), as a
// ClaimGroup: one claim parsed at a time, the parts claims share held once.
absl::StatusOr<ClaimGroup> TakeGroup(SpillStore* store, int v) {
  ClaimGroup group;
  group.Reserve(static_cast<size_t>(store->appends(v)));
  absl::Status taken = TakeEach<Claim>(store, v, [&](Claim& c) { group.Add(c); });
  if (!taken.ok()) return taken;
  return group;
}

// Gives the claims of `findings` (their group index in sentence_span.begin,
// as GroupClaim::Whole gives them) their shown
// parts, from value `shown` of `store` (taken).
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
      if (!reader.status().ok()) return reader.status();
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

// What comparing every (kind, subject) group gives.
struct GroupsCompared {
  // The findings the report holds: with `defer`, only those of the verdicts
  // that weigh in the outlets' scores (CONTRADICTION, DISPUTED,
  // DISCREPANCY); in group order.
  std::vector<Finding> findings;
  // With `defer`, the others (UPDATE, AGREEMENT: nine in ten at 1 GB), in
  // the report's order (they all sort after those of `findings`).
  std::vector<StoredFinding> stored;
  std::map<Verdict, int> by_verdict;  // of both
  int64_t comparisons = 0;
  int64_t omitted = 0;
  int truncated = 0;
  KeptApart kept_apart;
};

// What comparing one group gave, until every group is compared.
struct GroupResult {
  // The group's findings wait in the store (serialized, delimited) until
  // all groups are done: in memory, those of the small groups compared
  // beside the largest took 70 MB at its peak (at 1 GB).
  int findings = -1;
  int64_t comparisons = 0;
  int64_t omitted = 0;
  int truncated = 0;
  KeptApart kept_apart;
};

// Compares the group whose claims and shown parts are `values` in `store`
// (taken from it): parsed, compared, scored with `scorer`, and freed; its
// findings, with their shown parts back, go to value `result->findings`.
absl::Status CompareGroup(const Comparer& comparer, OutletScorer* scorer, SpillStore* store,
                          const GroupValues& values, GroupResult* result) {
  ASSIGN_OR_RETURN(ClaimGroup group, TakeGroup(store, values.claims));
  std::vector<Finding> findings = comparer.Compare(
      group, {}, &result->comparisons, &result->omitted, &result->kept_apart, &result->truncated);
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
    if (rank < first_deferred) {
      out->findings.push_back(std::move(f));
    } else {
      out->stored.push_back({rank, f.kind(), f.subject(), f.id(), out->stored.size(),
                             result.findings, at, static_cast<uint32_t>(bytes.size())});
    }
    return absl::OkStatus();
  });
}

// Compares the groups (serialized claims in `store`, taken from it as they
// are parsed) on `threads` threads and scores each with `scorer`. The result
// is the same for any number of threads. Fails only when the store cannot
// read a group back. With `defer`, the findings that do not weigh in the
// outlets' scores stay in the store (GroupsCompared::stored).
//
// The groups are taken in the order GroupSchedule gives (largest first,
// within a parse budget). What a large group leaves behind in freed small
// allocations is handed back to the system at once (ReleaseFreeMemory), not
// left for the next.
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
  GroupsCompared out;
  std::set<std::string> apart_reasons;
  for (GroupResult& r : results) {
    RETURN_IF_ERROR(CollectFindings(store, r, defer, &out));
    out.comparisons += r.comparisons;
    out.omitted += r.omitted;
    out.truncated += r.truncated;
    out.kept_apart.pairs += r.kept_apart.pairs;
    for (std::string& e : r.kept_apart.examples) {
      // One example per reason: the words in parentheses.
      const std::string reason = e.substr(std::min(e.rfind(" ("), e.size()));
      if (out.kept_apart.examples.size() < 5 && apart_reasons.insert(reason).second) {
        out.kept_apart.examples.push_back(std::move(e));
      }
    }
  }
  std::sort(out.stored.begin(), out.stored.end(),
            [](const StoredFinding& a, const StoredFinding& b) {
              return std::tie(a.rank, a.kind, a.subject, a.id, a.sequence) <
                     std::tie(b.rank, b.kind, b.subject, b.id, b.sequence);
            });
  return out;
}

}  // namespace

namespace {

// One article of the input, read, parsed, segmented and extracted, with its
// copy fingerprint and text size; or why it could not be read.
absl::StatusOr<ArticleClaims> ExtractArticle(const ArticleReader& reader,
                                             const Segmenter& segmenter, const Extractor& extractor,
                                             const CopyOptions& copy_options,
                                             const RawArticle& raw) {
  ASSIGN_OR_RETURN(Article article, reader.Parse(raw));
  const int64_t bytes = static_cast<int64_t>(article.text().size());
  Document doc = segmenter.Segment(std::move(article));
  ArticleClaims claims = extractor.Extract(doc);
  *claims.mutable_copy_fingerprint() = FingerprintForCopies(doc, copy_options);
  claims.set_text_bytes(bytes);
  return claims;
}

}  // namespace

absl::Status ExtractClaims(const Rules& rules, const std::vector<std::string>& paths,
                           const RunOptions& options, std::vector<Problem>* problems,
                           absl::FunctionRef<absl::Status(ArticleClaims)> sink, bool check_ids) {
  // A large input is extracted with patterns of its own, whose automaton
  // caches go when extraction ends (RunOptions.own_patterns_from).
  std::unique_ptr<Rules> own;
  if (InputBytes(paths, options.own_patterns_from) >= options.own_patterns_from) {
    ASSIGN_OR_RETURN(own, rules.Recompiled());
  }
  const Rules& extraction_rules = own != nullptr ? *own : rules;
  const ArticleReader reader(extraction_rules);
  const Segmenter segmenter(extraction_rules);
  const Extractor extractor(extraction_rules);
  const int shards = std::max(1, options.shard_count);
  ParallelMapOptions parallel;
  parallel.threads = Threads(options.jobs);
  // Articles read but not yet handed on: bounds memory however slow the
  // sink or fast the reader.
  parallel.max_in_flight = 64 * parallel.threads;
  // Articles are handed to the threads a few at a time: one wake-up per
  // article for every thread costs more than the work on a short article.
  parallel.batch = 4;
  IdRegistry ids;
  return OrderedParallelMap<RawArticle, absl::StatusOr<ArticleClaims>>(
      parallel,
      [&](absl::FunctionRef<absl::Status(RawArticle)> emit) {
        int64_t position = 0;
        return reader.ReadRaw(paths, [&](RawArticle raw) -> absl::Status {
          // A file that cannot be read is reported by every shard.
          if (raw.error.ok() && position++ % shards != options.shard_index) {
            return absl::OkStatus();
          }
          return emit(std::move(raw));
        });
      },
      [&](RawArticle& raw) {
        return ExtractArticle(reader, segmenter, extractor, options.copies, raw);
      },
      // In input order: a duplicate id is bad input, as is an article that
      // could not be read.
      [&](absl::StatusOr<ArticleClaims> result) -> absl::Status {
        if (result.ok() && check_ids) {
          const Article& a = result->article();
          if (absl::Status dup = ids.Register(a.id(), a.path()); !dup.ok()) result = dup;
        }
        if (result.ok()) return sink(std::move(*result));
        if (options.strict) return result.status();
        problems->push_back(ProblemOf(result.status()));
        return absl::OkStatus();
      });
}

struct ReportBuilder::State {
  State(const Rules& r, const RunOptions& o)
      : rules(r),
        options(o),
        store(std::make_unique<SpillStore>(o.claims_memory, o.spill_dir)),
        copies(o.copies, store.get()) {}

  // Appends `c` to its (kind, subject) group, and what only the report
  // shows of it (moved out of it) to the group's shown parts; or, with
  // `shown` false, `c` alone (a claim taken back out of its group, whose
  // shown parts wait where they were).
  absl::Status AddToGroup(Claim* c, bool shown = true) {
    auto [it, inserted] = groups.try_emplace({c->kind(), c->subject()});
    if (inserted) it->second = {store->NewValue(), store->NewValue()};
    if (!shown) return AppendTo(it->second.claims, *c);
    MoveShownParts(c, &shown_parts);
    if (absl::Status s = AppendTo(it->second.claims, *c); !s.ok()) return s;
    return AppendTo(it->second.shown, shown_parts);
  }

  // Appends `m` to value `v` of the store, as a delimited record.
  absl::Status AppendTo(int v, const google::protobuf::MessageLite& m) {
    record.clear();
    AppendDelimited(m, &record);
    return store->Append(v, record);
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
  ArticleSummary s;
  s.set_id(a.id());
  if (!a.outlet().empty()) st.outlets.insert(a.outlet());
  s.set_outlet(a.outlet());
  s.set_published(a.published());
  s.set_title(a.title());
  s.set_path(a.path());
  s.set_claim_count(ac.claims_size());
  s.set_published_source(a.published_source());
  s.set_url(a.url());
  if (st.articles < 0) st.articles = st.store->NewValue();
  if (absl::Status stored = st.AppendTo(st.articles, s); !stored.ok()) return stored;
  ++st.article_count;
  st.copies.Add(a.id(), a.published(), ac.copy_fingerprint());
  st.bytes += ac.text_bytes();
  for (Claim& c : *ac.mutable_claims()) {
    ++st.claims;
    ++st.claims_by_kind[c.kind()];
    if (c.published().empty()) ++st.uncompared;
    st.places.Add(c.place());
    if (absl::Status s = st.AddToGroup(&c); !s.ok()) return s;
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
  Report report;
  if (st.article_count == 0) {
    return absl::InvalidArgumentError(
        st.problems.empty() ? "no articles found in the given paths (expected .txt or .jsonl files)"
                            : absl::StrCat("no readable articles: ", st.problems.front().location(),
                                           ": ", st.problems.front().message()));
  }
  st.ids = IdRegistry();  // (only adding needs it)
  ReportSummary* summary = report.mutable_summary();
  summary->set_articles(static_cast<int>(st.article_count));
  summary->set_outlets(static_cast<int>(st.outlets.size()));
  summary->set_claims(static_cast<int>(st.claims));
  for (const auto& [kind, n] : st.claims_by_kind) {
    Count* count = summary->add_claims_by_kind();
    count->set_name(kind);
    count->set_count(n);
  }

  if (options.times != nullptr) options.times->text_bytes = st.bytes;
  auto start = std::chrono::steady_clock::now();
  // Give back what growing took: the copy detector's Bloom filter.
  st.copies.DoneAdding();
  absl::StatusOr<std::vector<Copy>> found = st.copies.Find();
  if (!found.ok()) return found.status();
  std::vector<Copy> copies = std::move(*found);
  st.copies = CopyDetector();  // frees the shingles
  ReleaseFreeMemory();
  if (options.times != nullptr) options.times->copies = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  // Relative deadlines count from orders reported anywhere in the corpus:
  // the kinds involved are parsed together, anchored, and stored back.
  {
    std::set<std::string> involved;
    for (const CompiledKind& k : st.rules.kinds()) {
      if (k.kind->duration_anchor_kind().empty()) continue;
      involved.insert(k.kind->name());
      involved.insert(k.kind->duration_anchor_kind());
    }
    std::vector<Claim> anchored;
    for (const auto& [key, values] : st.groups) {
      if (!involved.count(key.first)) continue;
      absl::StatusOr<std::vector<Claim>> claims =
          TakeMessages<Claim>(st.store.get(), values.claims);
      if (!claims.ok()) return claims.status();
      for (Claim& c : *claims) anchored.push_back(std::move(c));
    }
    AnchorRelativeDeadlines(st.rules, &anchored);
    // Back to their groups, in the order they came out (and their shown
    // parts wait, in that order, where they were).
    for (Claim& c : anchored) {
      if (absl::Status s = st.AddToGroup(&c, /*shown=*/false); !s.ok()) return s;
    }
  }
  Comparer comparer(st.rules);
  comparer.set_compare_undated(options.compare_undated);
  comparer.set_places(&st.places);
  comparer.set_copies(copies);
  if (!options.compare_undated) summary->set_uncompared_claims(st.uncompared);
  // One (kind, subject) group at a time, on every core: parsed, compared,
  // scored, and freed.
  OutletScorer scorer(st.rules, copies);
  // The copies join the report after the comparison, and wait in the store.
  const int copies_value = st.store->NewValue();
  for (const Copy& c : copies) {
    if (absl::Status stored = st.AppendTo(copies_value, c); !stored.ok()) return stored;
  }
  std::vector<Copy>().swap(copies);
  // What waits in memory goes to the file (if there is one) before the
  // groups are parsed.
  if (absl::Status flushed = st.store->Flush(); !flushed.ok()) return flushed;
  absl::StatusOr<GroupsCompared> compared_or =
      CompareGroups(comparer, &scorer, Threads(options.jobs), st.store.get(), st.groups,
                    /*defer=*/lists != nullptr);
  if (!compared_or.ok()) return compared_or.status();
  GroupsCompared& compared = *compared_or;
  st.groups.clear();
  std::vector<Finding>& findings = compared.findings;
  SortFindings(&findings);
  for (Finding& f : findings) *report.add_findings() = std::move(f);
  for (Verdict v : kVerdictsBySeverity) {
    Count* count = summary->add_findings_by_verdict();
    count->set_name(Verdict_Name(v));
    count->set_count(compared.by_verdict[v]);
  }
  summary->set_comparisons(compared.comparisons);
  summary->set_omitted_findings(compared.omitted);
  summary->set_truncated_subjects(compared.truncated);
  summary->set_kept_apart(compared.kept_apart.pairs);
  for (std::string& e : compared.kept_apart.examples) {
    summary->add_kept_apart_examples(std::move(e));
  }
  for (Problem& p : st.problems) *report.add_problems() = std::move(p);
  if (options.times != nullptr) options.times->compare = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  // The articles in id order (and so they are written), each where its
  // summary waits in the store; with their outlets, and the copies, they
  // count for the outlets' scores.
  std::vector<ArticleRef> article_refs;
  article_refs.reserve(static_cast<size_t>(st.article_count));
  {
    ArticleSummary summary;
    absl::Status read =
        ForEachStoredRecord(*st.store, st.articles, [&](int64_t at, absl::string_view bytes) {
          if (!summary.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
            return absl::InternalError("an article summary the run stored does not parse");
          }
          article_refs.push_back(
              {summary.id(), at, static_cast<uint32_t>(bytes.size()),
               summary.outlet().empty() ? nullptr : &*st.outlets.find(summary.outlet())});
          return absl::OkStatus();
        });
    if (!read.ok()) return read;
  }
  std::sort(article_refs.begin(), article_refs.end(),
            [](const ArticleRef& a, const ArticleRef& b) { return a.id < b.id; });
  for (const ArticleRef& a : article_refs) {
    scorer.AddArticle(a.id, a.outlet != nullptr ? *a.outlet : "");
  }
  {
    // The copies count for the copiers' outlets (read back from the store
    // now: they were not needed while comparing).
    Copy c;
    absl::Status read =
        ForEachStoredRecord(*st.store, copies_value, [&](int64_t, absl::string_view bytes) {
          if (!c.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
            return absl::InternalError("a copy the run stored does not parse");
          }
          auto it = std::lower_bound(
              article_refs.begin(), article_refs.end(), c.copier(),
              [](const ArticleRef& a, const std::string& id) { return a.id < id; });
          if (it != article_refs.end() && it->id == c.copier()) {
            scorer.AddCopy(c.copier(), it->outlet != nullptr ? *it->outlet : "", c.source());
          }
          return absl::OkStatus();
        });
    if (!read.ok()) return read;
  }
  ApplyLedger(options.ledger, &report);
  // The findings left in the store get their reviews as they are written;
  // a review of one of them is not stale.
  std::vector<Review> stored_reviews;
  if (!compared.stored.empty()) {
    absl::flat_hash_map<absl::string_view, const Review*> review_of;
    for (const Review& r : options.ledger.reviews()) review_of.try_emplace(r.finding_id(), &r);
    absl::flat_hash_set<absl::string_view> stored_ids;
    for (StoredFinding& f : compared.stored) {
      stored_ids.insert(f.id);
      auto review = review_of.find(f.id);
      if (review != review_of.end()) {
        f.review = static_cast<int>(stored_reviews.size());
        stored_reviews.push_back(*review->second);
      }
    }
    auto* stale = report.mutable_stale_reviews();
    stale->erase(
        std::remove_if(stale->begin(), stale->end(),
                       [&](const Review& r) { return stored_ids.contains(r.finding_id()); }),
        stale->end());
  }
  scorer.Finish(options.priors, &report);  // (the articles and copies were added)
  // The articles (in id order) and the copies are left in the store until
  // the report is written (`lists`), or put in it now.
  std::vector<std::pair<int64_t, uint32_t>> article_places;
  article_places.reserve(article_refs.size());
  for (const ArticleRef& a : article_refs) article_places.emplace_back(a.at, a.length);
  std::vector<ArticleRef>().swap(article_refs);
  auto stored = std::make_unique<StoredLists>(std::move(st.store), std::move(article_places),
                                              st.articles, copies_value, std::move(compared.stored),
                                              std::move(stored_reviews));
  if (lists != nullptr) {
    *lists = std::move(stored);
  } else {
    report.mutable_articles()->Reserve(static_cast<int>(st.article_count));
    absl::Status read = stored->Articles([&](absl::string_view bytes) {
      return report.add_articles()->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))
                 ? absl::OkStatus()
                 : absl::InternalError("an article summary the run stored does not parse");
    });
    if (read.ok()) {
      read = stored->Copies([&](absl::string_view bytes) {
        return report.add_copies()->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))
                   ? absl::OkStatus()
                   : absl::InternalError("a copy the run stored does not parse");
      });
    }
    if (!read.ok()) return read;
  }
  if (options.times != nullptr) options.times->reliability = SecondsSince(start);
  return report;
}

absl::StatusOr<Report> BuildReport(const Rules& rules, const std::vector<std::string>& paths,
                                   const RunOptions& options, std::unique_ptr<ReportLists>* lists) {
  ReportBuilder builder(rules, options);
  std::vector<Problem> problems;
  const auto start = std::chrono::steady_clock::now();
  absl::Status status = ExtractClaims(
      rules, paths, options, &problems,
      [&](ArticleClaims ac) { return builder.Add(std::move(ac)); }, /*check_ids=*/false);
  if (!status.ok()) return status;
  if (options.times != nullptr) {
    options.times->threads = Threads(options.jobs);
    options.times->extract = SecondsSince(start);
  }
  for (Problem& p : problems) builder.AddProblem(std::move(p));
  return builder.Finish(lists);
}

bool IsReportFile(const std::string& path) { return absl::EndsWith(path, ".report"); }

absl::StatusOr<Report> ReadReportFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  google::protobuf::io::FileInputStream input(fd);
  input.SetCloseOnDelete(true);
  Report report;
  if (!report.ParseFromZeroCopyStream(&input) || report.articles_size() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(path,
                     ": byte 0: not a report; expected a binary crosscheck.Report written by "
                     "`crosscheck report --format=proto`"));
  }
  return report;
}

absl::StatusOr<Report> BuildReportFromClaims(const Rules& rules,
                                             const std::vector<std::string>& claims_files,
                                             const RunOptions& options,
                                             std::unique_ptr<ReportLists>* lists) {
  ReportBuilder builder(rules, options);
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& file : claims_files) {
    absl::Status s = ReadClaimsFile(
        file, [&](ArticleClaims ac) { return builder.Add(std::move(ac)); },
        [&](Problem p) { builder.AddProblem(std::move(p)); });
    if (!s.ok()) return s;
  }
  if (options.times != nullptr) options.times->extract = SecondsSince(start);
  return builder.Finish(lists);
}

}  // namespace crosscheck
