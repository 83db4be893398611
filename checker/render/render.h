// Renders a Report for people (Markdown, HTML) and for programs (JSON,
// textproto, ClaimReview JSON-LD). The Markdown is markdown.h's, the HTML
// page render_html.h's, the JSON json.h's (which also streams it:
// WriteReportJson, available through this header), the ClaimReview export
// claim_review.h's.
// Rendering is a pure function of the Report.
//
// Article text is untrusted: in Markdown output every string that came from
// an article, its metadata or a rule has terminal control characters and
// ANSI escape sequences removed and Markdown table syntax escaped.
//
// Example:
//   absl::StatusOr<std::string> md = RenderReport(report, ReportFormat::kMarkdown);
#ifndef CROSSCHECK_CHECKER_RENDER_RENDER_H_
#define CROSSCHECK_CHECKER_RENDER_RENDER_H_

#include <ostream>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/render/json.h"  // WriteReportJson, the streamed JSON
#include "checker/storage/report_lists.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Output formats of `crosscheck report`.
enum class ReportFormat { kMarkdown, kJson, kTextproto, kHtml, kClaimReview, kProto };

// Parses a --format value ("markdown"/"md", "json", "textproto", "html",
// "claimreview", "proto": the binary crosscheck.Report, serialized
// deterministically); the error lists the valid choices.
absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name);

// Renders `report` in `format`.
absl::StatusOr<std::string> RenderReport(const Report& report, ReportFormat format);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RENDER_RENDER_H_
