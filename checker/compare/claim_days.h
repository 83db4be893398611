// The days a claim is about, parsed once: the day its article was published
// and the days its scope covers; and what the comparison reads from them:
// whether two claims are about times that do not meet (then they are no
// rivals), how many days apart they were reported, and the windows of time in
// which claims of one value corroborate each other.
//
// Example:
//   DatedClaim x = DateClaim(a, 0), y = DateClaim(b, 1);
//   if (TimesApart(x, y, /*window=*/7)) return;  // a count for February, one for this week
//   absl::optional<int64_t> apart = PublishedDaysApart(x, y);
//   for (const auto& window : PublicationWindows(same_value, 7)) ...
#ifndef CROSSCHECK_CHECKER_COMPARE_CLAIM_DAYS_H_
#define CROSSCHECK_CHECKER_COMPARE_CLAIM_DAYS_H_

#include <cstdint>
#include <limits>
#include <vector>

#include "absl/types/optional.h"
#include "checker/compare/claim_group.h"

namespace crosscheck {

// A day that is not known (an undated article, a scope that is not a day).
inline constexpr int64_t kUndatedDay = std::numeric_limits<int64_t>::min();

// A claim with its days, as days since the civil epoch.
struct DatedClaim {
  const GroupClaim* claim = nullptr;
  int order = 0;                      // its position among the claims compared
  int64_t day = kUndatedDay;          // its article's publication
  int64_t scope_start = kUndatedDay;  // its scope, when it has one that parses
  int64_t scope_end = kUndatedDay;
};

// `claim`'s days; `order` is kept as given.
DatedClaim DateClaim(const GroupClaim& claim, int order);

// True when `x` and `y` are about time spans that do not meet: their scopes,
// or for an unscoped claim the `window` days up to its publication (news
// reports the present). A month of an unknown year ("in September" in an
// undated article) meets nothing; two unscoped claims always meet (both
// "now"); a background number (a scope ending more than `window` days before
// its article) or a scoped claim of an undated article does not meet a claim
// of unknown time.
bool TimesApart(const DatedClaim& x, const DatedClaim& y, int window);

// How many days apart `x` and `y` were published; none when either is
// undated.
absl::optional<int64_t> PublishedDaysApart(const DatedClaim& x, const DatedClaim& y);

// How many days apart `a` and `b` were published; 0 when either date is
// missing or does not parse.
long DaysApart(const GroupClaim& a, const GroupClaim& b);

// `claims` by publication (stably: undated first, then by date) in windows
// of time: a window ends before the first claim `update_after_days` or more
// after its last claim. With `update_after_days` <= 0, one window.
std::vector<std::vector<const GroupClaim*>> PublicationWindows(
    std::vector<const GroupClaim*> claims, int update_after_days);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_CLAIM_DAYS_H_
