#include "checker/cli/rules_command.h"

#include <string>

#include "checker/cli/cli_testing.h"
#include "checker/internal/shipped_rules.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;

TEST(ListKindsTest, EachKindWithItsTypeCountsAndDescription) {
  std::string listing = ListKinds(testing::ShippedRules());
  EXPECT_THAT(listing, ContainsRegex("(^|\n)death_toll  \\(VALUE_TYPE_[A-Z]+, [0-9]+ patterns, "
                                     "[0-9]+ examples\\)\n    [^\n]+\n"));
  EXPECT_THAT(listing, HasSubstr("\nwithdrawal_order  ("));
}

class RulesCommandTest : public testing::CommandTest {};

TEST_F(RulesCommandTest, WritesTheListing) {
  int code = -1;
  EXPECT_EQ(Stderr([&] { code = RunRulesCommand(Context("rules", {})); }), "");
  EXPECT_EQ(code, 0);
  EXPECT_EQ(Output(), ListKinds(*ctx_->rules));
}

}  // namespace
}  // namespace crosscheck
