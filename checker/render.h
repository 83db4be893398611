// Renders a Report for people (Markdown, HTML) and for programs (JSON,
// textproto, ClaimReview JSON-LD). The HTML page is render_html.h's, the
// ClaimReview export claim_review.h's.
// Rendering is a pure function of the Report.
//
// Article text is untrusted: in Markdown output every string that came from
// an article, its metadata or a rule has terminal control characters and
// ANSI escape sequences removed and Markdown table syntax escaped.
//
// Example:
//   absl::StatusOr<std::string> md = RenderReport(report, ReportFormat::kMarkdown);
#ifndef CROSSCHECK_CHECKER_RENDER_H_
#define CROSSCHECK_CHECKER_RENDER_H_

#include <ostream>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
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

// A report's articles and copies kept outside it until it is written: the
// pipeline keeps a large corpus's serialized in its temporary file. Each
// list is read at most once (it may be freed as it is read).
class ReportLists {
 public:
  virtual ~ReportLists() = default;
  // Calls `emit` with each article (a serialized ArticleSummary) in the
  // report's order; stops at, and returns, the first error.
  virtual absl::Status Articles(absl::FunctionRef<absl::Status(absl::string_view)> emit) = 0;
  // The same for the copies (serialized Copy messages).
  virtual absl::Status Copies(absl::FunctionRef<absl::Status(absl::string_view)> emit) = 0;
  // Findings (serialized) that follow the report's own, in order: the
  // report's findings are its own and then these. None unless overridden.
  virtual absl::Status Findings(absl::FunctionRef<absl::Status(absl::string_view)> emit) {
    return absl::OkStatus();
  }
};

// Writes `report` as JSON to `out`: the bytes RenderReport gives for kJson,
// streamed, so that neither the JSON (twice the size of the report in
// protobuf form) nor the report's bytes are held whole: past 16 MB they wait
// in an unlinked temporary file in $TMPDIR (else /tmp), and a directory
// that cannot take it is an error naming it. Takes the report, and frees each part once it is
// serialized. With `lists`, the report's articles and copies (its own must
// be empty) are read from `lists` as they are written, and its findings are
// followed by those of `lists`.
absl::Status WriteReportJson(Report report, std::ostream& out, ReportLists* lists = nullptr);

// Removes what a terminal would interpret: ANSI/VT escape sequences, C0 and
// C1 control characters (newlines and tabs become spaces). Invalid UTF-8 is
// replaced with U+FFFD.
std::string SanitizeForTerminal(absl::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RENDER_H_
