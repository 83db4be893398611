// Test helpers for the commands: a fixture whose CommandContext is set up
// from the flags as main sets it up, with the shipped rules, no progress
// line, and --output to a file of the test's own.
//
// Example:
//   TEST_F(CommandTest, ListsTheKinds) {
//     EXPECT_EQ(RunRulesCommand(Context("rules", {})), 0);
//     EXPECT_THAT(Output(), HasSubstr("death_toll"));
//   }
#ifndef CROSSCHECK_CHECKER_CLI_CLI_TESTING_H_
#define CROSSCHECK_CHECKER_CLI_CLI_TESTING_H_

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "checker/cli/command.h"
#include "checker/cli/common_flags.h"
#include "checker/internal/testing.h"
#include "gtest/gtest.h"

ABSL_DECLARE_FLAG(std::string, rules);
ABSL_DECLARE_FLAG(std::string, progress);

namespace crosscheck::testing {

// A path in the test's temporary directory.
inline std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir == nullptr ? "/tmp" : dir) + "/" + name;
}

class CommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::SetFlag(&FLAGS_rules, RunfilePath("rules"));
    absl::SetFlag(&FLAGS_progress, "never");
    output_ = TempPath("output");
    std::remove(output_.c_str());
    absl::SetFlag(&FLAGS_output, output_);
  }

  // The context of command `name` over `paths`, set up from the flags.
  CommandContext& Context(const std::string& name, const std::vector<std::string>& paths) {
    ctx_ = std::make_unique<CommandContext>();
    ctx_->name = name;
    ctx_->paths = paths;
    absl::Status set_up = SetUpFromFlags("crosscheck_test", ctx_.get());
    EXPECT_TRUE(set_up.ok()) << set_up;
    return *ctx_;
  }

  // What the command wrote to --output ("" when it wrote nothing).
  std::string Output() const { return ReadFile(output_); }

  static std::string ReadFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Runs `run` and returns what it printed on stderr.
  template <typename Run>
  static std::string Stderr(Run run) {
    ::testing::internal::CaptureStderr();
    run();
    return ::testing::internal::GetCapturedStderr();
  }

  // Runs `command` as command `name` over `paths`: returns its exit code and
  // keeps what it printed in out_ (stdout) and err_ (stderr).
  int RunCommand(int (*command)(CommandContext&), const std::string& name,
                 const std::vector<std::string>& paths) {
    int code = -1;
    ::testing::internal::CaptureStdout();
    err_ = Stderr([&] { code = command(Context(name, paths)); });
    out_ = ::testing::internal::GetCapturedStdout();
    return code;
  }

  absl::FlagSaver flags_;  // every flag back as it was after each test
  std::string output_;
  std::string out_, err_;  // of the last RunCommand
  std::unique_ptr<CommandContext> ctx_;
};

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_CHECKER_CLI_CLI_TESTING_H_
