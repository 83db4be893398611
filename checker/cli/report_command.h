// `crosscheck report [--format=markdown|html|json|textproto|claimreview|proto]
//                    [--ledger=FILE] [--output=FILE] PATH...`
// Contradictions, discrepancies, disputes, updates and agreement between
// the articles (or claims files, or one report file), with evidence, in
// --format (render.h), to --output or standard output. JSON is streamed.
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunReportCommand(ctx);
#ifndef CROSSCHECK_CHECKER_CLI_REPORT_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_REPORT_COMMAND_H_

#include "checker/cli/command.h"

namespace crosscheck {

// Runs `report`; returns the exit code: 0 written, 1 failed, 2 misused (no
// inputs, or a mix of kinds).
int RunReportCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_REPORT_COMMAND_H_
