#include "checker/cli/common_flags.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "checker/base/status_macros.h"
#include "checker/review/ledger.h"
#include "checker/score/reliability.h"
#include "checker/storage/atomic_file.h"

ABSL_FLAG(std::string, rules, "",
          "directory of rules (*.textproto); default: the rules shipped with "
          "crosscheck");
ABSL_FLAG(std::string, output, "",
          "write the output to this file (atomically: a temporary file, then "
          "rename) instead of standard output");
ABSL_FLAG(bool, skip_bad_input, false,
          "skip unreadable, empty, binary or non-UTF-8 articles and malformed "
          "JSONL lines, listing them in the report, instead of failing");
ABSL_FLAG(std::string, ledger, "",
          "review ledger (a crosscheck.Ledger textproto kept beside the corpus): "
          "report shows each finding's review status; review records verdicts "
          "in it; test passes findings reviewed in it");
ABSL_FLAG(std::string, progress, "auto",
          "report, review, test: a progress line on stderr (articles, claims, "
          "rate): auto (when stderr is a terminal and the run takes over two "
          "seconds), always, or never");
ABSL_FLAG(bool, compare_undated, true,
          "compare claims of articles without a publication date within the "
          "event their articles were grouped into (the default); "
          "--nocompare_undated leaves them out of the comparison");
ABSL_FLAG(std::string, priors, "",
          "report: outlet priors (a crosscheck.OutletPriors textproto, e.g. a "
          "newsroom's own ratings); shown as priors in the outlet table");
ABSL_FLAG(std::string, input_list, "",
          "a file naming more input paths, one per line (for corpora whose paths "
          "do not fit on a command line)");
ABSL_FLAG(int, copy_sampling, 1,
          "extract, claims, report: keep one word shingle in N (a power of two) in "
          "the copy fingerprints: claims files N times smaller, copies judged on a "
          "sample (1: every shingle)");
ABSL_FLAG(int, jobs, 0, "extraction threads (0: one per core)");
ABSL_FLAG(std::string, shard, "",
          "extract, claims: K/N takes only the articles whose position in the "
          "input (from 0, over all files) is K modulo N");
ABSL_FLAG(bool, timings, false,
          "report, test, extract: print where the time went (per stage), the "
          "throughput and the peak memory on stderr");

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

std::string DefaultRulesDir(const char* argv0) {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("CROSSCHECK_RULES")) candidates.push_back(env);
  if (const char* runfiles = std::getenv("RUNFILES_DIR")) {
    candidates.push_back(absl::StrCat(runfiles, "/crosscheck/rules"));
  }
  candidates.push_back(absl::StrCat(argv0, ".runfiles/crosscheck/rules"));
  candidates.push_back("rules");  // `bazel run` starts in the runfiles tree
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c, ec)) return c;
  }
  return candidates.back();
}

// Appends the paths --input_list names, one per line.
absl::Status AppendInputList(std::vector<std::string>* paths) {
  const std::string list = absl::GetFlag(FLAGS_input_list);
  if (list.empty()) return absl::OkStatus();
  std::ifstream in(UserPath(list));
  if (!in) return absl::NotFoundError(absl::StrCat(list, ": cannot open --input_list"));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) paths->push_back(UserPath(line));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Rules>> LoadRulesFromFlags(const char* argv0) {
  std::string rules_dir = absl::GetFlag(FLAGS_rules).empty() ? DefaultRulesDir(argv0)
                                                             : UserPath(absl::GetFlag(FLAGS_rules));
  return Rules::LoadDirectory(rules_dir);
}

}  // namespace

absl::StatusOr<RunOptions> RunOptionsFromFlags() {
  RunOptions options;
  options.strict = !absl::GetFlag(FLAGS_skip_bad_input);
  options.compare_undated = absl::GetFlag(FLAGS_compare_undated);
  options.jobs = absl::GetFlag(FLAGS_jobs);
  options.copies.sampling = absl::GetFlag(FLAGS_copy_sampling);
  if (options.copies.sampling < 1 || (options.copies.sampling & (options.copies.sampling - 1))) {
    return absl::InvalidArgumentError(absl::StrCat("--copy_sampling=", options.copies.sampling,
                                                   ": expected a power of two (1, 2, 4, ...)"));
  }
  if (options.jobs < 0) {
    return absl::InvalidArgumentError("--jobs: expected 0 (one per core) or more");
  }
  if (const std::string shard = absl::GetFlag(FLAGS_shard); !shard.empty()) {
    int k = -1, n = 0;
    char rest = 0;
    if (std::sscanf(shard.c_str(), "%d/%d%c", &k, &n, &rest) != 2 || n < 1 || k < 0 || k >= n) {
      return absl::InvalidArgumentError(
          absl::StrCat("--shard=", shard, ": expected K/N with 0 <= K < N, e.g. 0/4"));
    }
    options.shard_index = k;
    options.shard_count = n;
  }
  return options;
}

absl::Status SetUpFromFlags(const char* argv0, CommandContext* ctx) {
  RETURN_IF_ERROR(AppendInputList(&ctx->paths));
  ASSIGN_OR_RETURN(ctx->rules, LoadRulesFromFlags(argv0));
  ASSIGN_OR_RETURN(ctx->options, RunOptionsFromFlags());
  if (absl::GetFlag(FLAGS_timings)) ctx->options.times = &ctx->times;
  ASSIGN_OR_RETURN(ProgressMode mode, ParseProgressMode(absl::GetFlag(FLAGS_progress)));
  ctx->start = absl::Now();
  ctx->progress = std::make_unique<ProgressLine>(mode, ::isatty(2), ctx->start);
  ctx->options.progress = ctx->progress->Callback();
  return absl::OkStatus();
}

absl::Status ReadLedgerAndPriorsFromFlags(RunOptions* options) {
  if (!absl::GetFlag(FLAGS_ledger).empty()) {
    ASSIGN_OR_RETURN(options->ledger, ReadLedger(UserPath(absl::GetFlag(FLAGS_ledger))));
  }
  if (!absl::GetFlag(FLAGS_priors).empty()) {
    ASSIGN_OR_RETURN(options->priors, ReadOutletPriors(UserPath(absl::GetFlag(FLAGS_priors))));
  }
  return absl::OkStatus();
}

absl::Status EmitStream(absl::FunctionRef<absl::Status(std::ostream&)> write) {
  std::string output = UserPath(absl::GetFlag(FLAGS_output));
  if (output.empty()) {
    absl::Status s = write(std::cout);
    std::cout.flush();
    RETURN_IF_ERROR(s);
    return std::cout ? absl::OkStatus() : absl::DataLossError("cannot write to standard output");
  }
  return WriteFileAtomicallyFrom(output, write);
}

absl::Status Emit(const std::string& content) {
  return EmitStream([&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return absl::OkStatus();
  });
}

}  // namespace crosscheck
