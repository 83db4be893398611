// The timeline of a developing count: the values one cumulative count (a
// death toll, the injured, arrests) of one subject and one event was given
// as, by the day its reports were published. Counts of one subject reported
// at different times are a timeline first: a rise from one day's reports to
// the next day's is an UPDATE, a fall that the later reports keep (and
// another outlet confirms) is a revision, and a fall that later reports undo
// is a report lagging behind. Two reports more than one reporting day apart
// are not compared with each other: the days between carry the story.
//
// A claim is on the timeline when its article is dated and the claim counts
// up to its report: it has no scope, or its scope is the event's time, not a
// background time (ending within `window` days before publication): a single
// day ("killed 138 on Sunday" in Tuesday's article is Tuesday's running toll
// of Sunday's attack) or a night ("overnight"), or a span that ended before
// the report ("killed 253 last weekend"). A longer span still running ("20
// this week") counts that span.
//
// Example:
//   CountTimeline timeline(dated_claims, /*window=*/7);
//   if (timeline.On(x) && timeline.On(y) && timeline.ReportedBetween(x.day, y.day)) skip;
//   timeline.Describe();  // "2019-04-21: 138 to 215; 2019-04-22: 290; ..."
#ifndef CROSSCHECK_CHECKER_COMPARE_COUNT_TIMELINE_H_
#define CROSSCHECK_CHECKER_COMPARE_COUNT_TIMELINE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "checker/compare/claim_days.h"

namespace crosscheck {

// The level a count reports: its value ("about 253" is 253, "at least 156"
// is 156), else its lower bound.
double Level(const Quantity& q);

class CountTimeline {
 public:
  // Days shown by Describe; a longer timeline shows its first and last.
  static constexpr int kShownDays = 8;

  // The timeline of `claims` (of one kind, subject and event).
  CountTimeline(const std::vector<DatedClaim>& claims, int window);

  // Whether `c` is on the timeline (see the file comment).
  bool On(const DatedClaim& c) const;
  // Whether some claim on the timeline was published on a day strictly
  // between `day_a` and `day_b`.
  bool ReportedBetween(int64_t day_a, int64_t day_b) const;
  // Whether a claim published after `day` counts `value` or more.
  bool ReachedAfter(int64_t day, double value) const;
  // Whether an article other than `article_id`, published on `day` or later,
  // gives `value` (within `tolerance`, relative).
  bool ConfirmedFrom(int64_t day, double value, double tolerance,
                     const std::string& article_id) const;
  // The values by day: "2019-04-21: 138 to 215; 2019-04-22: 290".
  std::string Describe() const;

 private:
  struct Report {
    double value;
    const std::string* article_id;
  };
  int window_;
  std::map<int64_t, std::vector<Report>> by_day_;
  // For each day, the highest value reported after it.
  std::map<int64_t, double> max_after_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_COMPARE_COUNT_TIMELINE_H_
