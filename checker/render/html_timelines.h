// Internal to render_html: the timelines section of the HTML report. A
// timeline gathers the distinct claims of one (kind, subject) across every
// finding, by publication day, for the subjects whose claims were published
// on two days or more: an UPDATE then reads as a story moving on. Timelines
// with an update or a week or more between their first and last day are
// shown open, first; the others are folded.
//
// Example:
//   std::vector<Timeline> timelines = BuildTimelines(report);
//   std::string out;
//   AppendTimelines(timelines, &out);  // anchors t-1, t-2, ... in this order
#ifndef CROSSCHECK_CHECKER_RENDER_HTML_TIMELINES_H_
#define CROSSCHECK_CHECKER_RENDER_HTML_TIMELINES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "proto/report.pb.h"

namespace crosscheck::html_internal {

// The claims of one (kind, subject) across all findings, by publication day.
struct Timeline {
  std::string kind, subject;
  std::vector<const Claim*> claims;  // distinct claims
  std::vector<const Finding*> findings;
  bool has_update = false;
  int64_t span_days = 0;  // first to last publication day
};

// A timeline worth showing open: an update, or claims a week or more apart.
bool Prominent(const Timeline& t);

// The report's timelines, prominent ones first, then by span, longest
// first. They point into `r`, which must outlive them.
std::vector<Timeline> BuildTimelines(const Report& r);

// Appends the timelines section; timeline i gets the anchor t-(i+1).
void AppendTimelines(const std::vector<Timeline>& timelines, std::string* out);

}  // namespace crosscheck::html_internal

#endif  // CROSSCHECK_CHECKER_RENDER_HTML_TIMELINES_H_
