// crosscheck: compares what news outlets report about the same event.
//
//   crosscheck report [--format=markdown|html|json|textproto|claimreview]
//                     [--ledger=FILE] PATH...
//   crosscheck review --ledger=FILE PATH...
//   crosscheck test --ledger=FILE [--fail_on=CONTRADICTION] PATH...
//   crosscheck claims [--output=FILE] PATH...
//   crosscheck extract --output=FILE.claims [--shard=K/N] PATH...
//   crosscheck rules
//   crosscheck timex FILE.jsonl
//   crosscheck quantities FILE.jsonl
//
// PATH is an article (.txt, with an optional NAME.meta.textproto sidecar),
// a JSON Lines file (.jsonl, one article per line) or a directory of them;
// report, review and test also take claims files (.claims, written by
// extract) instead, and report and test one report file (.report, written
// by report --format=proto).
//
// This file parses the flags, sets up what the commands share
// (common_flags.h) and runs the command named; each command is in its own
// file (report_command.h, review_command.h, ...), with its own flags.
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/cli/claims_command.h"
#include "checker/cli/command.h"
#include "checker/cli/common_flags.h"
#include "checker/cli/extract_command.h"
#include "checker/cli/quantities_command.h"
#include "checker/cli/report_command.h"
#include "checker/cli/review_command.h"
#include "checker/cli/rules_command.h"
#include "checker/cli/test_command.h"
#include "checker/cli/timex_command.h"

namespace crosscheck {
namespace {

constexpr char kUsage[] =
    "compares what news outlets report about the same event.\n\n"
    "usage:\n"
    "  crosscheck report [--format=markdown|html|json|textproto|claimreview]\n"
    "                    [--ledger=FILE] [--output=FILE] PATH...\n"
    "      Contradictions, discrepancies, disputes, updates and agreement\n"
    "      between the articles, with evidence.\n"
    "  crosscheck review --ledger=FILE [--reviewer=NAME] PATH...\n"
    "      Walks through the unreviewed findings (c confirm, d dismiss, 1-9 the\n"
    "      side that is right, n note, s skip, q quit) and records each verdict\n"
    "      in the ledger. Scripted: --finding=ID --decision=confirm|dismiss\n"
    "      [--side=ARTICLE] [--note=TEXT]; --list shows the ledger.\n"
    "  crosscheck test --ledger=FILE [--fail_on=CONTRADICTION] PATH...\n"
    "      Exits 1 when a finding at or above --fail_on is unreviewed; writes\n"
    "      JUnit XML to $XML_OUTPUT_FILE and the report to\n"
    "      $TEST_UNDECLARED_OUTPUTS_DIR (what a Bazel test wants).\n"
    "  crosscheck claims [--output=FILE] PATH...\n"
    "      Every extracted claim, one JSON object (crosscheck.ArticleClaims)\n"
    "      per article and line.\n"
    "  crosscheck extract --output=FILE.claims [--shard=K/N] PATH...\n"
    "      Extraction alone: the claims and copy fingerprints of the articles as\n"
    "      a claims file, the input of `report` without the articles (one Bazel\n"
    "      action per article or shard: see tools/crosscheck.bzl).\n"
    "  crosscheck rules\n"
    "      The loaded claim kinds with their descriptions.\n"
    "  crosscheck timex FILE.jsonl\n"
    "      TIMEX3 time expressions of {\"id\",\"dct\",\"text\"} documents, one\n"
    "      {\"id\",\"timexes\"} JSON line per document (TempEval-3 style).\n\n"
    "PATH: an article .txt (metadata in an optional NAME.meta.textproto beside it),\n"
    "a .jsonl file with one {\"id\",\"url\",\"outlet\",\"published\",\"title\",\"text\"}\n"
    "object per line, or a directory searched for both. report, review and test\n"
    "also take .claims files instead; report and test one .report file\n"
    "(report --format=proto).";

struct Command {
  const char* name;
  int (*run)(CommandContext& ctx);
};

constexpr Command kCommands[] = {
    {"report", RunReportCommand}, {"review", RunReviewCommand},         {"test", RunTestCommand},
    {"claims", RunClaimsCommand}, {"extract", RunExtractCommand},       {"rules", RunRulesCommand},
    {"timex", RunTimexCommand},   {"quantities", RunQuantitiesCommand},
};

// --help and --helpshort list the flags of the command line's own files
// (absl's default: only those of a file named like the program).
bool IsCommandLineFile(absl::string_view filename) {
  return absl::StrContains(filename, "checker/cli/");
}

int Run(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  absl::FlagsUsageConfig usage_config;
  usage_config.contains_help_flags = &IsCommandLineFile;
  usage_config.contains_helpshort_flags = &IsCommandLineFile;
  absl::SetFlagsUsageConfig(usage_config);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() < 2) {
    std::cerr << "crosscheck " << kUsage << "\n\nSee --help for every flag.\n";
    return 2;
  }
  CommandContext ctx;
  ctx.name = args[1];
  for (size_t i = 2; i < args.size(); ++i) ctx.paths.push_back(UserPath(args[i]));
  if (absl::Status s = SetUpFromFlags(argv[0], &ctx); !s.ok()) return Fail(s);
  std::vector<std::string> names;
  for (const Command& command : kCommands) {
    if (ctx.name == command.name) return command.run(ctx);
    names.push_back(command.name);
  }
  return UsageError("", absl::StrCat("unknown command '", ctx.name,
                                     "'; valid commands: ", absl::StrJoin(names, ", ")));
}

}  // namespace
}  // namespace crosscheck

// jemalloc's options, read when it starts (MALLOC_CONF overrides them):
// freed pages go back to the system within a second, not ten (its
// default), so that what one stage frees is not still resident while the
// next grows. At 1 GB this took the peak from 959 to 899 MB, in the same
// time; returning them at once (0) made the run three times slower.
extern "C" const char* malloc_conf;
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";

int main(int argc, char** argv) { return crosscheck::Run(argc, argv); }
