#include "checker/compare/claim_days.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "checker/base/dates.h"

namespace crosscheck {
namespace {

// Days since the civil epoch of an ISO date, or kUndatedDay.
int64_t DayOf(const std::string& iso_date) {
  absl::optional<absl::CivilDay> civil = ParseIsoDate(iso_date);
  return civil ? static_cast<int64_t>(*civil - absl::CivilDay()) : kUndatedDay;
}

// The days a claim is about: its scope, or for an unscoped claim the
// `window` days up to its publication (news reports the present). Empty
// when neither is known.
absl::optional<std::pair<std::string, std::string>> EffectiveScope(const GroupClaim& c,
                                                                   int window) {
  if (!c.scope().start().empty()) return std::make_pair(c.scope().start(), c.scope().end());
  absl::optional<absl::CivilDay> pub = ParseIsoDate(c.published());
  if (!pub) return absl::nullopt;
  return std::make_pair(FormatIsoDate(*pub - window), FormatIsoDate(*pub));
}

// True when the claim's scope ends well before its own article was
// published: a background number of an earlier event.
bool Background(const GroupClaim& c, int window) {
  absl::optional<absl::CivilDay> pub = ParseIsoDate(c.published());
  absl::optional<absl::CivilDay> end = ParseIsoDate(c.scope().end());
  return pub && end && *end < *pub - window;
}

// "In September" in an undated article: a month of an unknown year, a time
// of its own, not the article's present.
bool UnknownMonth(const GroupClaim& c) {
  return c.scope().start().empty() && c.scope().granularity() != GRANULARITY_UNSPECIFIED;
}

// TimesApart on the claims' own dates (for a scope that is not a day).
bool DisjointScopes(const GroupClaim& a, const GroupClaim& b, int window) {
  if (UnknownMonth(a) || UnknownMonth(b)) return true;  // another time, year unknown
  if (a.scope().start().empty() && b.scope().start().empty()) return false;  // both "now"
  auto sa = EffectiveScope(a, window);
  auto sb = EffectiveScope(b, window);
  if (!sa || !sb) {
    // A background claim ("in December 2003, 31,000 were killed") is about
    // its own time; against a claim of unknown time it is no rival.
    return Background(a, window) || Background(b, window) ||
           (!a.scope().start().empty() && a.published().empty()) ||
           (!b.scope().start().empty() && b.published().empty()) || UnknownMonth(a) ||
           UnknownMonth(b);
  }
  return sa->second < sb->first || sb->second < sa->first;
}

// The days claim `e` is about (see EffectiveScope), into [*start, *end];
// false when they are not known.
bool EffectiveDays(const DatedClaim& e, bool scoped, int window, int64_t* start, int64_t* end) {
  if (scoped) {
    *start = e.scope_start;
    *end = e.scope_end;
    return true;
  }
  if (e.day == kUndatedDay) return false;
  *start = e.day - window;
  *end = e.day;
  return true;
}

}  // namespace

DatedClaim DateClaim(const GroupClaim& claim, int order) {
  DatedClaim dated{&claim, order, DayOf(claim.published())};
  if (!claim.scope().start().empty()) {
    const int64_t start = DayOf(claim.scope().start());
    const int64_t end = DayOf(claim.scope().end());
    if (start != kUndatedDay && end != kUndatedDay) {
      dated.scope_start = start;
      dated.scope_end = end;
    }
  }
  return dated;
}

bool TimesApart(const DatedClaim& x, const DatedClaim& y, int window) {
  // DisjointScopes on the days computed once per claim (the same answer).
  if (UnknownMonth(*x.claim) || UnknownMonth(*y.claim)) return true;  // year unknown
  const bool x_scoped = !x.claim->scope().start().empty();
  const bool y_scoped = !y.claim->scope().start().empty();
  if ((x_scoped && x.scope_start == kUndatedDay) || (y_scoped && y.scope_start == kUndatedDay)) {
    return DisjointScopes(*x.claim, *y.claim, window);  // a scope that is not a day
  }
  if (!x_scoped && !y_scoped) return false;  // both "now"
  int64_t xs, xe, ys, ye;
  const bool xk = EffectiveDays(x, x_scoped, window, &xs, &xe);
  const bool yk = EffectiveDays(y, y_scoped, window, &ys, &ye);
  if (!xk || !yk) {
    auto background = [&](const DatedClaim& e, bool scoped) {
      return scoped && e.day != kUndatedDay && e.scope_end < e.day - window;
    };
    return background(x, x_scoped) || background(y, y_scoped) ||
           (x_scoped && x.day == kUndatedDay) || (y_scoped && y.day == kUndatedDay);
  }
  return xe < ys || ye < xs;
}

absl::optional<int64_t> PublishedDaysApart(const DatedClaim& x, const DatedClaim& y) {
  if (x.day == kUndatedDay || y.day == kUndatedDay) return absl::nullopt;
  return std::llabs(x.day - y.day);
}

long DaysApart(const GroupClaim& a, const GroupClaim& b) {
  absl::optional<absl::CivilDay> da = ParseIsoDate(a.published());
  absl::optional<absl::CivilDay> db = ParseIsoDate(b.published());
  if (!da || !db) return 0;
  return std::labs(static_cast<long>(*da - *db));
}

std::vector<std::vector<const GroupClaim*>> PublicationWindows(
    std::vector<const GroupClaim*> claims, int update_after_days) {
  // Only claims made in one window of time corroborate each other: the
  // same words weeks apart may describe a different act.
  std::stable_sort(claims.begin(), claims.end(), [](const GroupClaim* a, const GroupClaim* b) {
    return a->published() < b->published();
  });
  std::vector<std::vector<const GroupClaim*>> windows;
  for (const GroupClaim* c : claims) {
    if (windows.empty() ||
        (update_after_days > 0 && DaysApart(*windows.back().back(), *c) >= update_after_days)) {
      windows.emplace_back();
    }
    windows.back().push_back(c);
  }
  return windows;
}

}  // namespace crosscheck
