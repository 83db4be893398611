// Reads a time of day in news text: "6:50 p.m. local time", "0912 GMT",
// "around 6 pm (1600 GMT)", "shortly before noon", "18h50", "8.30am".
//
// A clock becomes the minutes it allows after local midnight: "about" widens
// it as far as the clock is round (a round hour is rounder than 18:47),
// "shortly before" moves it, both as rules/clock.textproto says. A zone
// after it (a name in the rules, "local time", "Paris time") or a second
// clock in a named zone in parentheses says how it relates to UTC. A clock
// written without a.m./p.m. that could be either ("at 6:50") is not read.
//
// Example:
//   ClockReader reader(rules.proto());
//   absl::optional<ClockReading> r = reader.Read("about 6 pm (1600 GMT) on Monday");
//   // r->from == 17 * 60 + 45, r->to == 18 * 60 + 15, r->utc_offset == 120,
//   // r->rest == "on monday"
#ifndef CROSSCHECK_CHECKER_BASE_CLOCK_TIME_H_
#define CROSSCHECK_CHECKER_BASE_CLOCK_TIME_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "proto/rules.pb.h"
#include "re2/re2.h"

namespace crosscheck {

// One time of day read from a text.
struct ClockReading {
  // First and last minute after local midnight it allows; "shortly before
  // midnight" may start below 0 (the day before).
  int from = 0;
  int to = 0;
  // Written to the minute with no modifier and not on the half hour.
  bool exact = false;
  // The zone words as written ("gmt", "local time", "paris time"), folded;
  // empty when none.
  std::string zone;
  // A named zone ("GMT", "Eastern Time"), not the event's local time.
  bool zone_explicit = false;
  // The zone's offset from UTC in minutes, when the text fixes it: a fixed
  // zone of the rules, or a second clock in a named zone in parentheses.
  absl::optional<int> utc_offset;
  // The IANA zone a named zone stands for ("America/New_York"), whose
  // offset depends on the day.
  std::string iana_zone;
  // "Paris" of "Paris time": a place whose zone the caller looks up.
  std::string zone_place;
  // The text without the clock, its modifier and zone, folded and trimmed
  // of joining words ("at", "on", commas): the day part, if any ("monday").
  std::string rest;
};

class ClockReader {
 public:
  // `rules` (its `clock` part) must outlive the reader.
  explicit ClockReader(const RuleSet& rules);

  // The first clock in `text`, or nullopt.
  absl::optional<ClockReading> Read(absl::string_view text) const;

 private:
  absl::optional<ClockReading> ReadFolded(const std::string& folded,
                                          bool allow_parenthetical) const;
  // "about" widths: on the hour, half hour, five minutes, other.
  int AboutWidth(int minute) const;

  const ClockRules& rules_;
  std::unique_ptr<RE2> core_;      // the clock itself
  std::unique_ptr<RE2> modifier_;  // anchored at the end of the text before it
  std::unique_ptr<RE2> zone_;      // anchored at the start of the text after it
  std::vector<std::pair<std::string, const ClockModifier*>> modifier_words_;  // folded
  std::vector<std::pair<std::string, const TimeZoneName*>> zone_names_;       // folded
};

// Minutes `iana_zone` is ahead of UTC at noon of `day`; nullopt when the zone
// is unknown or the system has no time zone data (Debian's tzdata).
absl::optional<int> UtcOffsetMinutes(const std::string& iana_zone, absl::CivilDay day);

// "18:50", "06:05"; minutes outside one day wrap ("-15" is "23:45").
std::string FormatClock(int minute);

// "18:50", or "17:45-18:15" when `from` and `to` differ; both moved back by
// `shift` minutes (a zone's offset, to show UTC).
std::string FormatClockRange(int from, int to, int shift = 0);

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_BASE_CLOCK_TIME_H_
