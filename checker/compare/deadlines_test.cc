#include "checker/compare/deadlines.h"

#include <vector>

#include "checker/compare/relate.h"
#include "checker/compare/test_claims.h"
#include "checker/internal/shipped_rules.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::ComparisonOf;
using ::crosscheck::testing::Deadline;
using ::crosscheck::testing::Order;
using ::crosscheck::testing::RelationName;
using ::crosscheck::testing::ShippedRules;

// 001 says Maduro ordered the diplomats out on Wednesday; 002 only says
// "within 72 hours".
Claim Wednesday() {
  Claim order = Order("001", "The Washington Post", "2019-01-24", "maduro", "Nicolás Maduro",
                      {"venezuela_government", "venezuela"}, "");
  order.mutable_scope()->set_start("2019-01-23");
  order.mutable_scope()->set_end("2019-01-23");
  return order;
}

Claim Within72Hours() {
  Claim within = Deadline("002", "Aggregator", "2019-01-25", "2019-01-25", "2019-01-28",
                          GRANULARITY_VAGUE, "within 72 hours");
  within.mutable_time()->set_duration_days(3);
  within.mutable_time()->set_duration_text("72 hours");
  return within;
}

TEST(AnchorRelativeDeadlinesTest, ADeadlineCountsFromTheOrderReportedElsewhere) {
  // Anchored, 72 hours from Wednesday end on Saturday.
  Claim sunday = Deadline("000", "McClatchy", "2019-01-24", "2019-01-27", "2019-01-27",
                          GRANULARITY_DAY, "Sunday 2019-01-27");
  std::vector<Claim> claims = {Wednesday(), Within72Hours(), sunday};
  AnchorRelativeDeadlines(ShippedRules(), &claims);
  EXPECT_EQ(claims[1].time().start(), "2019-01-26");
  EXPECT_EQ(claims[1].time().end(), "2019-01-26");
  EXPECT_EQ(claims[1].time().granularity(), GRANULARITY_DAY);
  EXPECT_EQ(claims[1].display_value(), "Saturday 2019-01-26 (72 hours after Wednesday's order)");
  EXPECT_EQ(claims[1].time().resolution(),
            "72 hours after the order of Wednesday 2019-01-23 (001: \"Nicolás Maduro ordered the "
            "diplomats out\")");
  // Now a day, it conflicts with another day.
  EXPECT_EQ(RelationName(Relate(claims[1], claims[2], ComparisonOf("deadline"), nullptr)),
            RelationName(Relation::kHardConflict));
  // The other claims stay as they were.
  EXPECT_EQ(claims[0].SerializeAsString(), Wednesday().SerializeAsString());
  EXPECT_EQ(claims[2].SerializeAsString(), sunday.SerializeAsString());
}

TEST(AnchorRelativeDeadlinesTest, AnOrderOutsideTheLookbackDoesNotAnchorIt) {
  std::vector<Claim> far = {Wednesday(), Within72Hours()};
  far[0].mutable_scope()->set_start("2019-01-02");
  far[0].mutable_scope()->set_end("2019-01-02");
  AnchorRelativeDeadlines(ShippedRules(), &far);
  EXPECT_EQ(far[1].time().granularity(), GRANULARITY_VAGUE);
  EXPECT_EQ(far[1].display_value(), "within 72 hours");
}

TEST(AnchorRelativeDeadlinesTest, WithNoOrderDeadlinesStayAsTheyAre) {
  std::vector<Claim> claims = {Within72Hours()};
  AnchorRelativeDeadlines(ShippedRules(), &claims);
  EXPECT_EQ(claims[0].SerializeAsString(), Within72Hours().SerializeAsString());
}

}  // namespace
}  // namespace crosscheck
