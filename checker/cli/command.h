// What every command of the crosscheck command line gets, and how it ends.
// main.cc parses the flags and fills a CommandContext (common_flags.h);
// each command (report_command.h, review_command.h, ...) runs with it and
// returns the process's exit code: 0 done, 1 failed (a "crosscheck: ..."
// line on stderr, from Fail), 2 misused (a line naming the command, from
// UsageError).
//
// Example (a command):
//   int RunTimexCommand(CommandContext& ctx) {
//     if (ctx.paths.empty()) return UsageError(ctx.name, "give a .jsonl file");  // 2
//     return ExitCode(TagFiles(ctx));  // 0, or 1 after "crosscheck: ..."
//   }
#ifndef CROSSCHECK_CHECKER_CLI_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_COMMAND_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "checker/cli/progress.h"
#include "checker/pipeline/pipeline.h"
#include "checker/rules/rule_set.h"
#include "proto/report.pb.h"

namespace crosscheck {

// A command's run: its inputs and what the shared flags made of them.
// Not copyable: `options` points into it.
struct CommandContext {
  CommandContext() = default;
  CommandContext(const CommandContext&) = delete;
  CommandContext& operator=(const CommandContext&) = delete;

  // The command's name ("report"), for messages.
  std::string name;
  // The input paths, as the user meant them (UserPath), --input_list's last.
  std::vector<std::string> paths;
  // The loaded rules.
  std::unique_ptr<Rules> rules;
  // How to run the pipeline; `options.times` is `&times` with --timings.
  RunOptions options;
  StageTimes times;
  // The progress line (options.progress draws it); never null once set up.
  std::unique_ptr<ProgressLine> progress;
  // When the run started, for --timings.
  absl::Time start;
};

// Prints "crosscheck: MESSAGE" on stderr; returns 1.
int Fail(const absl::Status& status);

// 0 when `status` is OK, else Fail(status).
int ExitCode(const absl::Status& status);

// Prints "crosscheck WHO: MESSAGE" ("crosscheck: MESSAGE" when `who` is
// empty) on stderr; returns 2.
int UsageError(absl::string_view who, absl::string_view message);

// The usage error of a command given no input paths.
int NoInputs(const CommandContext& ctx);

// Prints "crosscheck: skipped LOCATION: MESSAGE" on stderr for each problem.
template <typename Problems>
void PrintSkipped(const Problems& problems);

// Under `bazel run`, relative paths are the user's, not the runfiles tree's:
// `path` made absolute against $BUILD_WORKING_DIRECTORY when that is set.
std::string UserPath(const std::string& path);

// The verdict a flag names ("--fail_on=CONTRADICTION"); the error lists the
// valid choices.
absl::StatusOr<Verdict> ParseVerdictFlag(absl::string_view flag, const std::string& value);

// Peak resident memory of this process in MB (Linux), or -1.
double PeakRssMb();

// Implementation.
void PrintSkippedOne(const Problem& problem);

template <typename Problems>
void PrintSkipped(const Problems& problems) {
  for (const Problem& p : problems) PrintSkippedOne(p);
}

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_COMMAND_H_
