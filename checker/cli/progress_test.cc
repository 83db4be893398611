#include "checker/cli/progress.h"

#include <cstdio>
#include <string>

#include "absl/time/clock.h"
#include "checker/internal/testing.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

// What was written to `f`.
std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buffer[256];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
  return out;
}

TEST(ParseProgressModeTest, ThreeChoices) {
  EXPECT_EQ(*ParseProgressMode("auto"), ProgressMode::kAuto);
  EXPECT_EQ(*ParseProgressMode("always"), ProgressMode::kAlways);
  EXPECT_EQ(*ParseProgressMode("never"), ProgressMode::kNever);
  EXPECT_THAT(ParseProgressMode("sometimes"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "--progress=sometimes: valid choices: auto, always, never"));
}

TEST(ProgressLineTest, NoCallbackWhenNothingIsShown) {
  std::FILE* f = std::tmpfile();
  ProgressLine never(ProgressMode::kNever, /*terminal=*/true, absl::Now(), f);
  EXPECT_FALSE(never.Callback());
  ProgressLine not_a_terminal(ProgressMode::kAuto, /*terminal=*/false, absl::Now(), f);
  EXPECT_FALSE(not_a_terminal.Callback());
  never.End();
  EXPECT_EQ(Contents(f), "");
  std::fclose(f);
}

TEST(ProgressLineTest, AlwaysDrawsAtOnceAtMostFourTimesASecondAndEndsTheLine) {
  std::FILE* f = std::tmpfile();
  ProgressLine line(ProgressMode::kAlways, /*terminal=*/false, absl::Now() - absl::Seconds(1), f);
  auto callback = line.Callback();
  ASSERT_TRUE(callback);
  callback(3, 40, 2000000);
  callback(4, 50, 3000000);  // within 250 ms: not drawn
  line.End();
  std::string out = Contents(f);
  EXPECT_THAT(out, HasSubstr("\rcrosscheck: 3 articles, 40 claims, "));
  EXPECT_THAT(out, HasSubstr(" MB/s \n"));
  EXPECT_EQ(out.find("4 articles"), std::string::npos);
  std::fclose(f);
}

TEST(ProgressLineTest, AutoWaitsTwoSecondsOnATerminal) {
  std::FILE* f = std::tmpfile();
  ProgressLine fresh(ProgressMode::kAuto, /*terminal=*/true, absl::Now(), f);
  fresh.Callback()(1, 1, 1);
  fresh.End();  // nothing drawn: no newline either
  EXPECT_EQ(Contents(f), "");
  ProgressLine later(ProgressMode::kAuto, /*terminal=*/true, absl::Now() - absl::Seconds(3), f);
  later.Callback()(1, 1, 1);
  EXPECT_THAT(Contents(f), HasSubstr("crosscheck: 1 articles, 1 claims"));
  std::fclose(f);
}

}  // namespace
}  // namespace crosscheck
