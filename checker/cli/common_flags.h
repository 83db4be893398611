// The flags several commands share, and what they make: the input paths
// (with --input_list), the rules (--rules), the pipeline's RunOptions
// (--skip_bad_input, --compare_undated, --jobs, --copy_sampling, --shard,
// --timings, --progress), the review ledger and outlet priors (--ledger,
// --priors), and where output goes (--output). Each command's own flags are
// in its own file.
//
// Example (main.cc):
//   CommandContext ctx;
//   ctx.name = "report";
//   ctx.paths = {UserPath("articles/")};
//   RETURN_IF_ERROR(SetUpFromFlags(argv[0], &ctx));
//   ... the command runs; RETURN_IF_ERROR(Emit(rendered)) writes --output.
#ifndef CROSSCHECK_CHECKER_CLI_COMMON_FLAGS_H_
#define CROSSCHECK_CHECKER_CLI_COMMON_FLAGS_H_

#include <memory>
#include <ostream>
#include <string>

#include "absl/flags/declare.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "checker/cli/command.h"
#include "checker/pipeline/pipeline.h"
#include "checker/rules/rule_set.h"

// The review ledger (review and test require it; report shows its verdicts).
ABSL_DECLARE_FLAG(std::string, ledger);
// Where output goes instead of standard output (extract requires it).
ABSL_DECLARE_FLAG(std::string, output);

namespace crosscheck {

// Sets up `ctx` from the shared flags, in this order: appends the paths of
// --input_list to ctx->paths, loads the rules (--rules, else those shipped
// beside `argv0`), reads the run options and starts the progress line and
// the clock. The first error stops it.
absl::Status SetUpFromFlags(const char* argv0, CommandContext* ctx);

// The run options of the flags, checked: --copy_sampling a power of two,
// --jobs not negative, --shard K/N with 0 <= K < N. (Not the ledger, the
// priors, the timings or the progress line.)
absl::StatusOr<RunOptions> RunOptionsFromFlags();

// Reads --ledger (when set; a missing file is an empty ledger) and
// --priors (when set) into `options`.
absl::Status ReadLedgerAndPriorsFromFlags(RunOptions* options);

// Has `write` write to --output atomically (a temporary file, then rename),
// or to standard output.
absl::Status EmitStream(absl::FunctionRef<absl::Status(std::ostream&)> write);

// Writes `content` to --output atomically, or to standard output.
absl::Status Emit(const std::string& content);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_COMMON_FLAGS_H_
