#include "checker/base/value_key.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace crosscheck {

std::string ValueKey(const Claim& c) {
  if (c.has_time()) {  // the days, however they were written
    const TimeInterval& t = c.time();
    if (!t.has_clock()) return absl::StrCat(t.start(), "..", t.end());
    // With the time of day: in UTC when the zone is known, else as written
    // in its zone ("L": the event's local time).
    const int shift = t.has_utc_offset() ? t.utc_offset() : 0;
    return absl::StrCat(t.start(), "..", t.end(), "@", t.clock_from() - shift, "-",
                        t.clock_to() - shift,
                        t.has_utc_offset()  ? "Z"
                        : t.zone_explicit() ? t.zone()
                                            : "L");
  }
  // A measure's value, however it was written ("2,750 tons" and "2,750
  // tonnes" are one).
  if (c.has_quantity() && !c.quantity().dimension().empty()) {
    const Quantity& q = c.quantity();
    return absl::StrCat("q", static_cast<int>(q.qualifier()), ":", q.lower(), "..",
                        q.unbounded() ? std::string("inf") : absl::StrCat(q.upper()), " ",
                        q.unit());
  }
  if (!c.has_actor()) return c.display_value();
  const Actor& a = c.actor();
  if (a.ancestors_size() >= 2) return a.ancestors(a.ancestors_size() - 2);
  return a.id();
}

}  // namespace crosscheck
