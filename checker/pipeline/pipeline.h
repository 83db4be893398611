// The whole pipeline: ingest -> segment -> extract -> compare -> Report.
//
// Extraction (parsing, sentence breaking, claims, copy fingerprints) is a
// pure function of one article and the rules. It runs on `jobs` threads;
// results are handed on in input order, so output does not depend on the
// number of threads. Articles stream through: one is read while others are
// extracted, and an article's text is dropped as soon as its claims are out,
// so memory grows with claims, not with text.
//
// The comparison stage takes ArticleClaims only (ReportBuilder), from
// extraction in the same process or from claims files written by
// `crosscheck extract` (ReadClaimsFile), e.g. one per Bazel action.
//
// Example:
//   absl::StatusOr<Report> report = BuildReport(*rules, {"testdata/caracas"}, {});
#ifndef CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_
#define CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "checker/compare/copies.h"
#include "checker/rules/rule_set.h"
#include "checker/storage/claims_file.h"
#include "checker/storage/report_lists.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"
#include "proto/review.pb.h"

namespace crosscheck {

// Where the time of a run went, in wall seconds.
struct StageTimes {
  int threads = 0;
  int64_t text_bytes = 0;  // article text read (from claims files: as extracted)
  double extract = 0;      // read, parse, segment, extract, fingerprint
  double copies = 0;       // copy detection
  double compare = 0;      // findings
  double reliability = 0;  // ledger and outlet scores
};

// How a run treats its input.
struct RunOptions {
  // Stop at the first bad input (default). When false, bad inputs are
  // skipped and listed in Report.problems.
  bool strict = true;
  // Reviewers' verdicts: attached to their findings, used as labeled truth
  // by the reliability scores; entries matching no finding are listed stale.
  Ledger ledger;
  // Outlet priors for the reliability scores (empty: a neutral default).
  OutletPriors priors;
  // Compare claims of undated articles too (see Comparer).
  bool compare_undated = false;
  // Extraction threads; 0: one per core.
  int jobs = 0;
  // Extract only the articles whose position in the input (counting every
  // article of every file, from 0) is `shard_index` modulo `shard_count`.
  int shard_index = 0;
  int shard_count = 1;
  // Copy detection's options (fingerprint sampling, memory budget).
  CopyOptions copies;
  // The report keeps every claim until the comparison: past this many bytes
  // (serialized) in memory, they go to an unlinked temporary file in
  // `spill_dir` (empty: $TMPDIR, else /tmp), read back one group at a time.
  int64_t claims_memory = int64_t{32} << 20;
  std::string spill_dir;
  // Inputs of this many bytes or more (files, and files under directories)
  // are extracted with patterns compiled for the purpose
  // (Rules::Recompiled), freed with their automaton caches when extraction
  // ends: about 100 MB at 1 GB that the comparison would otherwise keep.
  // Compiling them takes about 0.1 s, as long as a small input's whole run.
  int64_t own_patterns_from = int64_t{64} << 20;
  // Called after each article with the articles, claims and text bytes read
  // so far (for a progress line); may be empty.
  std::function<void(int articles, int claims, int64_t bytes)> progress;
  // When set, receives where the time went.
  StageTimes* times = nullptr;
};

// Reads, segments and extracts every article of `paths` (of this shard),
// handing each article's claims, with its copy fingerprint and text size, to
// `sink` in input order. Duplicate article ids are bad input. With
// `options.strict`, the first bad input in input order is the error;
// otherwise bad inputs are appended to `problems`.
// `check_ids` false leaves the duplicate check to the sink (ReportBuilder
// makes it anyway).
absl::Status ExtractClaims(const Rules& rules, const std::vector<std::string>& paths,
                           const RunOptions& options, std::vector<Problem>* problems,
                           absl::FunctionRef<absl::Status(ArticleClaims)> sink,
                           bool check_ids = true);

// The comparison stage: takes articles' claims one at a time (keeping the
// claims and copy fingerprints, not text) and builds the report.
class ReportBuilder {
 public:
  ReportBuilder(const Rules& rules, const RunOptions& options);
  ~ReportBuilder();

  // Adds one article's claims. A second article with the same id is an
  // error naming both sources.
  absl::Status Add(ArticleClaims article);
  // Records a skipped bad input.
  void AddProblem(Problem problem);
  // Compares, scores and returns the report (articles sorted by id). An
  // error when no article was added. With `lists`, the report's articles
  // and copies, and its findings that do not weigh in the outlets' scores
  // (UPDATE, AGREEMENT), are left out of it, in the run's temporary store,
  // and *lists receives them, to be written straight from there
  // (WriteReportJson; the summary still counts them, and the reviews of
  // those findings are applied as they are written): at 1 GB they are half
  // a gigabyte parsed. Only a report to be written as JSON wants that:
  // what reads the report's findings (tests, reviews) must not pass it.
  absl::StatusOr<Report> Finish(std::unique_ptr<ReportLists>* lists = nullptr);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Runs the whole pipeline and returns the report, with the ledger applied
// and the outlets scored; `lists` as in ReportBuilder::Finish.
absl::StatusOr<Report> BuildReport(const Rules& rules, const std::vector<std::string>& paths,
                                   const RunOptions& options,
                                   std::unique_ptr<ReportLists>* lists = nullptr);

// Whether `path` names a report file (`.report`: a binary crosscheck.Report,
// from `crosscheck report --format=proto`).
bool IsReportFile(const std::string& path);

// Reads a report file; errors name the file.
absl::StatusOr<Report> ReadReportFile(const std::string& path);

// The comparison stage alone: the report from claims files; `lists` as in
// ReportBuilder::Finish.
absl::StatusOr<Report> BuildReportFromClaims(const Rules& rules,
                                             const std::vector<std::string>& claims_files,
                                             const RunOptions& options,
                                             std::unique_ptr<ReportLists>* lists = nullptr);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_
