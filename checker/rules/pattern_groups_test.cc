#include "checker/rules/pattern_groups.h"

#include <string>

#include "checker/rules/macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Optional;

TEST(GroupRegexTest, TheGroupsInsideWithoutItsParentheses) {
  EXPECT_THAT(GroupRegex("count of (?P<value>\\d+) people", "value"),
              Optional(std::string("\\d+")));
  EXPECT_THAT(GroupRegex("(?P<value>(?:a|b)(c)) d", "value"), Optional(std::string("(?:a|b)(c)")));
  EXPECT_EQ(GroupRegex("count of (?P<value>\\d+)", "scope"), absl::nullopt);
  // An unclosed group has no inside.
  EXPECT_EQ(GroupRegex("(?P<value>\\d+", "value"), absl::nullopt);
}

TEST(GroupRegexTest, EscapedAndClassParenthesesAreLiteral) {
  EXPECT_THAT(GroupRegex("(?P<value>[\\d,)]+|\\(\\d+) killed", "value"),
              Optional(std::string("[\\d,)]+|\\(\\d+")));
  EXPECT_THAT(GroupRegex("(?P<value>[])]x) y", "value"), Optional(std::string("[])]x")));
  EXPECT_THAT(GroupRegex("(?P<value>[^])]x) y", "value"), Optional(std::string("[^])]x")));
}

TEST(NeedsTest, EachValueTypeHasItsOwn) {
  EXPECT_THAT(ValueNeed(VALUE_TYPE_QUANTITY).what, HasSubstr("a count or amount"));
  EXPECT_THAT(ValueNeed(VALUE_TYPE_UNSPECIFIED).what, HasSubstr("a count or amount"));
  EXPECT_THAT(ValueNeed(VALUE_TYPE_TIME).what, HasSubstr("a day, span or time of day"));
  EXPECT_THAT(ValueNeed(VALUE_TYPE_ACTOR).what, HasSubstr("an actor"));
  EXPECT_THAT(ScopeNeed().what, HasSubstr("a time"));
  EXPECT_THAT(AddNeed().what, HasSubstr("a number"));
}

TEST(CheckGroupTest, AGroupMustMatchOneProbe) {
  const RE2::Options& options = PatternOptions();
  EXPECT_THAT(
      CheckGroup("(?P<value>\\d+) killed", "value", ValueNeed(VALUE_TYPE_QUANTITY), options),
      IsEmpty());
  EXPECT_EQ(CheckGroup("(?P<value>the \\w+) was killed", "value", ValueNeed(VALUE_TYPE_QUANTITY),
                       options),
            "group (?P<value>) cannot match a count or amount such as '12', 'three', 'dozens' or "
            "'$20 million'");
  EXPECT_THAT(
      CheckGroup("by (?P<value>(?:sun|mon)day)", "value", ValueNeed(VALUE_TYPE_TIME), options),
      IsEmpty());
  EXPECT_THAT(CheckGroup("(?P<value>\\d+) killed in (?P<scope>[A-Z]\\w+ province)", "scope",
                         ScopeNeed(), options),
              HasSubstr("group (?P<scope>) cannot match a time"));
}

TEST(CheckGroupTest, NoGroupOrOneThatDoesNotCompileAloneIsNoProblem) {
  EXPECT_THAT(CheckGroup("(?P<value>\\d+)", "scope", ScopeNeed(), PatternOptions()), IsEmpty());
  // A back-reference-like escape RE2 rejects on its own.
  EXPECT_THAT(CheckGroup("(?P<add>\\8)", "add", AddNeed(), PatternOptions()), IsEmpty());
}

}  // namespace
}  // namespace crosscheck
