// The lists of a large report that wait in the run's SpillStore until the
// report is written (ReportLists): its articles' summaries, its copies, and
// the findings that do not weigh in the outlets' scores (updates and
// agreements: nine in ten at 1 GB), each read back from the store as it is
// written, a finding with its review when it has one.
//
// Example:
//   std::vector<StoredFinding> stored = ...;  // where each finding waits
//   SortStoredFindings(&stored);              // in the report's order
//   auto lists = std::make_unique<StoredLists>(std::move(store), article_places,
//                                              articles_value, copies_value,
//                                              std::move(stored), std::move(reviews));
//   WriteReportJson(*std::move(report), out, lists.get());
#ifndef CROSSCHECK_CHECKER_PIPELINE_STORED_LISTS_H_
#define CROSSCHECK_CHECKER_PIPELINE_STORED_LISTS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "checker/storage/report_lists.h"
#include "checker/storage/spill_store.h"
#include "proto/review.pb.h"

namespace crosscheck {

// A finding that waits in the store until the report is written: where its
// bytes are, and what orders it (SortFindings' keys: verdict, kind, subject
// and id, then its place among the findings).
struct StoredFinding {
  int rank = 0;
  std::string kind;
  std::string subject;
  std::string id;
  size_t sequence = 0;
  int value = 0;
  int64_t at = 0;
  uint32_t length = 0;
  int review = -1;  // index into the reviews that go with them, or none
};

// Puts `findings` in the report's order (SortFindings' order, by their
// keys).
void SortStoredFindings(std::vector<StoredFinding>* findings);

// A report's articles (in id order), copies and stored findings, read from
// the run's store as they are written.
class StoredLists : public ReportLists {
 public:
  // `articles`: (where, length) of each article's summary in value
  // `articles_value` of `store`, in the report's order; `copies_value`: the
  // copies' value (delimited records).
  // `findings`: those left in the store, in the report's order, with
  // `reviews` (their Review indexes into it).
  StoredLists(std::unique_ptr<SpillStore> store, std::vector<std::pair<int64_t, uint32_t>> articles,
              int articles_value, int copies_value, std::vector<StoredFinding> findings,
              std::vector<Review> reviews);

  // The event id of each article (in the order of `articles`): each
  // article's summary is emitted with its `event` set.
  void set_article_events(std::vector<std::string> events) { article_events_ = std::move(events); }

  absl::Status Findings(absl::FunctionRef<absl::Status(absl::string_view)> emit) override;
  absl::Status Articles(absl::FunctionRef<absl::Status(absl::string_view)> emit) override;
  absl::Status Copies(absl::FunctionRef<absl::Status(absl::string_view)> emit) override;

 private:
  std::unique_ptr<SpillStore> store_;
  std::vector<std::pair<int64_t, uint32_t>> articles_;
  int articles_value_;
  int copies_value_;
  std::vector<StoredFinding> findings_;
  std::vector<Review> reviews_;
  std::vector<std::string> article_events_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_STORED_LISTS_H_
