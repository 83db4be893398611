// `crosscheck extract --output=FILE.claims [--shard=K/N] PATH...`
// Extraction alone: the claims and copy fingerprints of the articles (of
// this shard) as a claims file, the input of `report` without the articles
// (one Bazel action per article or shard: see tools/crosscheck.bzl). Bad
// inputs skipped (--skip_bad_input) are recorded in the file too.
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunExtractCommand(ctx);
#ifndef CROSSCHECK_CHECKER_CLI_EXTRACT_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_EXTRACT_COMMAND_H_

#include "checker/cli/command.h"

namespace crosscheck {

// Runs `extract`; returns the exit code: 0 written, 1 failed, 2 misused (no
// inputs or no --output). With --timings, prints the wall time and peak
// memory on stderr whatever the outcome once there are inputs.
int RunExtractCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_EXTRACT_COMMAND_H_
