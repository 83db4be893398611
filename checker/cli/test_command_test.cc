#include "checker/cli/test_command.h"

#include <cstdlib>
#include <string>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "checker/cli/cli_testing.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_DECLARE_FLAG(std::string, fail_on);
ABSL_DECLARE_FLAG(std::string, review_paths);

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class TestCommandTest : public testing::CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    // The test's own outputs, not those of this test binary.
    unsetenv("XML_OUTPUT_FILE");
    unsetenv("TEST_UNDECLARED_OUTPUTS_DIR");
    unsetenv("TEST_TARGET");
  }

  int Run(const std::vector<std::string>& paths) {
    return RunCommand(RunTestCommand, "test", paths);
  }
};

TEST_F(TestCommandTest, PassesWhenTheLedgerReviewsEveryContradiction) {
  absl::SetFlag(&FLAGS_ledger, RunfilePath("testdata/caracas/reviews.textproto"));
  const std::string xml = TempPath("junit.xml");
  setenv("XML_OUTPUT_FILE", xml.c_str(), 1);
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 0) << err_;
  EXPECT_THAT(out_,
              StartsWith("crosscheck: every finding at or above CONTRADICTION is reviewed ("));
  EXPECT_THAT(ReadFile(xml), HasSubstr("<testsuite"));
}

TEST_F(TestCommandTest, FailsOnUnreviewedFindingsWithTheCommandThatReviewsThem) {
  absl::SetFlag(&FLAGS_ledger, TempPath("no_ledger.textproto"));
  absl::SetFlag(&FLAGS_review_paths, "testdata/caracas");
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 1);
  EXPECT_THAT(out_, HasSubstr("unreviewed finding(s) at or above CONTRADICTION:"));
  EXPECT_THAT(out_, HasSubstr("-- review --ledger=" + TempPath("no_ledger.textproto") +
                              " testdata/caracas\n"));
  EXPECT_EQ(err_, "");
}

TEST_F(TestCommandTest, MisuseAndBadVerdicts) {
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 2);
  EXPECT_EQ(err_, "crosscheck test: --ledger=FILE is required (it need not exist yet)\n");
  absl::SetFlag(&FLAGS_ledger, TempPath("no_ledger.textproto"));
  absl::SetFlag(&FLAGS_fail_on, "BAD");
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 1);
  EXPECT_THAT(err_, StartsWith("crosscheck: --fail_on=BAD: unknown verdict"));
  EXPECT_EQ(out_, "");
}

}  // namespace
}  // namespace crosscheck
