// `crosscheck review --ledger=FILE [--reviewer=NAME] PATH...`
// Walks through the unreviewed findings at or above --min_verdict (c
// confirm, d dismiss, 1-9 the side that is right, n note, s skip, q quit)
// and records each verdict in the ledger. Scripted, one verdict:
// --finding=ID --decision=confirm|dismiss [--side=ARTICLE] [--note=TEXT].
// `review --list --ledger=FILE` lists the ledger's verdicts instead.
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunReviewCommand(ctx);
#ifndef CROSSCHECK_CHECKER_CLI_REVIEW_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_REVIEW_COMMAND_H_

#include "checker/cli/command.h"

namespace crosscheck {

// Runs `review`; returns the exit code: 0 done, 1 failed, 2 misused (no
// --ledger, no inputs, a mix of kinds, or a report file).
int RunReviewCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_REVIEW_COMMAND_H_
