#include "checker/compare/count_timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "checker/base/dates.h"

namespace crosscheck {
namespace {

std::string Number(double v) {
  if (std::isinf(v)) return "?";
  return std::floor(v) == v && std::fabs(v) < 1e15 ? absl::StrCat(static_cast<int64_t>(v))
                                                   : absl::StrCat(v);
}

}  // namespace

double Level(const Quantity& q) {
  return std::isfinite(q.value()) && q.value() > 0 ? q.value() : q.lower();
}

CountTimeline::CountTimeline(const std::vector<DatedClaim>& claims, int window) : window_(window) {
  for (const DatedClaim& c : claims) {
    if (!On(c)) continue;
    by_day_[c.day].push_back({Level(c.claim->quantity()), &c.claim->article_id()});
  }
  double highest = -std::numeric_limits<double>::infinity();
  for (auto it = by_day_.rbegin(); it != by_day_.rend(); ++it) {
    max_after_[it->first] = highest;
    for (const Report& r : it->second) highest = std::max(highest, r.value);
  }
}

bool CountTimeline::On(const DatedClaim& c) const {
  if (c.day == kUndatedDay || c.claim == nullptr || !c.claim->has_quantity()) return false;
  if (c.scope_start == kUndatedDay) return c.claim->scope().start().empty();
  // A day up to the report ("killed 138 on Sunday", Sunday or later), or a
  // span that ended before it ("killed 253 last weekend"); not a span still
  // running ("this week": a count of its own span), nor a background time.
  if (c.scope_end > c.day || c.day - c.scope_end > window_) return false;
  // (A night up to the report, "risen to 359 overnight", is the report's
  // own count too.)
  return c.scope_end - c.scope_start <= 1 || c.scope_end < c.day;
}

bool CountTimeline::ReportedBetween(int64_t day_a, int64_t day_b) const {
  const int64_t low = std::min(day_a, day_b), high = std::max(day_a, day_b);
  auto it = by_day_.upper_bound(low);
  return it != by_day_.end() && it->first < high;
}

bool CountTimeline::ReachedAfter(int64_t day, double value) const {
  auto it = by_day_.upper_bound(day);
  if (it == by_day_.end()) return false;
  // The highest value of `it`'s day and every later one.
  double highest = max_after_.at(it->first);
  for (const Report& r : it->second) highest = std::max(highest, r.value);
  return highest >= value;
}

bool CountTimeline::ConfirmedFrom(int64_t day, double value, double tolerance,
                                  const std::string& article_id) const {
  for (auto it = by_day_.lower_bound(day); it != by_day_.end(); ++it) {
    for (const Report& r : it->second) {
      if (*r.article_id != article_id && std::fabs(r.value - value) <= tolerance * value) {
        return true;
      }
    }
  }
  return false;
}

std::string CountTimeline::Describe() const {
  std::vector<std::string> days;
  int shown = 0;
  const int total = static_cast<int>(by_day_.size());
  for (const auto& [day, reports] : by_day_) {
    ++shown;
    if (total > kShownDays && shown > kShownDays / 2 && shown <= total - kShownDays / 2) {
      if (shown == kShownDays / 2 + 1) days.push_back("...");
      continue;
    }
    double low = reports.front().value, high = low;
    for (const Report& r : reports) {
      low = std::min(low, r.value);
      high = std::max(high, r.value);
    }
    days.push_back(absl::StrCat(FormatIsoDate(absl::CivilDay() + day), ": ", Number(low),
                                low == high ? "" : absl::StrCat(" to ", Number(high))));
  }
  return absl::StrJoin(days, "; ");
}

}  // namespace crosscheck
