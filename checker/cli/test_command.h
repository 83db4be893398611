// `crosscheck test --ledger=FILE [--fail_on=CONTRADICTION] PATH...`
// What a Bazel test wants: exits 1 when a finding at or above --fail_on is
// unreviewed in the ledger, listing them with the command that reviews
// them; writes JUnit XML to $XML_OUTPUT_FILE and the report (Markdown and
// JSON) to $TEST_UNDECLARED_OUTPUTS_DIR when they are set.
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunTestCommand(ctx);
#ifndef CROSSCHECK_CHECKER_CLI_TEST_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_TEST_COMMAND_H_

#include "checker/cli/command.h"

namespace crosscheck {

// Runs `test`; returns the exit code: 0 every finding at or above --fail_on
// reviewed, 1 some not (or failed), 2 misused (no --ledger, no inputs, or a
// mix of kinds).
int RunTestCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_TEST_COMMAND_H_
