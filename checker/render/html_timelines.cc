#include "checker/render/html_timelines.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "checker/render/html_parts.h"

namespace crosscheck::html_internal {
namespace {

// Days from `a` to `b` (both YYYY-MM-DD), or -1 when either is not a date.
int64_t DaysBetween(absl::string_view a, absl::string_view b) {
  absl::CivilDay da, db;
  if (!absl::ParseCivilTime(a, &da) || !absl::ParseCivilTime(b, &db)) return -1;
  return db - da;
}

// The findings about a subject, one badge per verdict (linked to the first
// of them), with a count when there are several.
void AppendFindingBadges(const std::vector<const Finding*>& findings, std::string* out) {
  std::vector<std::pair<const VerdictStyle*, std::vector<const Finding*>>> by_verdict;
  for (const Finding* f : findings) {
    const VerdictStyle* v = &StyleOf(f->verdict());
    auto it = std::find_if(by_verdict.begin(), by_verdict.end(),
                           [&](const auto& group) { return group.first == v; });
    if (it == by_verdict.end()) it = by_verdict.insert(by_verdict.end(), {v, {}});
    it->second.push_back(f);
  }
  for (const auto& [v, group] : by_verdict) {
    absl::StrAppend(
        out, " <a class=\"badge v-", v->css, "\" href=\"#f-", Slug(group.front()->id()), "\">",
        group.size() == 1 ? v->singular : absl::StrCat(group.size(), " ", v->plural), "</a>");
  }
}

// One day of a timeline, `gap` days after the one before (-1 for the
// first): its claims, at most eight, each in the color of its value.
void AppendTimelineDay(const std::string& day, const std::vector<const Claim*>& claims, int64_t gap,
                       const std::map<std::string, int>& color, std::string* out) {
  constexpr int kMaxPerDay = 8;
  // Space grows with the time between two days, slowly: a week apart and
  // two months apart both fit on a screen, and still look different.
  int margin = gap <= 0 ? 0 : static_cast<int>(std::lround(36 * std::log2(1.0 + gap)));
  absl::StrAppend(out, "<li class=\"tl-day\"",
                  margin > 0 ? absl::StrCat(" style=\"margin-left:", margin, "px\"") : "", ">");
  if (gap > 0) {
    absl::StrAppend(out, "<span class=\"tl-gap\">", Plural(gap, "day", "days"), " later</span>");
  }
  absl::StrAppend(out, "<time datetime=\"", E(day), "\">", E(day), "</time>\n<ul>\n");
  int shown = 0;
  for (const Claim* c : claims) {
    if (++shown > kMaxPerDay) break;
    absl::StrAppend(out, "<li><span class=\"chip c", color.at(c->display_value()) % 6, "\">",
                    E(OrUnknown(c->display_value(), "?")), "</span> ",
                    E(OrUnknown(c->outlet(), "unknown outlet")),
                    c->section() == SECTION_HEADLINE ? " (headline)" : "",
                    c->attribution().source().empty()
                        ? ""
                        : absl::StrCat(", citing ", E(c->attribution().source())),
                    c->attribution().hedged() ? ", hedged" : "", "</li>\n");
  }
  if (shown > kMaxPerDay) {
    absl::StrAppend(out, "<li class=\"muted\">and ", claims.size() - kMaxPerDay, " more</li>\n");
  }
  absl::StrAppend(out, "</ul></li>\n");
}

void AppendTimeline(const Timeline& t, absl::string_view anchor, std::string* out) {
  std::map<std::string, std::vector<const Claim*>> by_day;
  int undated = 0;
  for (const Claim* c : t.claims) {
    if (c->published().empty()) {
      ++undated;
    } else {
      by_day[c->published()].push_back(c);
    }
  }
  // Same value, same color: a change of value is a change of color.
  std::map<std::string, int> color;
  for (const auto& [day, claims] : by_day) {
    for (const Claim* c : claims) color.emplace(c->display_value(), static_cast<int>(color.size()));
  }
  const std::string& first = by_day.begin()->first;
  const std::string& last = by_day.rbegin()->first;
  int64_t span_days = DaysBetween(first, last);
  absl::StrAppend(out, "<section class=\"timeline\" id=\"", anchor,
                  "\">\n<h3><span class=\"kind\">", E(t.kind), "</span> &middot; ", E(t.subject),
                  "</h3>\n<div class=\"tl-wrap\">", "<p class=\"tl-meta\">",
                  Plural(static_cast<int>(t.claims.size()), "claim", "claims"), " published from ",
                  E(first), " to ", E(last));
  if (span_days > 0) absl::StrAppend(out, " (", Plural(span_days, "day", "days"), ")");
  if (undated > 0) absl::StrAppend(out, "; ", undated, " undated not placed");
  absl::StrAppend(out, ". Findings:");
  AppendFindingBadges(t.findings, out);
  absl::StrAppend(out, "</p>\n<ol class=\"tl\">\n");
  const std::string* previous = nullptr;
  for (const auto& [day, claims] : by_day) {
    AppendTimelineDay(day, claims, previous == nullptr ? -1 : DaysBetween(*previous, day), color,
                      out);
    previous = &day;
  }
  absl::StrAppend(out, "</ol></div>\n</section>\n");
}

}  // namespace

bool Prominent(const Timeline& t) { return t.has_update || t.span_days >= 7; }

std::vector<Timeline> BuildTimelines(const Report& r) {
  std::map<std::pair<std::string, std::string>, Timeline> by_subject;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> seen;
  for (const Finding& f : r.findings()) {
    std::pair<std::string, std::string> key(f.kind(), f.subject());
    Timeline& t = by_subject[key];
    t.kind = f.kind();
    t.subject = f.subject();
    t.findings.push_back(&f);
    t.has_update |= f.verdict() == UPDATE;
    for (const Claim& c : f.claims()) {
      std::string id = absl::StrCat(c.article_id(), "\x1f", c.span().begin(), "\x1f",
                                    c.span().end(), "\x1f", c.display_value());
      if (seen[key].insert(id).second) t.claims.push_back(&c);
    }
  }
  std::vector<Timeline> out;
  for (auto& [key, t] : by_subject) {
    std::set<std::string> days;
    for (const Claim* c : t.claims) {
      if (!c->published().empty()) days.insert(c->published());
    }
    if (days.size() < 2) continue;
    t.span_days = std::max<int64_t>(0, DaysBetween(*days.begin(), *days.rbegin()));
    out.push_back(std::move(t));
  }
  std::stable_sort(out.begin(), out.end(), [](const Timeline& a, const Timeline& b) {
    if (Prominent(a) != Prominent(b)) return Prominent(a);
    return a.span_days > b.span_days;
  });
  return out;
}

void AppendTimelines(const std::vector<Timeline>& timelines, std::string* out) {
  absl::StrAppend(out, "<section id=\"timelines\">\n<h2>Timelines</h2>\n");
  if (timelines.empty()) {
    absl::StrAppend(out,
                    "<p class=\"muted\">No subject has claims published on different "
                    "days.</p>\n");
  } else {
    absl::StrAppend(out,
                    "<p class=\"muted\">Each subject whose claims were published on "
                    "different days, by publication day. A value that changes over weeks is "
                    "often the story moving on (an update), not outlets disagreeing.</p>\n");
  }
  size_t i = 0;
  for (; i < timelines.size() && Prominent(timelines[i]); ++i) {
    AppendTimeline(timelines[i], absl::StrCat("t-", i + 1), out);
  }
  if (i < timelines.size()) {
    absl::StrAppend(out, "<details class=\"fold\"><summary>", i == 0 ? "Show " : "Show the other ",
                    Plural(static_cast<int>(timelines.size() - i), "subject", "subjects"),
                    " reported a few days apart</summary>\n");
    for (; i < timelines.size(); ++i) AppendTimeline(timelines[i], absl::StrCat("t-", i + 1), out);
    absl::StrAppend(out, "</details>\n");
  }
  absl::StrAppend(out, "</section>\n");
}

}  // namespace crosscheck::html_internal
