#include "checker/cli/claims_command.h"

#include <string>

#include "checker/cli/cli_testing.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::RunfilePath;
using ::crosscheck::testing::TempPath;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class ClaimsCommandTest : public testing::CommandTest {};

TEST_F(ClaimsCommandTest, OneJsonLinePerArticle) {
  int code = -1;
  std::string err = Stderr(
      [&] { code = RunClaimsCommand(Context("claims", {RunfilePath("testdata/caracas")})); });
  EXPECT_EQ(code, 0) << err;
  const std::string out = Output();
  EXPECT_THAT(out, StartsWith("{\"article\":{\"id\":\"000_d6b0371285f5ae76\""));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 5);
  EXPECT_THAT(out, Not(HasSubstr("copyFingerprint")));
}

TEST_F(ClaimsCommandTest, NoInputsAndBadInputs) {
  int code = -1;
  EXPECT_EQ(Stderr([&] { code = RunClaimsCommand(Context("claims", {})); }),
            "crosscheck claims: give at least one article file or directory\n");
  EXPECT_EQ(code, 2);
  EXPECT_THAT(
      Stderr([&] { code = RunClaimsCommand(Context("claims", {TempPath("missing.txt")})); }),
      HasSubstr("missing.txt: no such file"));
  EXPECT_EQ(code, 1);
}

}  // namespace
}  // namespace crosscheck
