#include "checker/cli/review_command.h"

#include <string>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "checker/cli/cli_testing.h"
#include "checker/internal/testing.h"
#include "checker/review/ledger.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_DECLARE_FLAG(std::string, finding);
ABSL_DECLARE_FLAG(std::string, decision);
ABSL_DECLARE_FLAG(std::string, side);
ABSL_DECLARE_FLAG(std::string, note);
ABSL_DECLARE_FLAG(std::string, reviewer);
ABSL_DECLARE_FLAG(bool, list);

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class ReviewCommandTest : public testing::CommandTest {
 protected:
  int Run(const std::vector<std::string>& paths) {
    return RunCommand(RunReviewCommand, "review", paths);
  }
};

TEST_F(ReviewCommandTest, MisuseIsExitCodeTwo) {
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 2);
  EXPECT_EQ(err_, "crosscheck review: --ledger=FILE is required (it need not exist yet)\n");
  absl::SetFlag(&FLAGS_ledger, TempPath("ledger.textproto"));
  EXPECT_EQ(Run({}), 2);
  EXPECT_EQ(err_, "crosscheck review: give at least one article file or directory\n");
  EXPECT_EQ(Run({"corpus.report"}), 2);
  EXPECT_EQ(err_, "crosscheck review: give the articles or their .claims files, not a .report\n");
  absl::SetFlag(&FLAGS_ledger, "");
  absl::SetFlag(&FLAGS_list, true);
  EXPECT_EQ(Run({}), 2);
  EXPECT_EQ(err_, "crosscheck review --list: --ledger=FILE is required\n");
}

TEST_F(ReviewCommandTest, ListsTheLedger) {
  absl::SetFlag(&FLAGS_list, true);
  absl::SetFlag(&FLAGS_ledger, RunfilePath("testdata/caracas/reviews.textproto"));
  EXPECT_EQ(Run({}), 0) << err_;
  EXPECT_THAT(Output(), HasSubstr("DECISION_CONFIRMED"));
  absl::SetFlag(&FLAGS_ledger, TempPath("empty_ledger.textproto"));
  EXPECT_EQ(Run({}), 0) << err_;
  EXPECT_EQ(Output(), "The ledger has no verdicts yet.\n");
}

TEST_F(ReviewCommandTest, RecordsAScriptedVerdict) {
  const std::string ledger_path = TempPath("scripted_ledger.textproto");
  std::remove(ledger_path.c_str());
  absl::SetFlag(&FLAGS_ledger, ledger_path);
  absl::SetFlag(&FLAGS_finding, "no-such-id");
  absl::SetFlag(&FLAGS_decision, "dismiss");
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 1);
  EXPECT_THAT(err_, HasSubstr("crosscheck: --finding=no-such-id: no such finding in this corpus"));

  // A finding of the corpus, from its report.
  absl::SetFlag(&FLAGS_finding, "");
  absl::SetFlag(&FLAGS_list, false);
  CommandContext& ctx = Context("review", {RunfilePath("testdata/caracas")});
  ASSERT_OK(ReadLedgerAndPriorsFromFlags(&ctx.options));
  absl::StatusOr<Report> report = BuildReport(*ctx.rules, ctx.paths, ctx.options);
  ASSERT_OK(report);
  ASSERT_GT(report->findings_size(), 0);
  const std::string id = report->findings(0).id();
  absl::SetFlag(&FLAGS_finding, id);
  absl::SetFlag(&FLAGS_reviewer, "ana");
  absl::SetFlag(&FLAGS_side, "not-an-article");
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 1);
  EXPECT_THAT(err_, HasSubstr("--side=not-an-article: not an article of finding " + id));
  absl::SetFlag(&FLAGS_side, "");
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 0) << err_;
  EXPECT_EQ(out_, "recorded DECISION_DISMISSED for " + id + " in " + ledger_path + "\n");
  absl::StatusOr<Ledger> ledger = ReadLedger(ledger_path);
  ASSERT_OK(ledger);
  ASSERT_EQ(ledger->reviews_size(), 1);
  EXPECT_EQ(ledger->reviews(0).finding_id(), id);
  EXPECT_EQ(ledger->reviews(0).reviewer(), "ana");
}

}  // namespace
}  // namespace crosscheck
