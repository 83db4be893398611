#include "checker/cli/report_input.h"

#include <cstdio>

#include "absl/status/status.h"
#include "absl/time/clock.h"

namespace crosscheck {

absl::StatusOr<InputKind> ClassifyInputs(const std::vector<std::string>& paths) {
  int claims_files = 0, report_files = 0;
  for (const std::string& p : paths) {
    claims_files += IsClaimsFile(p);
    report_files += IsReportFile(p);
  }
  if ((claims_files > 0 && claims_files != static_cast<int>(paths.size())) ||
      (report_files > 0 && paths.size() != 1)) {
    return absl::InvalidArgumentError(
        "give articles, or .claims files, or one .report file, not a mix");
  }
  if (report_files > 0) return InputKind::kReportFile;
  if (claims_files > 0) return InputKind::kClaimsFiles;
  return InputKind::kArticles;
}

absl::StatusOr<Report> BuildInputReport(CommandContext& ctx, InputKind kind,
                                        std::unique_ptr<ReportLists>* defer) {
  absl::StatusOr<Report> report =
      kind == InputKind::kReportFile ? ReadReportFile(ctx.paths[0])
      : kind == InputKind::kClaimsFiles
          ? BuildReportFromClaims(*ctx.rules, ctx.paths, ctx.options, defer)
          : BuildReport(*ctx.rules, ctx.paths, ctx.options, defer);
  ctx.progress->End();
  if (!report.ok()) return report;
  if (ctx.options.times != nullptr) {
    PrintTimings(*ctx.options.times, *report, absl::ToDoubleSeconds(absl::Now() - ctx.start));
  }
  PrintSkipped(report->problems());
  return report;
}

void PrintTimings(const StageTimes& times, const Report& report, double total_seconds) {
  const double mb = static_cast<double>(times.text_bytes) / 1e6;
  std::fprintf(stderr,
               "crosscheck: timings: %d articles (%.1f MB of text), %d claims in %.2f s wall, "
               "%.1f MB/s; %d extraction threads\n  read+extract %.2f s, copies %.2f s, "
               "compare %.2f s, reliability %.2f s; peak RSS %.0f MB\n",
               report.summary().articles(), mb, report.summary().claims(), total_seconds,
               total_seconds > 0 ? mb / total_seconds : 0.0, times.threads, times.extract,
               times.copies, times.compare, times.reliability, PeakRssMb());
}

}  // namespace crosscheck
