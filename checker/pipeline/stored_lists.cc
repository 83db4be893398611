#include "checker/pipeline/stored_lists.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "checker/base/status_macros.h"
#include "checker/storage/spill_store.h"
#include "checker/storage/stored_records.h"
#include "proto/finding.pb.h"
#include "proto/report.pb.h"

namespace crosscheck {

void SortStoredFindings(std::vector<StoredFinding>* findings) {
  std::sort(findings->begin(), findings->end(), [](const StoredFinding& a, const StoredFinding& b) {
    return std::tie(a.rank, a.kind, a.subject, a.id, a.sequence) <
           std::tie(b.rank, b.kind, b.subject, b.id, b.sequence);
  });
}

StoredLists::StoredLists(std::unique_ptr<SpillStore> store,
                         std::vector<std::pair<int64_t, uint32_t>> articles, int articles_value,
                         int copies_value, std::vector<StoredFinding> findings,
                         std::vector<Review> reviews)
    : store_(std::move(store)),
      articles_(std::move(articles)),
      articles_value_(articles_value),
      copies_value_(copies_value),
      findings_(std::move(findings)),
      reviews_(std::move(reviews)) {}

absl::Status StoredLists::Findings(absl::FunctionRef<absl::Status(absl::string_view)> emit) {
  Finding reviewed;
  for (const StoredFinding& f : findings_) {
    ASSIGN_OR_RETURN(std::string bytes, store_->Read(f.value, f.at, f.length));
    if (f.review >= 0) {
      reviewed.Clear();
      if (!reviewed.ParseFromString(bytes)) {
        return absl::InternalError("a finding the run stored does not parse");
      }
      *reviewed.mutable_review() = reviews_[static_cast<size_t>(f.review)];
      bytes = reviewed.SerializeAsString();
    }
    RETURN_IF_ERROR(emit(bytes));
  }
  return absl::OkStatus();
}

absl::Status StoredLists::Articles(absl::FunctionRef<absl::Status(absl::string_view)> emit) {
  ArticleSummary with_event;
  for (size_t i = 0; i < articles_.size(); ++i) {
    const auto& [at, length] = articles_[i];
    ASSIGN_OR_RETURN(std::string bytes, store_->Read(articles_value_, at, length));
    if (i < article_events_.size() && !article_events_[i].empty()) {
      // Re-serialized, not appended: the JSON is written from the bytes in
      // their order, and the event goes in its field's place (before
      // `published_time`), as in a report built whole.
      with_event.Clear();
      if (!with_event.ParseFromString(bytes)) {
        return absl::InternalError("an article summary the run stored does not parse");
      }
      with_event.set_event(article_events_[i]);
      bytes = with_event.SerializeAsString();
    }
    RETURN_IF_ERROR(emit(bytes));
  }
  return absl::OkStatus();
}

absl::Status StoredLists::Copies(absl::FunctionRef<absl::Status(absl::string_view)> emit) {
  return ForEachStoredRecord(*store_, copies_value_,
                             [&](int64_t, absl::string_view bytes) { return emit(bytes); });
}

}  // namespace crosscheck
