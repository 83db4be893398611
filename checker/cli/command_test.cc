#include "checker/cli/command.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "checker/internal/testing.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;

// What `run` prints on stderr; its result in `*code`.
template <typename Run>
std::string StderrOf(Run run, int* code) {
  ::testing::internal::CaptureStderr();
  *code = run();
  return ::testing::internal::GetCapturedStderr();
}

TEST(CommandTest, FailAndExitCode) {
  int code = 0;
  EXPECT_EQ(StderrOf([] { return Fail(absl::NotFoundError("a.txt: no such file")); }, &code),
            "crosscheck: a.txt: no such file\n");
  EXPECT_EQ(code, 1);
  EXPECT_EQ(StderrOf([] { return ExitCode(absl::OkStatus()); }, &code), "");
  EXPECT_EQ(code, 0);
  EXPECT_EQ(StderrOf([] { return ExitCode(absl::InternalError("x")); }, &code), "crosscheck: x\n");
  EXPECT_EQ(code, 1);
}

TEST(CommandTest, UsageErrorsNameTheCommand) {
  int code = 0;
  EXPECT_EQ(StderrOf([] { return UsageError("extract", "--output is required"); }, &code),
            "crosscheck extract: --output is required\n");
  EXPECT_EQ(code, 2);
  EXPECT_EQ(StderrOf([] { return UsageError("", "unknown command 'x'"); }, &code),
            "crosscheck: unknown command 'x'\n");
  EXPECT_EQ(StderrOf(
                [] {
                  CommandContext ctx;
                  ctx.name = "claims";
                  return NoInputs(ctx);
                },
                &code),
            "crosscheck claims: give at least one article file or directory\n");
  EXPECT_EQ(code, 2);
}

TEST(CommandTest, PrintSkippedNamesEachProblem) {
  std::vector<Problem> problems(2);
  problems[0].set_location("a.txt:1:1");
  problems[0].set_message("empty file");
  problems[1].set_location("b.jsonl:2");
  problems[1].set_message("not JSON");
  ::testing::internal::CaptureStderr();
  PrintSkipped(problems);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "crosscheck: skipped a.txt:1:1: empty file\ncrosscheck: skipped b.jsonl:2: not JSON\n");
}

TEST(CommandTest, UserPathIsRelativeToBazelRunsDirectory) {
  unsetenv("BUILD_WORKING_DIRECTORY");
  EXPECT_EQ(UserPath("a/b.txt"), "a/b.txt");
  setenv("BUILD_WORKING_DIRECTORY", "/home/me/corpus", 1);
  EXPECT_EQ(UserPath("a/b.txt"), "/home/me/corpus/a/b.txt");
  EXPECT_EQ(UserPath("/abs/b.txt"), "/abs/b.txt");
  EXPECT_EQ(UserPath(""), "");
  unsetenv("BUILD_WORKING_DIRECTORY");
}

TEST(CommandTest, ParseVerdictFlag) {
  EXPECT_EQ(*ParseVerdictFlag("fail_on", "UPDATE"), UPDATE);
  EXPECT_THAT(ParseVerdictFlag("fail_on", "VERDICT_UNSPECIFIED"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "--fail_on=VERDICT_UNSPECIFIED: unknown verdict; valid choices: "
                       "CONTRADICTION, DISPUTED, DISCREPANCY, UPDATE, AGREEMENT"));
  EXPECT_FALSE(ParseVerdictFlag("min_verdict", "contradiction").ok());
}

TEST(CommandTest, PeakRssIsKnownOnLinux) { EXPECT_GT(PeakRssMb(), 0); }

}  // namespace
}  // namespace crosscheck
