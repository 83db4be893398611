// The whole pipeline: ingest -> segment -> extract -> compare -> Report.
//
// Extraction (parsing, sentence breaking, claims, copy fingerprints) is a
// pure function of one article and the rules. It runs on `jobs` threads;
// results are handed on in input order, so output does not depend on the
// number of threads. Articles stream through: one is read while others are
// extracted, and an article's text is dropped as soon as its claims are out,
// so memory grows with claims, not with text.
//
// The comparison stage takes ArticleClaims only (ReportBuilder), from
// extraction in the same process or from claims files written by
// `crosscheck extract` (ReadClaimsFile), e.g. one per Bazel action.
//
// This header is the pipeline's whole API: it includes run_options.h
// (RunOptions, StageTimes), report_builder.h (ReportBuilder) and
// checker/storage/claims_file.h (claims files).
//
// Example:
//   absl::StatusOr<Report> report = BuildReport(*rules, {"testdata/caracas"}, {});
#ifndef CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_
#define CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "checker/pipeline/report_builder.h"  // (ReportBuilder)
#include "checker/pipeline/run_options.h"     // (RunOptions, StageTimes)
#include "checker/rules/rule_set.h"
#include "checker/storage/claims_file.h"  // (claims files: ReadClaimsFile, ...)
#include "checker/storage/report_lists.h"
#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

// Reads, segments and extracts every article of `paths` (of this shard),
// handing each article's claims, with its copy fingerprint and text size, to
// `sink` in input order. Duplicate article ids are bad input. With
// `options.strict`, the first bad input in input order is the error;
// otherwise bad inputs are appended to `problems`.
// `check_ids` false leaves the duplicate check to the sink (ReportBuilder
// makes it anyway).
absl::Status ExtractClaims(const Rules& rules, const std::vector<std::string>& paths,
                           const RunOptions& options, std::vector<Problem>* problems,
                           absl::FunctionRef<absl::Status(ArticleClaims)> sink,
                           bool check_ids = true);

// Runs the whole pipeline and returns the report, with the ledger applied
// and the outlets scored; `lists` as in ReportBuilder::Finish.
absl::StatusOr<Report> BuildReport(const Rules& rules, const std::vector<std::string>& paths,
                                   const RunOptions& options,
                                   std::unique_ptr<ReportLists>* lists = nullptr);

// Whether `path` names a report file (`.report`: a binary crosscheck.Report,
// from `crosscheck report --format=proto`).
bool IsReportFile(const std::string& path);

// Reads a report file; errors name the file.
absl::StatusOr<Report> ReadReportFile(const std::string& path);

// The comparison stage alone: the report from claims files; `lists` as in
// ReportBuilder::Finish.
absl::StatusOr<Report> BuildReportFromClaims(const Rules& rules,
                                             const std::vector<std::string>& claims_files,
                                             const RunOptions& options,
                                             std::unique_ptr<ReportLists>* lists = nullptr);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_
