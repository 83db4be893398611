// The report that report, review and test work on, from their inputs:
// articles (extracted and compared), claims files written by `extract`
// (compared), or one report file written by `report --format=proto` (read).
//
// Example:
//   absl::StatusOr<InputKind> kind = ClassifyInputs(ctx.paths);
//   if (!kind.ok()) return UsageError(ctx.name, kind.status().message());
//   ASSIGN_OR_RETURN(Report report, BuildInputReport(ctx, *kind));
#ifndef CROSSCHECK_CHECKER_CLI_REPORT_INPUT_H_
#define CROSSCHECK_CHECKER_CLI_REPORT_INPUT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "checker/cli/command.h"
#include "checker/pipeline/pipeline.h"
#include "checker/storage/report_lists.h"
#include "proto/report.pb.h"

namespace crosscheck {

// What the input paths of report, review and test are.
enum class InputKind { kArticles, kClaimsFiles, kReportFile };

// The kind of `paths`; InvalidArgument when they mix claims files with
// articles, or name a report file among other paths.
absl::StatusOr<InputKind> ClassifyInputs(const std::vector<std::string>& paths);

// The report of ctx.paths (of `kind`), built with ctx.options. Ends the
// progress line; then, for a report built, prints the timings (with
// --timings) and the skipped inputs on stderr. With `defer`, the articles
// and copies stay in the run's temporary store, in `*defer`, for
// WriteReportJson (not for a report file).
absl::StatusOr<Report> BuildInputReport(CommandContext& ctx, InputKind kind,
                                        std::unique_ptr<ReportLists>* defer = nullptr);

// Prints where the time of a run went on stderr (--timings).
void PrintTimings(const StageTimes& times, const Report& report, double total_seconds);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CLI_REPORT_INPUT_H_
