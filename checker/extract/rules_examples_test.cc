// Runs the examples written inside every claim kind of rules/: each example
// sentence must yield exactly the listed display values (and subject), and
// the kind's trigger must fire on every sentence that yields a claim.
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "checker/extract/extract.h"
#include "checker/internal/testing.h"
#include "checker/rules/rule_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;

TEST(RulesExamplesTest, EveryExampleHolds) {
  absl::StatusOr<std::unique_ptr<Rules>> rules = Rules::LoadDirectory(RunfilePath("rules"));
  ASSERT_OK(rules);
  Extractor extractor(**rules);
  int checked = 0;
  for (const CompiledKind& kind : (*rules)->kinds()) {
    EXPECT_GE(kind.kind->examples_size(), 3)
        << kind.kind->name() << ": every kind carries at least three examples";
    for (const Example& example : kind.kind->examples()) {
      SCOPED_TRACE(kind.kind->name() + ": " + example.text());
      std::vector<Claim> claims =
          extractor.ExtractSentence(kind.kind->name(), example.text(), example.published());
      std::vector<std::string> got;
      for (const Claim& c : claims) got.push_back(c.display_value());
      std::vector<std::string> want(example.expect().begin(), example.expect().end());
      EXPECT_EQ(got, want) << "got [" << absl::StrJoin(got, " | ") << "]";
      if (!example.subject().empty()) {
        for (const Claim& c : claims) EXPECT_EQ(c.subject(), example.subject());
      }
      if (!want.empty()) {
        std::vector<int> triggered = (*rules)->TriggeredKinds(example.text());
        bool fired = false;
        for (int k : triggered) fired |= (*rules)->kinds()[k].kind == kind.kind;
        EXPECT_TRUE(fired) << "the kind's trigger misses this example";
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace crosscheck
