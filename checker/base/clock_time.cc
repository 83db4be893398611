#include "checker/base/clock_time.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "checker/base/re2_util.h"
#include "checker/base/text_fold.h"

namespace crosscheck {
namespace {

// Longest first, so that "shortly before" wins over "before".
template <typename T>
void SortLongestFirst(std::vector<std::pair<std::string, T>>* words) {
  std::stable_sort(words->begin(), words->end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

template <typename T>
std::string Alternation(const std::vector<std::pair<std::string, T>>& words) {
  std::vector<std::string> quoted;
  for (const auto& [w, unused] : words) {
    quoted.push_back(RE2::QuoteMeta(w));
  }
  return absl::StrJoin(quoted, "|");
}

// The clock's groups (see kCore).
enum Group {
  kHour = 1,
  kMinute,
  kMeridiem,
  kHourMeridiem,
  kMeridiemOnly,
  kHourH,
  kMinuteH,
  kHour24,
  kMinute24,
  kNamed,
  kGroups = kNamed,
};

// Drops joining words and punctuation at both ends of the day part.
std::string TrimJoiners(std::string s) {
  static const LazyRE2 kEdges = {
      R"(^(?:[\s,;()]|\bat\b|\bon\b|\band\b)+|(?:[\s,;()]|\bat\b|\bon\b|\band\b)+$)"};
  RE2::GlobalReplace(&s, *kEdges, "");
  static const LazyRE2 kSpaces = {R"(\s+)"};
  RE2::GlobalReplace(&s, *kSpaces, " ");
  return std::string(absl::StripAsciiWhitespace(s));
}

}  // namespace

ClockReader::ClockReader(const RuleSet& rules) : rules_(rules.clock()) {
  for (const ClockModifier& m : rules_.modifiers()) {
    for (const std::string& w : m.words()) modifier_words_.emplace_back(FoldForMatching(w), &m);
  }
  for (const TimeZoneName& z : rules_.zones()) {
    for (const std::string& n : z.names()) zone_names_.emplace_back(FoldForMatching(n), &z);
  }
  SortLongestFirst(&modifier_words_);
  SortLongestFirst(&zone_names_);
  // 18:50, 6.30 p.m., 8:45am, "9: 56 AM" (tokenized text) | 6 pm | 18h50 |
  // 0912 (a zone must follow) | noon.
  core_ = std::make_unique<RE2>(
      R"((?:^|[^\d:.,])(?:(\d{1,2})(?::\s?|\.)(\d{2})(?:\s*([ap])\.?\s?m\b\.?)?)"
      R"(|(\d{1,2})\s*([ap])\.?\s?m\b\.?|(\d{1,2})h(\d{2})\b|\b([01]\d|2[0-3])([0-5]\d)\b)"
      R"(|\b(noon|midday|midnight)\b))");
  if (!modifier_words_.empty()) {
    modifier_ = std::make_unique<RE2>(
        absl::StrCat(R"((?:^|\s)()", Alternation(modifier_words_), R"()\s*(?:at\s+)?$)"));
  }
  std::vector<std::pair<std::string, int>> zone_words;
  for (const auto& [w, z] : zone_names_) zone_words.emplace_back(w, 0);
  for (const std::string& w : rules_.local_words()) zone_words.emplace_back(FoldForMatching(w), 1);
  SortLongestFirst(&zone_words);
  // A zone, bare or in parentheses, or "<place> time".
  zone_ = std::make_unique<RE2>(absl::StrCat(R"(^\s*\(?\s*(?:()",
                                             zone_words.empty() ? "$^" : Alternation(zone_words),
                                             R"()\b|(\p{L}[\p{L}\-]+)\s+time\b)\s*\)?)"));
}

int ClockReader::AboutWidth(int minute) const {
  const auto& w = rules_.about_minutes();
  int index = minute % 60 == 0 ? 0 : minute % 30 == 0 ? 1 : minute % 5 == 0 ? 2 : 3;
  return index < w.size() ? w[index] : 0;
}

absl::optional<ClockReading> ClockReader::Read(absl::string_view text) const {
  return ReadFolded(FoldForMatching(text), /*allow_parenthetical=*/true);
}

absl::optional<ClockReading> ClockReader::ReadFolded(const std::string& t,
                                                     bool allow_parenthetical) const {
  re2::StringPiece groups[kGroups + 1];
  size_t pos = 0;
  while (pos <= t.size()) {
    if (!core_->Match(Piece(t), pos, t.size(), RE2::UNANCHORED, groups, kGroups + 1)) {
      return absl::nullopt;
    }
    size_t begin = 0;
    for (int g = 1; g <= kGroups; ++g) {
      if (groups[g].data() != nullptr) {
        begin = static_cast<size_t>(groups[g].data() - t.data());
        break;
      }
    }
    size_t end = static_cast<size_t>(groups[0].data() + groups[0].size() - t.data());
    pos = end > pos ? end : pos + 1;
    auto number = [&](int g) {
      int n = -1;
      if (groups[g].data() != nullptr) (void)absl::SimpleAtoi(View(groups[g]), &n);
      return n;
    };
    int hour = -1, minute = 0;
    bool minutes_written = false, twelve_hour = false, pm = false, ambiguous = false;
    if (groups[kHour].data() != nullptr) {
      hour = number(kHour);
      minute = number(kMinute);
      minutes_written = true;
      if (groups[kMeridiem].data() != nullptr) {
        twelve_hour = true;
        pm = groups[kMeridiem][0] == 'p';
      } else if (hour >= 1 && hour <= 12 && groups[kHour][0] != '0') {
        ambiguous = true;  // "at 6:50": morning or evening? (or a score, a decimal)
      }
    } else if (groups[kHourMeridiem].data() != nullptr) {
      hour = number(kHourMeridiem);
      twelve_hour = true;
      pm = groups[kMeridiemOnly][0] == 'p';
    } else if (groups[kHourH].data() != nullptr) {
      hour = number(kHourH);
      minute = number(kMinuteH);
      minutes_written = true;
    } else if (groups[kHour24].data() != nullptr) {
      hour = number(kHour24);
      minute = number(kMinute24);
      minutes_written = true;
    } else {
      const absl::string_view named = View(groups[kNamed]);
      hour = named == "midnight" ? 0 : 12;
    }
    if (minute < 0 || minute > 59 || hour < 0 || hour > 24 || (twelve_hour && hour > 12)) {
      continue;
    }
    if (twelve_hour) hour = hour % 12 + (pm ? 12 : 0);
    const int at = hour * 60 + minute;

    ClockReading r;
    // The zone after it.
    absl::string_view after = absl::string_view(t).substr(end);
    re2::StringPiece zone_match[3];
    bool zoned = zone_->Match(Piece(after), 0, after.size(), RE2::ANCHOR_START, zone_match, 3);
    if (zoned) {
      std::string words(View(zone_match[1].data() != nullptr ? zone_match[1] : zone_match[0]));
      if (zone_match[2].data() != nullptr) {
        r.zone_place = std::string(View(zone_match[2]));
        words = absl::StrCat(r.zone_place, " time");
        // "local time" is a local word; "the time" or "summer time" is no place.
        if (r.zone_place == "the" || r.zone_place == "summer" || r.zone_place == "same") {
          r.zone_place.clear();
          zoned = false;
        }
      }
      if (zoned) {
        r.zone = std::string(absl::StripAsciiWhitespace(words));
        for (const auto& [name, zone] : zone_names_) {
          if (name != r.zone) continue;
          r.zone_explicit = true;
          if (zone->zone().empty()) {
            r.utc_offset = zone->offset_minutes();
          } else {
            r.iana_zone = zone->zone();
          }
          break;
        }
        end += zone_match[0].size();
      }
    }
    // The 24-hour form without a colon ("0912") is only a clock with a zone,
    // and so is "11:11" without a.m. or p.m. ("11:11 GMT" is 24-hour time).
    if ((groups[kHour24].data() != nullptr || ambiguous) && !r.zone_explicit) continue;
    // "around 6 pm (1600 GMT)": the clock in a named zone fixes the offset.
    absl::string_view rest_after = absl::string_view(t).substr(end);
    static const LazyRE2 kParenthetical = {R"(^\s*\(([^()]*)\))"};
    re2::StringPiece inner;
    if (allow_parenthetical && RE2::PartialMatch(Piece(rest_after), *kParenthetical, &inner)) {
      absl::optional<ClockReading> other = ReadFolded(std::string(View(inner)), false);
      // "(12:40 pm Tuesday, Eastern Time)": the same moment elsewhere; it
      // fixes the offset when its zone is a fixed one.
      if (other) {
        if (!r.zone_explicit && other->zone_explicit && other->utc_offset) {
          // The parenthetical clock is exact or rounded like this one: the
          // difference of the written clocks, whole hours or half hours.
          int written_other = (other->from + other->to) / 2;
          int diff = at - written_other;
          while (diff > 14 * 60) diff -= 24 * 60;
          while (diff < -12 * 60) diff += 24 * 60;
          r.utc_offset = diff + *other->utc_offset;
          if (r.zone.empty()) r.zone = "local time";
        }
        end = static_cast<size_t>(inner.data() + inner.size() - t.data()) + 1;
      }
    }
    // The modifier before it.
    absl::string_view before = absl::string_view(t).substr(0, begin);
    re2::StringPiece modifier_words;
    const ClockModifier* modifier = nullptr;
    if (modifier_ != nullptr && RE2::PartialMatch(Piece(before), *modifier_, &modifier_words)) {
      for (const auto& [w, m] : modifier_words_) {
        if (w == View(modifier_words)) {
          modifier = m;
          break;
        }
      }
      begin = static_cast<size_t>(modifier_words.data() - t.data());
    }
    if (modifier == nullptr) {
      r.from = r.to = at;
      r.exact = minutes_written && at % 30 != 0;
    } else if (modifier->about()) {
      int w = AboutWidth(at);
      r.from = at - w;
      r.to = at + w;
    } else {
      r.from = at + modifier->from();
      r.to = at + modifier->to();
    }
    r.rest = TrimJoiners(absl::StrCat(t.substr(0, begin), " ", t.substr(end)));
    return r;
  }
  return absl::nullopt;
}

absl::optional<int> UtcOffsetMinutes(const std::string& iana_zone, absl::CivilDay day) {
  absl::TimeZone tz;
  if (iana_zone.empty() || !absl::LoadTimeZone(iana_zone, &tz)) return absl::nullopt;
  absl::Time noon = absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), 12), tz);
  return tz.At(noon).offset / 60;
}

std::string FormatClock(int minute) {
  int m = ((minute % 1440) + 1440) % 1440;
  return absl::StrFormat("%02d:%02d", m / 60, m % 60);
}

std::string FormatClockRange(int from, int to, int shift) {
  std::string words = FormatClock(from - shift);
  if (to != from) absl::StrAppend(&words, "-", FormatClock(to - shift));
  return words;
}

}  // namespace crosscheck
