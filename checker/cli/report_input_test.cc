#include "checker/cli/report_input.h"

#include <string>

#include "checker/cli/cli_testing.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::StatusIs;
using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;

TEST(ClassifyInputsTest, ArticlesClaimsFilesOrOneReportFile) {
  EXPECT_EQ(*ClassifyInputs({"a.txt", "corpus/", "b.jsonl"}), InputKind::kArticles);
  EXPECT_EQ(*ClassifyInputs({"a.claims", "b.claims"}), InputKind::kClaimsFiles);
  EXPECT_EQ(*ClassifyInputs({"all.report"}), InputKind::kReportFile);
  for (const std::vector<std::string>& mix : {std::vector<std::string>{"a.claims", "b.txt"},
                                              {"a.report", "b.report"},
                                              {"a.report", "b.txt"}}) {
    EXPECT_THAT(ClassifyInputs(mix),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         "give articles, or .claims files, or one .report file, not a mix"));
  }
}

class BuildInputReportTest : public testing::CommandTest {};

TEST_F(BuildInputReportTest, BuildsTheReportOfTheArticles) {
  CommandContext& ctx = Context("report", {RunfilePath("testdata/caracas")});
  std::string err;
  absl::StatusOr<Report> report;
  err = Stderr([&] { report = BuildInputReport(ctx, InputKind::kArticles); });
  ASSERT_OK(report);
  EXPECT_EQ(report->articles_size(), 5);
  EXPECT_GT(report->findings_size(), 0);
  EXPECT_EQ(err, "");  // no timings, no skipped inputs
}

TEST_F(BuildInputReportTest, TimingsAndErrors) {
  CommandContext& ctx = Context("report", {RunfilePath("testdata/caracas")});
  ctx.options.times = &ctx.times;
  absl::StatusOr<Report> report;
  EXPECT_THAT(Stderr([&] { report = BuildInputReport(ctx, InputKind::kArticles); }),
              HasSubstr("crosscheck: timings: 5 articles"));
  ctx.paths = {TempPath("missing.report")};
  EXPECT_EQ(Stderr([&] { report = BuildInputReport(ctx, InputKind::kReportFile); }), "");
  EXPECT_THAT(report, StatusIs(absl::StatusCode::kNotFound, HasSubstr("cannot open file")));
}

TEST(PrintTimingsTest, OneLineOfTotalsAndOneOfStages) {
  StageTimes times;
  times.text_bytes = 2000000;
  times.threads = 2;
  Report report;
  report.mutable_summary()->set_articles(4);
  ::testing::internal::CaptureStderr();
  PrintTimings(times, report, 2.0);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, HasSubstr("crosscheck: timings: 4 articles (2.0 MB of text), 0 claims in "
                             "2.00 s wall, 1.0 MB/s; 2 extraction threads\n  read+extract"));
}

}  // namespace
}  // namespace crosscheck
