// Which (kind, subject) group a comparing thread takes next, so that the
// comparison's peak memory stays that of about one large group: largest
// first, and a group is parsed only while the groups being compared hold
// less than a budget of serialized bytes (or none is being compared): two of
// the largest parsed at once would double the peak. While a large group is
// compared, the other threads take the smallest groups (up to a size), not
// the next large one.
//
// Example (on each comparing thread):
//   for (std::optional<size_t> g; (g = schedule.Take()).has_value();) {
//     Compare(groups[*g]);  // parsed, compared, freed
//     schedule.Done(*g);
//   }
#ifndef CROSSCHECK_CHECKER_PIPELINE_GROUP_SCHEDULE_H_
#define CROSSCHECK_CHECKER_PIPELINE_GROUP_SCHEDULE_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace crosscheck {

// Thread-safe.
class GroupSchedule {
 public:
  // `sizes`: each group's serialized size, by index. At most `parse_budget`
  // bytes are being compared at once, unless a single group holds more; a
  // group of at most `small_group` bytes may be taken past the budget.
  GroupSchedule(std::vector<size_t> sizes, size_t parse_budget, size_t small_group);

  // The next group to compare (largest first; smallest first while the
  // budget is full), waiting while none fits; none when every group was
  // taken, or after Stop. Each group is taken once.
  std::optional<size_t> Take();

  // Group `group` (from Take) is compared and freed: its bytes leave the
  // budget.
  void Done(size_t group);

  // Takes no more groups (Take returns none): after an error.
  void Stop();

  // Group `group`'s size, as given.
  size_t size(size_t group) const { return sizes_[group]; }

 private:
  const std::vector<size_t> sizes_;
  const size_t parse_budget_;
  const size_t small_group_;
  std::vector<size_t> order_;  // group indexes, largest first (stable)
  absl::Mutex mu_;
  absl::CondVar parsed_less_;
  size_t largest_ ABSL_GUARDED_BY(mu_) = 0;   // order_[largest_, smallest_)
  size_t smallest_ ABSL_GUARDED_BY(mu_) = 0;  // are left
  size_t parsing_bytes_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_PIPELINE_GROUP_SCHEDULE_H_
