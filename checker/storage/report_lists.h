// ReportLists: the contract between the report's builder and its writer for
// the lists of a large report (articles, copies, findings) that wait outside
// the Report message, in the run's temporary store, until they are written.
//
// Example:
//   std::unique_ptr<ReportLists> lists;
//   absl::StatusOr<Report> report = builder.Finish(&lists);
//   WriteReportJson(*std::move(report), out, lists.get());
#ifndef CROSSCHECK_CHECKER_STORAGE_REPORT_LISTS_H_
#define CROSSCHECK_CHECKER_STORAGE_REPORT_LISTS_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crosscheck {

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

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_STORAGE_REPORT_LISTS_H_
