#include "checker/compare/relate.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/base/clock_time.h"
#include "checker/extract/actors.h"

namespace crosscheck {
namespace {

// (The relations are templates: a claim is a Claim or a GroupClaim.)
template <typename A, typename B>
bool SameScope(const A& a, const B& b) {
  return a.scope().start() == b.scope().start() && a.scope().end() == b.scope().end();
}

template <typename C>
std::string ScopeWords(const C& c) {
  return c.scope_text().empty() ? "an unstated time span" : c.scope_text();
}

bool Precise(Granularity g) {
  return g == GRANULARITY_DAY || g == GRANULARITY_WEEKEND || g == GRANULARITY_WEEK ||
         g == GRANULARITY_MONTH || g == GRANULARITY_YEAR;
}

template <typename A, typename B>
Relation RelateQuantities(const A& a, const B& b, const Comparison& cmp, std::string* reason) {
  const Quantity& qa = a.quantity();
  const Quantity& qb = b.quantity();
  // USD 20 million and EUR 20 million are not one value, nor rivals: amounts
  // in different currencies (units) are not compared.
  if (qa.unit() != qb.unit()) {
    if (reason) {
      *reason = absl::StrCat("they are in different units (", qa.unit(), " vs ", qb.unit(),
                             "), so they are not compared");
    }
    return Relation::kCompatible;
  }
  // Measures in one unit are compared as written ("2,700 tons" is not
  // "2,750 tons"); in two units, within the tolerance a conversion needs
  // ("130 miles" for "207 km").
  // (A measure's tolerance is how far apart the two may be: half of it on
  // each side.)
  const double tol = qa.dimension().empty()                   ? cmp.relative_tolerance()
                     : qa.written_unit() == qb.written_unit() ? 0
                                                              : cmp.relative_tolerance() / 2;
  const double abs_tol = cmp.absolute_tolerance();
  const double inf = INFINITY;
  double la = qa.lower() * (1 - tol) - abs_tol,
         ua = qa.unbounded() ? inf : qa.upper() * (1 + tol) + abs_tol;
  double lb = qb.lower() * (1 - tol) - abs_tol,
         ub = qb.unbounded() ? inf : qb.upper() * (1 + tol) + abs_tol;
  // "more than 20" is (20, inf) and "fewer than 20" is [0, 20): open ends.
  auto lower_open = [](const Quantity& q) { return q.qualifier() == QUALIFIER_MORE_THAN; };
  auto upper_open = [](const Quantity& q) { return q.qualifier() == QUALIFIER_LESS_THAN; };
  auto below = [](double lower, bool lower_is_open, double upper, bool upper_is_open) {
    return lower < upper || (lower == upper && !lower_is_open && !upper_is_open);
  };
  bool both_exact = qa.qualifier() == QUALIFIER_EXACT && qb.qualifier() == QUALIFIER_EXACT;
  if (below(la, lower_open(qa), ub, upper_open(qb)) &&
      below(lb, lower_open(qb), ua, upper_open(qa))) {
    if (both_exact || a.display_value() == b.display_value()) {
      if (reason) *reason = "the counts match";
      return Relation::kEqual;
    }
    if (reason) *reason = "the ranges overlap";
    return Relation::kCompatible;
  }
  // "600" next to "612": a round number may be a rounded one.
  auto round = [](double v) { return v >= 100 && std::fmod(v, 100) == 0; };
  const double larger = std::max(qa.value(), qb.value());
  const bool rounded = cmp.round_number_tolerance() > 0 &&
                       (round(qa.value()) || round(qb.value())) && larger > 0 &&
                       std::fabs(qa.value() - qb.value()) / larger <= cmp.round_number_tolerance();
  if (both_exact && SameScope(a, b) && !a.attribution().hedged() && !b.attribution().hedged() &&
      !rounded) {
    if (reason) {
      *reason = a.scope_text().empty()
                    ? "both are exact counts with no different time span given, and they differ"
                    : "both are exact counts for the same time span, and they differ";
    }
    return Relation::kHardConflict;
  }
  if (reason) {
    std::vector<std::string> why;
    if (!SameScope(a, b)) {
      why.push_back(absl::StrCat("they cover different time spans (", ScopeWords(a), " vs ",
                                 ScopeWords(b), ")"));
    }
    if (!both_exact) why.push_back("at least one is a bound or an estimate, not a count");
    if (rounded) why.push_back("a round number may be a rounded one");
    if (a.attribution().hedged() || b.attribution().hedged()) {
      why.push_back("at least one is hedged");
    }
    *reason = absl::StrCat("the numbers do not overlap, but ", absl::StrJoin(why, "; "));
  }
  return Relation::kSoftConflict;
}

// "18:40-18:50 local time", "16:00 UTC": a clock as compared.
std::string ClockWords(const TimeInterval& t, bool utc) {
  return absl::StrCat(FormatClockRange(t.clock_from(), t.clock_to(), utc ? t.utc_offset() : 0),
                      utc ? " UTC" : " local time");
}

// Two times of day (each maybe on a day): compared in UTC when both zones
// are known, else as local clocks when neither names a foreign zone.
template <typename A, typename B>
Relation RelateClocks(const A& a, const B& b, std::string* reason) {
  const TimeInterval& ta = a.time();
  const TimeInterval& tb = b.time();
  // Two clocks in the event's local time are compared as written (an
  // offset from a place may be another city's); a named zone needs both in
  // UTC.
  const bool named = ta.zone_explicit() || tb.zone_explicit();
  const bool utc = named && ta.has_utc_offset() && tb.has_utc_offset();
  if (!utc && named) {
    if (reason) *reason = "they give the time in different zones, one of them unknown";
    return Relation::kCompatible;
  }
  const bool days = !ta.start().empty() && !tb.start().empty();
  if (days && (ta.start() > tb.end() || tb.start() > ta.end())) {
    if (!a.attribution().hedged() && !b.attribution().hedged()) {
      if (reason) *reason = "they put it on different days";
      return Relation::kHardConflict;
    }
    if (reason) *reason = "they put it on different days, but at least one is hedged";
    return Relation::kSoftConflict;
  }
  // Minutes on one line: a day's clock, less the zone's offset.
  int64_t a_from = ta.clock_from() - (utc ? ta.utc_offset() : 0);
  int64_t a_to = ta.clock_to() - (utc ? ta.utc_offset() : 0);
  int64_t b_from = tb.clock_from() - (utc ? tb.utc_offset() : 0);
  int64_t b_to = tb.clock_to() - (utc ? tb.utc_offset() : 0);
  bool overlap = false;
  if (days && ta.start() == ta.end() && tb.start() == tb.end()) {
    overlap = a_from <= b_to && b_from <= a_to;
  } else {
    // Without the days, a clock is the same clock a day earlier or later.
    for (int shift : {-1440, 0, 1440}) overlap |= a_from <= b_to + shift && b_from + shift <= a_to;
  }
  const std::string words = absl::StrCat(ClockWords(ta, utc), " vs ", ClockWords(tb, utc));
  if (overlap) {
    if (a_from == a_to && b_from == b_to) {
      if (reason) *reason = absl::StrCat("the times match (", words, ")");
      return Relation::kEqual;
    }
    if (reason) *reason = absl::StrCat("the times overlap (", words, "), so both can be true");
    return Relation::kCompatible;
  }
  if (ta.clock_exact() && tb.clock_exact() && !a.attribution().hedged() &&
      !b.attribution().hedged()) {
    if (reason) *reason = absl::StrCat("both give the minute, and they differ (", words, ")");
    return Relation::kHardConflict;
  }
  if (reason) {
    *reason = absl::StrCat("the times do not overlap (", words,
                           "), but at least one is approximate, rounded or hedged");
  }
  return Relation::kSoftConflict;
}

template <typename A, typename B>
Relation RelateTimes(const A& a, const B& b, std::string* reason) {
  const TimeInterval& ta = a.time();
  const TimeInterval& tb = b.time();
  if (ta.has_clock() && tb.has_clock()) return RelateClocks(a, b, reason);
  // A time of day against a day: the days decide, when both give one.
  if ((ta.has_clock() || tb.has_clock()) && (ta.start().empty() || tb.start().empty())) {
    if (reason) *reason = "one gives only a time of day and the other only a day";
    return Relation::kCompatible;
  }
  if (ta.start() == tb.start() && ta.end() == tb.end()) {
    if (reason) *reason = "the dates match";
    return Relation::kEqual;
  }
  if (ta.start() <= tb.end() && tb.start() <= ta.end()) {
    if (reason) *reason = "the periods overlap, so both can be true";
    return Relation::kCompatible;
  }
  if (Precise(ta.granularity()) && Precise(tb.granularity()) && !a.attribution().hedged() &&
      !b.attribution().hedged()) {
    if (reason) *reason = "the days do not overlap";
    return Relation::kHardConflict;
  }
  if (reason) *reason = "the dates do not overlap, but at least one of them is imprecise or hedged";
  return Relation::kSoftConflict;
}

template <typename A, typename B>
Relation RelateActors(const A& a, const B& b, const Comparison& cmp, std::string* reason) {
  if (ActorResolver::Related(a.actor(), b.actor())) {
    if (reason) *reason = "they name the same party (or one that speaks for it)";
    return Relation::kEqual;
  }
  if (cmp.exclusive_actors()) {
    if (reason) *reason = "they name different parties, and only one of them can be right";
    return Relation::kHardConflict;
  }
  if (reason) {
    *reason =
        "they name different parties; both may have given orders, so check which one caused it";
  }
  return Relation::kSoftConflict;
}

template <typename A, typename B>
Relation RelateAny(const A& a, const B& b, const Comparison& comparison, std::string* reason) {
  if (a.has_quantity() && b.has_quantity()) return RelateQuantities(a, b, comparison, reason);
  if (a.has_time() && b.has_time()) return RelateTimes(a, b, reason);
  if (a.has_actor() && b.has_actor()) return RelateActors(a, b, comparison, reason);
  if (reason) *reason = "the values are of different types";
  return Relation::kCompatible;
}

}  // namespace

Relation Relate(const Claim& a, const Claim& b, const Comparison& comparison, std::string* reason) {
  return RelateAny(a, b, comparison, reason);
}
Relation Relate(const GroupClaim& a, const GroupClaim& b, const Comparison& comparison,
                std::string* reason) {
  return RelateAny(a, b, comparison, reason);
}
Relation Relate(const GroupClaim& a, const Claim& b, const Comparison& comparison,
                std::string* reason) {
  return RelateAny(a, b, comparison, reason);
}

}  // namespace crosscheck
