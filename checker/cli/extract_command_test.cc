#include "checker/cli/extract_command.h"

#include <string>

#include "absl/flags/flag.h"
#include "checker/cli/cli_testing.h"
#include "checker/internal/testing.h"
#include "checker/pipeline/pipeline.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;

class ExtractCommandTest : public testing::CommandTest {};

TEST_F(ExtractCommandTest, WritesAClaimsFileThatReportReads) {
  const std::string claims = TempPath("caracas.claims");
  absl::SetFlag(&FLAGS_output, claims);
  int code = -1;
  std::string err = Stderr(
      [&] { code = RunExtractCommand(Context("extract", {RunfilePath("testdata/caracas")})); });
  ASSERT_EQ(code, 0) << err;
  CommandContext& ctx = Context("report", {claims});
  absl::StatusOr<Report> from_claims = BuildReportFromClaims(*ctx.rules, ctx.paths, ctx.options);
  ASSERT_OK(from_claims);
  EXPECT_EQ(from_claims->articles_size(), 5);
}

TEST_F(ExtractCommandTest, NeedsInputsAndAnOutputAndTellsItsTimings) {
  int code = -1;
  EXPECT_EQ(Stderr([&] { code = RunExtractCommand(Context("extract", {})); }),
            "crosscheck extract: give at least one article file or directory\n");
  EXPECT_EQ(code, 2);
  absl::SetFlag(&FLAGS_output, "");
  CommandContext& ctx = Context("extract", {RunfilePath("testdata/caracas")});
  ctx.options.times = &ctx.times;  // --timings
  std::string err = Stderr([&] { code = RunExtractCommand(ctx); });
  EXPECT_EQ(code, 2);
  EXPECT_THAT(err, HasSubstr("crosscheck extract: --output=FILE.claims is required\n"
                             "crosscheck: extract: "));
  EXPECT_THAT(err, HasSubstr(" s wall, peak RSS "));
}

}  // namespace
}  // namespace crosscheck
