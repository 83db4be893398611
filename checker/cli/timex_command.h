// `crosscheck timex FILE.jsonl...`
// TIMEX3 time expressions of {"id","dct","text"} documents, one
// {"id","timexes"} JSON line per document (TempEval-3 style), tagged with
// the rules' timex patterns (timex.h).
//
// Example:
//   CommandContext ctx;  // set up by main (common_flags.h)
//   int exit_code = RunTimexCommand(ctx);
#ifndef CROSSCHECK_CHECKER_CLI_TIMEX_COMMAND_H_
#define CROSSCHECK_CHECKER_CLI_TIMEX_COMMAND_H_

#include "checker/cli/command.h"

namespace crosscheck {

// Runs `timex`; returns the exit code: 0 written, 1 failed (naming the file
// and line of a bad document), 2 no input file.
int RunTimexCommand(CommandContext& ctx);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_TIMEX_COMMAND_H_
