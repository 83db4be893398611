#include "checker/render/html_timelines.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck::html_internal {
namespace {

using ::testing::HasSubstr;

// Adds a finding about (kind, subject) whose claims were published on `days`.
void AddFinding(Report* r, const std::string& subject, Verdict v,
                const std::vector<std::string>& days) {
  Finding* f = r->add_findings();
  f->set_id(subject + std::to_string(r->findings_size()));
  f->set_verdict(v);
  f->set_kind("death_toll");
  f->set_subject(subject);
  int n = 0;
  for (const std::string& day : days) {
    Claim* c = f->add_claims();
    c->set_article_id(subject + day);
    c->set_published(day);
    c->set_display_value(std::to_string(10 + n++));
    c->mutable_span()->set_begin(n);
  }
}

TEST(BuildTimelinesTest, OnlySubjectsPublishedOnSeveralDays) {
  Report r;
  AddFinding(&r, "one-day", DISCREPANCY, {"2019-01-01", "2019-01-01"});
  AddFinding(&r, "two-days", DISCREPANCY, {"2019-01-01", "2019-01-03"});
  std::vector<Timeline> timelines = BuildTimelines(r);
  ASSERT_EQ(timelines.size(), 1u);
  EXPECT_EQ(timelines[0].subject, "two-days");
  EXPECT_EQ(timelines[0].span_days, 2);
  EXPECT_EQ(timelines[0].claims.size(), 2u);
  EXPECT_FALSE(Prominent(timelines[0]));
}

TEST(BuildTimelinesTest, ProminentFirstThenLongestSpan) {
  Report r;
  AddFinding(&r, "short", DISCREPANCY, {"2019-01-01", "2019-01-02"});
  AddFinding(&r, "long", DISCREPANCY, {"2019-01-01", "2019-01-05"});
  AddFinding(&r, "update", UPDATE, {"2019-01-01", "2019-01-02"});
  AddFinding(&r, "weeks", DISCREPANCY, {"2019-01-01", "2019-01-20"});
  std::vector<std::string> order;
  for (const Timeline& t : BuildTimelines(r)) order.push_back(t.subject);
  EXPECT_THAT(order, ::testing::ElementsAre("weeks", "update", "long", "short"));
}

TEST(BuildTimelinesTest, AClaimInSeveralFindingsCountsOnce) {
  Report r;
  AddFinding(&r, "s", DISCREPANCY, {"2019-01-01", "2019-01-03"});
  *r.add_findings() = r.findings(0);
  std::vector<Timeline> timelines = BuildTimelines(r);
  ASSERT_EQ(timelines.size(), 1u);
  EXPECT_EQ(timelines[0].claims.size(), 2u);
  EXPECT_EQ(timelines[0].findings.size(), 2u);
}

TEST(AppendTimelinesTest, NoTimelines) {
  std::string out;
  AppendTimelines({}, &out);
  EXPECT_THAT(out, HasSubstr("No subject has claims published on different days."));
}

TEST(AppendTimelinesTest, DaysGapsBadgesAndFolds) {
  Report r;
  AddFinding(&r, "update", UPDATE, {"2019-01-01", "2019-01-11"});
  AddFinding(&r, "short", DISCREPANCY, {"2019-01-01", "2019-01-02"});
  std::string out;
  AppendTimelines(BuildTimelines(r), &out);
  EXPECT_THAT(out, HasSubstr("<section class=\"timeline\" id=\"t-1\">"));
  EXPECT_THAT(out,
              HasSubstr("2 claims published from 2019-01-01 to 2019-01-11 (10 days). "
                        "Findings: <a class=\"badge v-update\" href=\"#f-update1\">Update</a>"));
  EXPECT_THAT(out, HasSubstr("<li class=\"tl-day\" style=\"margin-left:125px\">"
                             "<span class=\"tl-gap\">10 days later</span>"));
  EXPECT_THAT(out, HasSubstr("<li><span class=\"chip c1\">11</span> unknown outlet</li>"));
  // The second is no update and a day long: folded.
  EXPECT_THAT(out,
              HasSubstr("<details class=\"fold\"><summary>Show the other 1 subject reported "
                        "a few days apart</summary>\n<section class=\"timeline\" id=\"t-2\">"));
}

}  // namespace
}  // namespace crosscheck::html_internal
