// The JSON report: the protobuf JSON mapping of crosscheck.Report
// (camelCase names, enums by name), pretty-printed. Rendered whole for
// RenderReport (render.h), or streamed for large corpora by
// WriteReportJson, byte for byte the same.
//
// Example:
//   absl::StatusOr<std::string> json = RenderJson(report);
//   absl::Status written = WriteReportJson(std::move(report), std::cout);
#ifndef CROSSCHECK_CHECKER_RENDER_JSON_H_
#define CROSSCHECK_CHECKER_RENDER_JSON_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "checker/storage/report_lists.h"
#include "proto/report.pb.h"

namespace crosscheck {

// `report` as JSON, whole.
absl::StatusOr<std::string> RenderJson(const Report& report);

// Writes `report` as JSON to `out`: the bytes RenderJson gives, streamed,
// so that neither the JSON (twice the size of the report in protobuf form)
// nor the report's bytes are held whole: past 16 MB they wait in an
// unlinked temporary file in $TMPDIR (else /tmp), and a directory that
// cannot take it is an error naming it. Takes the report, and frees each
// part once it is serialized. With `lists`, the report's articles and
// copies (its own must be empty) are read from `lists` as they are
// written, and its findings are followed by those of `lists`.
absl::Status WriteReportJson(Report report, std::ostream& out, ReportLists* lists = nullptr);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_RENDER_JSON_H_
