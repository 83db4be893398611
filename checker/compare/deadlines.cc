#include "checker/compare/deadlines.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "checker/base/dates.h"

namespace crosscheck {

void AnchorRelativeDeadlines(const Rules& rules, std::vector<Claim>* claims) {
  for (const CompiledKind& kind : rules.kinds()) {
    const std::string& anchor_kind = kind.kind->duration_anchor_kind();
    if (anchor_kind.empty()) continue;
    // The days orders were given on: claims of the anchor kind scoped to one day.
    std::vector<std::pair<absl::CivilDay, const Claim*>> orders;
    for (const Claim& c : *claims) {
      if (c.kind() != anchor_kind || c.scope().start().empty() ||
          c.scope().start() != c.scope().end()) {
        continue;
      }
      if (absl::optional<absl::CivilDay> day = ParseIsoDate(c.scope().start())) {
        orders.emplace_back(*day, &c);
      }
    }
    if (orders.empty()) continue;
    std::stable_sort(orders.begin(), orders.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const int lookback = kind.kind->duration_anchor_lookback_days();
    for (Claim& c : *claims) {
      if (c.kind() != kind.kind->name() || !c.has_time() || c.time().duration_days() <= 0) {
        continue;
      }
      absl::optional<absl::CivilDay> published = ParseIsoDate(c.published());
      if (!published) continue;
      // The earliest order in reach: the first on or after the lookback.
      auto first =
          std::lower_bound(orders.begin(), orders.end(), *published - lookback,
                           [](const auto& entry, absl::CivilDay d) { return entry.first < d; });
      if (first != orders.end() && first->first <= *published) {
        const auto& [day, order] = *first;
        absl::CivilDay end = day + static_cast<int>(std::ceil(c.time().duration_days()));
        TimeInterval* t = c.mutable_time();
        t->set_start(FormatIsoDate(end));
        t->set_end(FormatIsoDate(end));
        t->set_granularity(GRANULARITY_DAY);
        t->set_resolution(absl::StrCat(t->duration_text(), " after the order of ", WeekdayName(day),
                                       " ", FormatIsoDate(day), " (", order->article_id(), ": \"",
                                       order->matched_text(), "\")"));
        c.set_display_value(absl::StrCat(WeekdayName(end), " ", FormatIsoDate(end), " (",
                                         t->duration_text(), " after ", WeekdayName(day),
                                         "'s order)"));
      }
    }
  }
}

}  // namespace crosscheck
