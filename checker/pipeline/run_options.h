// How a run treats its input (RunOptions: strictness, reviews, threads,
// shards, memory budgets, progress) and where its time went (StageTimes),
// shared by the pipeline's stages (pipeline.h, report_builder.h).
//
// Example:
//   RunOptions options;
//   options.strict = false;  // skip bad inputs, list them as problems
//   options.jobs = 4;
//   StageTimes times;
//   options.times = &times;
//   absl::StatusOr<Report> report = BuildReport(rules, paths, options);
#ifndef CROSSCHECK_CHECKER_PIPELINE_RUN_OPTIONS_H_
#define CROSSCHECK_CHECKER_PIPELINE_RUN_OPTIONS_H_

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "checker/compare/copies.h"
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
  // Compare claims of undated articles within their event (see Comparer).
  bool compare_undated = true;
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

// The threads a run with `jobs` (RunOptions.jobs) uses: `jobs`, or when it
// is 0 one per core.
inline int ThreadCount(int jobs) {
  if (jobs > 0) return jobs;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Wall seconds from `start` to now (for StageTimes).
inline double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_RUN_OPTIONS_H_
