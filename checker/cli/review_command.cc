#include "checker/cli/review_command.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "checker/base/escaping.h"
#include "checker/base/status_macros.h"
#include "checker/cli/common_flags.h"
#include "checker/cli/report_input.h"
#include "checker/review/ledger.h"
#include "checker/review/review.h"

ABSL_FLAG(std::string, reviewer, "",
          "review: the name recorded with each verdict (default: $USER)");
ABSL_FLAG(std::string, min_verdict, "DISCREPANCY",
          "review: offer unreviewed findings at or above this verdict "
          "(CONTRADICTION, DISPUTED, DISCREPANCY, UPDATE, AGREEMENT)");
ABSL_FLAG(std::string, finding, "",
          "review, scripted: the finding id to record a verdict for (with "
          "--decision; see the ids in the report)");
ABSL_FLAG(std::string, decision, "", "review, scripted: confirm or dismiss (a false positive)");
ABSL_FLAG(std::string, side, "",
          "review, scripted: the article id whose claim is right (confirms)");
ABSL_FLAG(std::string, note, "", "review, scripted: a note to keep with the verdict");
ABSL_FLAG(bool, list, false, "review: list the ledger's verdicts and stale entries, and stop");

namespace crosscheck {
namespace {

std::string Reviewer() {
  if (!absl::GetFlag(FLAGS_reviewer).empty()) return absl::GetFlag(FLAGS_reviewer);
  for (const char* var : {"USER", "LOGNAME"}) {
    if (const char* user = std::getenv(var)) return user;
  }
  return "";
}

// `review --list`: the ledger's verdicts, one entry each.
absl::Status ListLedger(const std::string& path) {
  ASSIGN_OR_RETURN(Ledger ledger, ReadLedger(path));
  std::string out;
  for (const Review& r : ledger.reviews()) {
    absl::StrAppend(
        &out, r.finding_id(), "  ", Decision_Name(r.decision()),
        r.correct_article_id().empty() ? "" : " (" + r.correct_article_id() + " is right)", "  ",
        r.reviewer(), " ", r.time(), "\n    ", SanitizeForTerminal(r.explanation()), "\n");
    if (!r.note().empty()) absl::StrAppend(&out, "    note: ", SanitizeForTerminal(r.note()), "\n");
  }
  if (out.empty()) out = "The ledger has no verdicts yet.\n";
  return Emit(out);
}

// The finding --finding names.
absl::StatusOr<const Finding*> FlaggedFinding(const Report& report) {
  const Finding* found = nullptr;
  for (const Finding& f : report.findings()) {
    if (f.id() == absl::GetFlag(FLAGS_finding)) found = &f;
  }
  if (found == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("--finding=", absl::GetFlag(FLAGS_finding),
                     ": no such finding in this corpus (see the ids in `crosscheck report`)"));
  }
  return found;
}

// Scripted: records the verdict of --finding, --decision, --side and --note
// in the ledger at `path`.
absl::Status RecordFlaggedVerdict(const Report& report, Ledger ledger, const std::string& path) {
  ASSIGN_OR_RETURN(const Finding* found, FlaggedFinding(report));
  std::string decision_text = absl::GetFlag(FLAGS_decision);
  if (decision_text.empty() && !absl::GetFlag(FLAGS_side).empty()) decision_text = "confirm";
  ASSIGN_OR_RETURN(Decision decision, ParseDecision(decision_text));
  std::string side = absl::GetFlag(FLAGS_side);
  if (!side.empty()) {
    bool in_finding = false;
    for (const Claim& c : found->claims()) in_finding |= c.article_id() == side;
    if (!in_finding) {
      return absl::InvalidArgumentError(
          absl::StrCat("--side=", side, ": not an article of finding ", found->id()));
    }
  }
  RecordReview(
      MakeReview(*found, decision, side, absl::GetFlag(FLAGS_note), Reviewer(), absl::Now()),
      &ledger);
  RETURN_IF_ERROR(WriteLedger(path, ledger));
  std::cout << "recorded " << Decision_Name(decision) << " for " << found->id() << " in " << path
            << "\n";
  return absl::OkStatus();
}

// Interactive: the review session over standard input and output.
absl::Status RunSession(const Report& report, Ledger ledger, const std::string& path) {
  ReviewOptions options;
  options.ledger_path = path;
  options.reviewer = Reviewer();
  ASSIGN_OR_RETURN(options.min_verdict,
                   ParseVerdictFlag("min_verdict", absl::GetFlag(FLAGS_min_verdict)));
  return RunReviewSession(report, std::move(ledger), options, std::cin, std::cout).status();
}

absl::Status ReviewInputs(CommandContext& ctx, InputKind kind) {
  RETURN_IF_ERROR(ReadLedgerAndPriorsFromFlags(&ctx.options));
  ASSIGN_OR_RETURN(Report report, BuildInputReport(ctx, kind));
  const std::string path = UserPath(absl::GetFlag(FLAGS_ledger));
  for (const Review& r : report.stale_reviews()) {
    std::cerr << "crosscheck: ledger entry " << r.finding_id()
              << " matches no finding of this corpus (kept): "
              << SanitizeForTerminal(r.explanation()) << "\n";
  }
  if (!absl::GetFlag(FLAGS_finding).empty()) {
    return RecordFlaggedVerdict(report, ctx.options.ledger, path);
  }
  return RunSession(report, ctx.options.ledger, path);
}

}  // namespace

int RunReviewCommand(CommandContext& ctx) {
  if (absl::GetFlag(FLAGS_list)) {
    std::string path = UserPath(absl::GetFlag(FLAGS_ledger));
    if (path.empty()) return UsageError("review --list", "--ledger=FILE is required");
    return ExitCode(ListLedger(path));
  }
  if (ctx.paths.empty()) return NoInputs(ctx);
  absl::StatusOr<InputKind> kind = ClassifyInputs(ctx.paths);
  if (!kind.ok()) return UsageError(ctx.name, kind.status().message());
  if (*kind == InputKind::kReportFile) {
    return UsageError(ctx.name, "give the articles or their .claims files, not a .report");
  }
  if (absl::GetFlag(FLAGS_ledger).empty()) {
    return UsageError(ctx.name, "--ledger=FILE is required (it need not exist yet)");
  }
  return ExitCode(ReviewInputs(ctx, *kind));
}

}  // namespace crosscheck
