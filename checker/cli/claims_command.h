// `crosscheck claims [--output=FILE] PATH...`
// Every extracted claim: one JSON object (crosscheck.ArticleClaims, without
// its copy fingerprint) per article and line, in input order.
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunClaimsCommand(ctx);
#ifndef CROSSCHECK_CHECKER_CLI_CLAIMS_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_CLAIMS_COMMAND_H_

#include "checker/cli/command.h"

namespace crosscheck {

// Runs `claims`; returns the exit code: 0 written, 1 failed, 2 no inputs.
int RunClaimsCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_CLAIMS_COMMAND_H_
