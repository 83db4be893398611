#include "checker/pipeline/group_schedule.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"

namespace crosscheck {

GroupSchedule::GroupSchedule(std::vector<size_t> sizes, size_t parse_budget, size_t small_group)
    : sizes_(std::move(sizes)), parse_budget_(parse_budget), small_group_(small_group) {
  order_.reserve(sizes_.size());
  for (size_t i = 0; i < sizes_.size(); ++i) order_.push_back(i);
  std::stable_sort(order_.begin(), order_.end(),
                   [&](size_t a, size_t b) { return sizes_[a] > sizes_[b]; });
  absl::MutexLock lock(&mu_);
  smallest_ = order_.size();
}

std::optional<size_t> GroupSchedule::Take() {
  absl::MutexLock lock(&mu_);
  size_t group;
  for (;;) {
    if (largest_ == smallest_) return std::nullopt;
    if (parsing_bytes_ == 0 || parsing_bytes_ + sizes_[order_[largest_]] <= parse_budget_) {
      group = order_[largest_++];
      break;
    }
    if (sizes_[order_[smallest_ - 1]] <= small_group_) {
      group = order_[--smallest_];
      break;
    }
    parsed_less_.Wait(&mu_);
  }
  parsing_bytes_ += sizes_[group];
  return group;
}

void GroupSchedule::Done(size_t group) {
  absl::MutexLock lock(&mu_);
  parsing_bytes_ -= sizes_[group];
  parsed_less_.SignalAll();
}

void GroupSchedule::Stop() {
  absl::MutexLock lock(&mu_);
  largest_ = smallest_;  // nothing more is started
  parsed_less_.SignalAll();
}

}  // namespace crosscheck
