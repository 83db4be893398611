// `crosscheck rules`
// The loaded claim kinds (--rules, else the shipped rules), each with its
// value type, its counts of patterns and examples, and its description.
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunRulesCommand(ctx);
//   // death_toll  (VALUE_TYPE_COUNT, 12 patterns, 30 examples)
//   //     People killed in one event.
#ifndef CROSSCHECK_CHECKER_CLI_RULES_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_RULES_COMMAND_H_

#include <string>

#include "checker/cli/command.h"
#include "checker/rules/rule_set.h"

namespace crosscheck {

// The listing of `rules`' kinds, as `rules` prints it.
std::string ListKinds(const Rules& rules);

// Runs `rules` (its input paths are ignored); returns the exit code: 0
// written, 1 failed.
int RunRulesCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_RULES_COMMAND_H_
