#include "checker/cli/common_flags.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "checker/cli/cli_testing.h"
#include "checker/cli/command.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_DECLARE_FLAG(std::string, input_list);
ABSL_DECLARE_FLAG(std::string, priors);
ABSL_DECLARE_FLAG(std::string, shard);
ABSL_DECLARE_FLAG(int, copy_sampling);
ABSL_DECLARE_FLAG(int, jobs);
ABSL_DECLARE_FLAG(bool, skip_bad_input);
ABSL_DECLARE_FLAG(bool, timings);

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::StatusIs;
using ::crosscheck::testing::TempPath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class CommonFlagsTest : public ::testing::Test {
 protected:
  absl::FlagSaver flags_;
};

TEST_F(CommonFlagsTest, RunOptionsOfTheFlags) {
  absl::SetFlag(&FLAGS_skip_bad_input, true);
  absl::SetFlag(&FLAGS_jobs, 3);
  absl::SetFlag(&FLAGS_copy_sampling, 4);
  absl::SetFlag(&FLAGS_shard, "1/4");
  absl::StatusOr<RunOptions> options = RunOptionsFromFlags();
  ASSERT_OK(options);
  EXPECT_FALSE(options->strict);
  EXPECT_EQ(options->jobs, 3);
  EXPECT_EQ(options->copies.sampling, 4);
  EXPECT_EQ(options->shard_index, 1);
  EXPECT_EQ(options->shard_count, 4);
}

TEST_F(CommonFlagsTest, RunOptionsAreChecked) {
  absl::SetFlag(&FLAGS_copy_sampling, 3);
  EXPECT_THAT(RunOptionsFromFlags(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "--copy_sampling=3: expected a power of two (1, 2, 4, ...)"));
  absl::SetFlag(&FLAGS_copy_sampling, 1);
  absl::SetFlag(&FLAGS_jobs, -1);
  EXPECT_THAT(RunOptionsFromFlags(), StatusIs(absl::StatusCode::kInvalidArgument,
                                              "--jobs: expected 0 (one per core) or more"));
  absl::SetFlag(&FLAGS_jobs, 0);
  for (const char* bad : {"4/4", "1", "a/b", "1/2x", "-1/2"}) {
    absl::SetFlag(&FLAGS_shard, bad);
    EXPECT_THAT(RunOptionsFromFlags(),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("expected K/N")))
        << bad;
  }
}

TEST_F(CommonFlagsTest, SetUpReadsTheInputListLoadsTheRulesAndStartsTheClock) {
  const std::string list = TempPath("inputs.txt");
  std::ofstream(list) << "b.txt\n\nc.txt\n";
  absl::SetFlag(&FLAGS_input_list, list);
  absl::SetFlag(&FLAGS_rules, RunfilePath("rules"));
  absl::SetFlag(&FLAGS_timings, true);
  absl::SetFlag(&FLAGS_progress, "never");
  CommandContext ctx;
  ctx.paths = {"a.txt"};
  ASSERT_OK(SetUpFromFlags("crosscheck", &ctx));
  EXPECT_THAT(ctx.paths, ElementsAre("a.txt", "b.txt", "c.txt"));
  ASSERT_NE(ctx.rules, nullptr);
  EXPECT_FALSE(ctx.rules->kinds().empty());
  EXPECT_EQ(ctx.options.times, &ctx.times);
  EXPECT_FALSE(ctx.options.progress);
  ASSERT_NE(ctx.progress, nullptr);
}

TEST_F(CommonFlagsTest, SetUpStopsAtTheFirstError) {
  absl::SetFlag(&FLAGS_input_list, TempPath("no_such_list.txt"));
  CommandContext ctx;
  EXPECT_THAT(SetUpFromFlags("crosscheck", &ctx),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr(": cannot open --input_list")));
  absl::SetFlag(&FLAGS_input_list, "");
  absl::SetFlag(&FLAGS_rules, RunfilePath("rules"));
  absl::SetFlag(&FLAGS_progress, "sometimes");
  EXPECT_THAT(SetUpFromFlags("crosscheck", &ctx),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("--progress=sometimes")));
}

TEST_F(CommonFlagsTest, LedgerAndPriors) {
  RunOptions options;
  ASSERT_OK(ReadLedgerAndPriorsFromFlags(&options));               // neither flag set
  absl::SetFlag(&FLAGS_ledger, TempPath("new_ledger.textproto"));  // need not exist
  ASSERT_OK(ReadLedgerAndPriorsFromFlags(&options));
  EXPECT_EQ(options.ledger.reviews_size(), 0);
  absl::SetFlag(&FLAGS_priors, TempPath("no_priors.textproto"));
  EXPECT_FALSE(ReadLedgerAndPriorsFromFlags(&options).ok());
}

TEST_F(CommonFlagsTest, EmitWritesOutputAtomically) {
  const std::string path = TempPath("emitted.txt");
  absl::SetFlag(&FLAGS_output, path);
  ASSERT_OK(Emit("hello\n"));
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "hello");
  EXPECT_THAT(EmitStream([](std::ostream&) { return absl::DataLossError("broken"); }),
              StatusIs(absl::StatusCode::kDataLoss, "broken"));
  absl::SetFlag(&FLAGS_output, "");
  ::testing::internal::CaptureStdout();
  ASSERT_OK(Emit("to stdout\n"));
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "to stdout\n");
}

}  // namespace
}  // namespace crosscheck
