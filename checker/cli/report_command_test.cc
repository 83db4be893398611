#include "checker/cli/report_command.h"

#include <string>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "checker/cli/cli_testing.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_DECLARE_FLAG(std::string, format);

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class ReportCommandTest : public testing::CommandTest {
 protected:
  int Run(const std::vector<std::string>& paths) {
    return RunCommand(RunReportCommand, "report", paths);
  }
};

TEST_F(ReportCommandTest, MarkdownByDefault) {
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 0);
  EXPECT_THAT(Output(), StartsWith("# crosscheck report\n\n5 articles from 4 outlets"));
  EXPECT_EQ(err_, "");
}

TEST_F(ReportCommandTest, StreamedJsonAndAReportFileOfItsOwn) {
  absl::SetFlag(&FLAGS_format, "proto");
  ASSERT_EQ(Run({RunfilePath("testdata/caracas")}), 0) << err_;
  const std::string report_file = TempPath("caracas.report");
  ASSERT_EQ(std::rename(output_.c_str(), report_file.c_str()), 0);
  absl::SetFlag(&FLAGS_format, "json");
  ASSERT_EQ(Run({report_file}), 0) << err_;
  const std::string from_report_file = Output();
  ASSERT_EQ(Run({RunfilePath("testdata/caracas")}), 0) << err_;
  EXPECT_THAT(Output(), HasSubstr("\"articleId\""));
  EXPECT_EQ(Output(), from_report_file);
}

TEST_F(ReportCommandTest, MisuseAndFailures) {
  EXPECT_EQ(Run({}), 2);
  EXPECT_EQ(err_, "crosscheck report: give at least one article file or directory\n");
  EXPECT_EQ(Run({"a.claims", "b.txt"}), 2);
  EXPECT_EQ(err_,
            "crosscheck report: give articles, or .claims files, or one .report file, not a mix\n");
  absl::SetFlag(&FLAGS_format, "yaml");
  EXPECT_EQ(Run({RunfilePath("testdata/caracas")}), 1);
  EXPECT_THAT(err_, StartsWith("crosscheck: --format=yaml: unknown format; valid choices"));
  absl::SetFlag(&FLAGS_format, "markdown");
  EXPECT_EQ(Run({TempPath("nope/missing.txt")}), 1);
  EXPECT_THAT(err_, HasSubstr("missing.txt: no such file"));
  EXPECT_EQ(Output(), "");  // a failed run writes nothing
}

}  // namespace
}  // namespace crosscheck
