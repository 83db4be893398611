#include "checker/cli/test_command.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/base/escaping.h"
#include "checker/base/status_macros.h"
#include "checker/cli/common_flags.h"
#include "checker/cli/report_input.h"
#include "checker/render/render.h"
#include "checker/review/junit.h"
#include "checker/review/review.h"
#include "checker/storage/atomic_file.h"

ABSL_FLAG(std::string, fail_on, "CONTRADICTION",
          "test: fail when a finding at or above this verdict is unreviewed");
ABSL_FLAG(std::string, review_paths, "",
          "test: the article paths to name in the hint for reviewing (default: "
          "the inputs)");

namespace crosscheck {
namespace {

// The report (Markdown and JSON) to $TEST_UNDECLARED_OUTPUTS_DIR and the
// JUnit XML to $XML_OUTPUT_FILE, when they are set.
absl::Status WriteTestOutputs(const Report& report, Verdict fail_on) {
  if (const char* outputs = std::getenv("TEST_UNDECLARED_OUTPUTS_DIR")) {
    for (ReportFormat format : {ReportFormat::kMarkdown, ReportFormat::kJson}) {
      ASSIGN_OR_RETURN(std::string rendered, RenderReport(report, format));
      std::string name = format == ReportFormat::kJson ? "report.json" : "report.md";
      RETURN_IF_ERROR(WriteFileAtomically(absl::StrCat(outputs, "/", name), rendered));
    }
  }
  std::string suite = absl::GetFlag(FLAGS_ledger);
  if (const char* target = std::getenv("TEST_TARGET")) suite = target;
  if (const char* xml = std::getenv("XML_OUTPUT_FILE")) {
    RETURN_IF_ERROR(WriteFileAtomically(xml, RenderJunitXml(report, fail_on, suite)));
  }
  return absl::OkStatus();
}

// Prints the verdict on standard output: every finding reviewed (0), or
// the unreviewed ones and how to review them (1).
int PrintTestResult(const Report& report, Verdict fail_on, const std::vector<std::string>& paths) {
  int failing = 0;
  for (const Finding& f : report.findings()) failing += FailsTest(f, fail_on);
  for (const Review& r : report.stale_reviews()) {
    std::cout << "note: ledger entry " << r.finding_id()
              << " matches no finding any more (kept): " << SanitizeForTerminal(r.explanation())
              << "\n";
  }
  if (failing == 0) {
    std::cout << "crosscheck: every finding at or above " << Verdict_Name(fail_on)
              << " is reviewed (" << report.findings_size() << " findings, "
              << report.articles_size() << " articles).\n";
    return 0;
  }
  std::cout << "crosscheck: " << failing << " unreviewed finding(s) at or above "
            << Verdict_Name(fail_on) << ":\n\n";
  for (const Finding& f : report.findings()) {
    if (FailsTest(f, fail_on)) std::cout << FormatFindingForTerminal(f) << "\n";
  }
  std::cout << "Review them from the workspace root with\n  bazel run "
            << "@crosscheck//:crosscheck -- review --ledger=" << absl::GetFlag(FLAGS_ledger) << " "
            << (absl::GetFlag(FLAGS_review_paths).empty() ? absl::StrJoin(paths, " ")
                                                          : absl::GetFlag(FLAGS_review_paths))
            << "\n(//:crosscheck inside crosscheck itself), then commit the ledger.\n";
  return 1;
}

// The exit code of the test, once the report is built and the outputs
// written; an error when they cannot be.
absl::StatusOr<int> Test(CommandContext& ctx, InputKind kind) {
  RETURN_IF_ERROR(ReadLedgerAndPriorsFromFlags(&ctx.options));
  ASSIGN_OR_RETURN(Report report, BuildInputReport(ctx, kind));
  ASSIGN_OR_RETURN(Verdict fail_on, ParseVerdictFlag("fail_on", absl::GetFlag(FLAGS_fail_on)));
  RETURN_IF_ERROR(WriteTestOutputs(report, fail_on));
  return PrintTestResult(report, fail_on, ctx.paths);
}

}  // namespace

int RunTestCommand(CommandContext& ctx) {
  if (ctx.paths.empty()) return NoInputs(ctx);
  absl::StatusOr<InputKind> kind = ClassifyInputs(ctx.paths);
  if (!kind.ok()) return UsageError(ctx.name, kind.status().message());
  if (absl::GetFlag(FLAGS_ledger).empty()) {
    return UsageError(ctx.name, "--ledger=FILE is required (it need not exist yet)");
  }
  absl::StatusOr<int> exit_code = Test(ctx, *kind);
  return exit_code.ok() ? *exit_code : Fail(exit_code.status());
}

}  // namespace crosscheck
