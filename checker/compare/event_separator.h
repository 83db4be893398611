// What keeps two claims apart as claims of different events, so that they are
// neither rivals nor corroboration: places that exclude each other (for kinds
// whose comparison has `separate_places`: neither place is the other or lies
// in it, checker/events/places.h), and an undated article against a dated one
// when the two name no participant in common (checker/events/participants.h).
// The pairs kept apart are counted, with a few examples in words.
//
// Example:
//   EventSeparator separator(places);
//   KeptApartLog log;
//   if (std::string why = separator.Apart(comparison, a, b); !why.empty()) {
//     log.Record(a, b, why);  // "deaths: 18_1ecb vs 18_2ecbplus (Vancouver, ... vs Troy, ...)"
//   }
//   for (const auto& event : separator.SplitIntoEvents(same_value, comparison, &log)) ...
//   KeptApart kept = log.Take();
#ifndef CROSSCHECK_CHECKER_COMPARE_EVENT_SEPARATOR_H_
#define CROSSCHECK_CHECKER_COMPARE_EVENT_SEPARATOR_H_

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "checker/compare/claim_group.h"
#include "checker/events/places.h"
#include "proto/rules.pb.h"

namespace crosscheck {

// Pairs of claims the comparer kept apart as different events.
struct KeptApart {
  // How many pairs (conflicting values, or the same value that would have
  // been counted as agreement).
  int64_t pairs = 0;
  // A few of them in words, one per reason: "deaths: 18_1ecb vs 18_2ecbplus
  // (Vancouver, British Columbia vs Troy, Michigan)".
  std::vector<std::string> examples;
};

// Collects the pairs kept apart: every pair counted, the first pair of each
// reason as an example, up to kMaxExamples examples.
class KeptApartLog {
 public:
  static constexpr size_t kMaxExamples = 5;

  // Counts the pair (a, b), kept apart because of `why` ("Vancouver vs
  // Troy"); an example when `why` is new and there is room for one.
  void Record(const GroupClaim& a, const GroupClaim& b, const std::string& why);
  // Whether no more examples are kept (then Record only counts, whatever
  // its `why`).
  bool full() const { return kept_.examples.size() >= kMaxExamples; }

  const KeptApart& kept() const { return kept_; }
  // What was collected; the log is left empty.
  KeptApart Take();

 private:
  KeptApart kept_;
  std::set<std::string> shown_;  // the reasons of the examples
};

// Tells claims of different events apart. Thread-safe (as the hierarchy is).
class EventSeparator {
 public:
  // `places`: which places lie in which; it must outlive the separator.
  // `events_grouped`: the articles were grouped into events before (what
  // they share said which story each covers), so an undated article of the
  // event is compared with the dated ones (ParticipantsApart is not asked).
  explicit EventSeparator(const PlaceHierarchy& places, bool events_grouped = false)
      : places_(places), events_grouped_(events_grouped) {}

  // For kinds whose `comparison` has separate_places: why the places of `a`
  // and `b` exclude each other ("Vancouver, British Columbia vs Troy,
  // Michigan"). Empty when they do not (or the kind does not separate
  // places).
  std::string PlacesApart(const Comparison& comparison, const GroupClaim& a,
                          const GroupClaim& b) const;
  // Why `a` and `b` are of different events by their participants: one
  // article undated and the other dated, and no participant in common.
  // Empty when nothing says so.
  static std::string ParticipantsApart(const GroupClaim& a, const GroupClaim& b);
  // Claims one of which is undated, of articles that name no participant
  // in common (Comparison.undated_needs_participant).
  static std::string UndatedParticipantsApart(const GroupClaim& a, const GroupClaim& b);
  // ParticipantsApart, unless the events were grouped.
  std::string UngroupedParticipantsApart(const GroupClaim& a, const GroupClaim& b) const {
    return events_grouped_ ? "" : ParticipantsApart(a, b);
  }
  // PlacesApart, else UngroupedParticipantsApart.
  std::string Apart(const Comparison& comparison, const GroupClaim& a, const GroupClaim& b) const;

  // `claims` (of one value) as events, in order of first claim: a claim
  // joins the first event whose places and (undated vs dated) participants
  // it is compatible with, else starts one. Each event a claim starting one
  // did not fit is a pair kept apart (the event's first claim and the
  // claim), recorded in `log`. An event keeps one claim per place, so a
  // thousand claims from one city cost one check, not a thousand.
  std::vector<std::vector<const GroupClaim*>> SplitIntoEvents(
      const std::vector<const GroupClaim*>& claims, const Comparison& comparison,
      KeptApartLog* log) const;

 private:
  const PlaceHierarchy& places_;
  const bool events_grouped_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_EVENT_SEPARATOR_H_
