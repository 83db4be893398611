// The comparison stage: takes articles' claims one at a time (from
// extraction in the same process, or from claims files) and builds the
// report. What it keeps until the end is the claims, serialized in the
// run's SpillStore by (kind, subject) group, the articles' summaries, and
// the copy fingerprints; never the articles' text. Finish then finds the
// copies, anchors relative deadlines, compares the groups, scores the
// outlets and applies the reviews.
//
// Example:
//   ReportBuilder builder(rules, options);
//   for (ArticleClaims& a : articles) RETURN_IF_ERROR(builder.Add(std::move(a)));
//   ASSIGN_OR_RETURN(Report report, builder.Finish());
#ifndef CROSSCHECK_CHECKER_PIPELINE_REPORT_BUILDER_H_
#define CROSSCHECK_CHECKER_PIPELINE_REPORT_BUILDER_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "checker/pipeline/run_options.h"
#include "checker/rules/rule_set.h"
#include "checker/storage/report_lists.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// The comparison stage: takes articles' claims one at a time (keeping the
// claims and copy fingerprints, not text) and builds the report.
class ReportBuilder {
 public:
  ReportBuilder(const Rules& rules, const RunOptions& options);
  ~ReportBuilder();

  // Adds one article's claims. A second article with the same id is an
  // error naming both sources.
  absl::Status Add(ArticleClaims article);
  // Records a skipped bad input.
  void AddProblem(Problem problem);
  // Compares, scores and returns the report (articles sorted by id). An
  // error when no article was added. With `lists`, the report's articles
  // and copies, and its findings that do not weigh in the outlets' scores
  // (UPDATE, AGREEMENT), are left out of it, in the run's temporary store,
  // and *lists receives them, to be written straight from there
  // (WriteReportJson; the summary still counts them, and the reviews of
  // those findings are applied as they are written): at 1 GB they are half
  // a gigabyte parsed. Only a report to be written as JSON wants that:
  // what reads the report's findings (tests, reviews) must not pass it.
  absl::StatusOr<Report> Finish(std::unique_ptr<ReportLists>* lists = nullptr);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_REPORT_BUILDER_H_
