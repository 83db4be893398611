#include "checker/cli/report_command.h"

#include <memory>
#include <ostream>
#include <string>
#include <utility>

#include "absl/flags/flag.h"
#include "checker/base/status_macros.h"
#include "checker/cli/common_flags.h"
#include "checker/cli/report_input.h"
#include "checker/render/render.h"
#include "checker/storage/report_lists.h"

ABSL_FLAG(std::string, format, "markdown",
          "report: output format: markdown (for a terminal), html (one "
          "self-contained page), json (the protobuf JSON mapping of "
          "crosscheck.Report), textproto, or claimreview (schema.org "
          "ClaimReview JSON-LD of the reviewed findings)");

namespace crosscheck {
namespace {

absl::Status WriteReport(CommandContext& ctx, InputKind kind) {
  RETURN_IF_ERROR(ReadLedgerAndPriorsFromFlags(&ctx.options));
  ASSIGN_OR_RETURN(ReportFormat format, ParseReportFormat(absl::GetFlag(FLAGS_format)));
  // JSON is written as a stream, with the articles and copies read from the
  // run's temporary store as they are written (never all parsed at once).
  std::unique_ptr<ReportLists> lists;
  ASSIGN_OR_RETURN(Report report,
                   BuildInputReport(ctx, kind, format == ReportFormat::kJson ? &lists : nullptr));
  if (format == ReportFormat::kJson) {
    // Streamed: the JSON of a large corpus is twice the report's size.
    return EmitStream(
        [&](std::ostream& out) { return WriteReportJson(std::move(report), out, lists.get()); });
  }
  ASSIGN_OR_RETURN(std::string rendered, RenderReport(report, format));
  return Emit(rendered);
}

}  // namespace

int RunReportCommand(CommandContext& ctx) {
  if (ctx.paths.empty()) return NoInputs(ctx);
  absl::StatusOr<InputKind> kind = ClassifyInputs(ctx.paths);
  if (!kind.ok()) return UsageError(ctx.name, kind.status().message());
  return ExitCode(WriteReport(ctx, *kind));
}

}  // namespace crosscheck
