#include "checker/cli/extract_command.h"

#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "checker/base/status_macros.h"
#include "checker/cli/common_flags.h"
#include "checker/pipeline/pipeline.h"

namespace crosscheck {
namespace {

absl::Status WriteClaimsFile(const CommandContext& ctx) {
  std::string out = ClaimsFileHeaderRecord();
  std::vector<Problem> problems;
  RETURN_IF_ERROR(
      ExtractClaims(*ctx.rules, ctx.paths, ctx.options, &problems, [&](ArticleClaims ac) {
        absl::StrAppend(&out, ClaimsFileRecord(ac));
        return absl::OkStatus();
      }));
  PrintSkipped(problems);
  for (const Problem& p : problems) absl::StrAppend(&out, ClaimsFileProblemRecord(p));
  return Emit(ClaimsFileBytes(out));
}

}  // namespace

int RunExtractCommand(CommandContext& ctx) {
  if (ctx.paths.empty()) return NoInputs(ctx);
  const int exit_code = absl::GetFlag(FLAGS_output).empty()
                            ? UsageError(ctx.name, "--output=FILE.claims is required")
                            : ExitCode(WriteClaimsFile(ctx));
  if (ctx.options.times != nullptr) {
    std::fprintf(stderr, "crosscheck: extract: %.2f s wall, peak RSS %.0f MB\n",
                 absl::ToDoubleSeconds(absl::Now() - ctx.start), PeakRssMb());
  }
  return exit_code;
}

}  // namespace crosscheck
