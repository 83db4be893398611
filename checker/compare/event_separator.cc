#include "checker/compare/event_separator.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/events/participants.h"

namespace crosscheck {
namespace {

// Claims of one event, as SplitIntoEvents gathers them.
struct Event {
  std::vector<const GroupClaim*> members;
  std::vector<const GroupClaim*> places;  // one member per place key
  std::set<std::string> place_keys;
  bool dated = false, undated = false;
};

}  // namespace

void KeptApartLog::Record(const GroupClaim& a, const GroupClaim& b, const std::string& why) {
  ++kept_.pairs;
  if (!full() && shown_.insert(why).second) {
    kept_.examples.push_back(
        absl::StrCat(a.subject(), ": ", a.article_id(), " vs ", b.article_id(), " (", why, ")"));
  }
}

KeptApart KeptApartLog::Take() {
  KeptApart kept = std::move(kept_);
  kept_ = KeptApart();
  shown_.clear();
  return kept;
}

std::string EventSeparator::PlacesApart(const Comparison& comparison, const GroupClaim& a,
                                        const GroupClaim& b) const {
  if (comparison.separate_places() && !places_.Compatible(a.place(), b.place())) {
    return absl::StrCat(PlaceHierarchy::Describe(a.place()), " vs ",
                        PlaceHierarchy::Describe(b.place()));
  }
  return "";
}

std::string EventSeparator::ParticipantsApart(const GroupClaim& a, const GroupClaim& b) {
  if (a.published().empty() != b.published().empty() &&
      !ParticipantFinder::ShareAny(a.participants(), b.participants())) {
    return "undated vs dated, no participant in common";
  }
  return "";
}

std::string EventSeparator::UndatedParticipantsApart(const GroupClaim& a, const GroupClaim& b) {
  if ((a.published().empty() || b.published().empty()) &&
      !ParticipantFinder::ShareAny(a.participants(), b.participants())) {
    return "undated, no participant in common";
  }
  return "";
}

std::string EventSeparator::Apart(const Comparison& comparison, const GroupClaim& a,
                                  const GroupClaim& b) const {
  std::string why = PlacesApart(comparison, a, b);
  return why.empty() ? UngroupedParticipantsApart(a, b) : why;
}

std::vector<std::vector<const GroupClaim*>> EventSeparator::SplitIntoEvents(
    const std::vector<const GroupClaim*>& claims, const Comparison& comparison,
    KeptApartLog* log) const {
  std::vector<Event> event_list;
  auto fits = [&](const Event& event, const GroupClaim& c) {
    for (const GroupClaim* p : event.places) {
      if (!PlacesApart(comparison, *p, c).empty()) return false;
    }
    const bool c_dated = !c.published().empty();
    if (c_dated ? event.undated : event.dated) {
      for (const GroupClaim* m : event.members) {
        if (m->published().empty() == c_dated && !UngroupedParticipantsApart(*m, c).empty()) {
          return false;
        }
      }
    }
    return true;
  };
  for (const GroupClaim* c : claims) {
    Event* home = nullptr;
    for (Event& event : event_list) {
      if (fits(event, *c)) {
        home = &event;
        break;
      }
    }
    if (home == nullptr) {
      for (const Event& event : event_list) {
        const GroupClaim& first = *event.members.front();
        // (The words only for examples.)
        log->Record(first, *c, log->full() ? std::string() : Apart(comparison, first, *c));
      }
      home = &event_list.emplace_back();
    }
    home->members.push_back(c);
    if (home->place_keys.insert(c->place().key()).second) home->places.push_back(c);
    (c->published().empty() ? home->undated : home->dated) = true;
  }
  std::vector<std::vector<const GroupClaim*>> events;
  events.reserve(event_list.size());
  for (Event& e : event_list) events.push_back(std::move(e.members));
  return events;
}

}  // namespace crosscheck
