// `crosscheck quantities FILE.jsonl...`
// Every quantity of {"id","text"} documents (an optional "dct"), one
// {"id","quantities"} JSON line per document: value (a number, or [low,
// high]), unit, dimension, change (= ~ > < up down) and concept, with UTF-8
// byte offsets (quantity_tagger.h).
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunQuantitiesCommand(ctx);
#ifndef CROSSCHECK_CHECKER_CLI_QUANTITIES_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_QUANTITIES_COMMAND_H_

#include "checker/cli/command.h"

namespace crosscheck {

// Runs `quantities`; returns the exit code: 0 written, 1 failed (naming the
// file and line of a bad document; nothing is written then), 2 no input file.
int RunQuantitiesCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_QUANTITIES_COMMAND_H_
