#include "checker/base/status_macros.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

absl::Status FailIf(bool fail) {
  return fail ? absl::InvalidArgumentError("bad") : absl::OkStatus();
}

absl::StatusOr<std::string> TextOr(bool fail) {
  if (fail) return absl::NotFoundError("missing");
  return std::string("text");
}

absl::StatusOr<std::unique_ptr<int>> PointerOr(bool fail) {
  if (fail) return absl::DataLossError("lost");
  return std::make_unique<int>(7);
}

int calls = 0;
absl::Status Counted() {
  ++calls;
  return absl::OkStatus();
}

absl::Status ReturnIfError(bool fail, bool* reached) {
  RETURN_IF_ERROR(FailIf(fail));
  *reached = true;
  return absl::OkStatus();
}

absl::StatusOr<int> ReturnIfErrorInStatusOr(bool fail) {
  RETURN_IF_ERROR(FailIf(fail));
  return 1;
}

absl::StatusOr<std::string> AssignDeclared(bool fail) {
  ASSIGN_OR_RETURN(std::string text, TextOr(fail));
  return text + "!";
}

absl::Status AssignTwiceInOneScope(std::string* out) {
  ASSIGN_OR_RETURN(std::string a, TextOr(false));
  ASSIGN_OR_RETURN(std::unique_ptr<int> b, PointerOr(false));  // move-only value
  *out = a + std::to_string(*b);
  return absl::OkStatus();
}

absl::Status AssignExisting(bool fail, std::string* out) {
  ASSIGN_OR_RETURN(*out, TextOr(fail));
  return absl::OkStatus();
}

TEST(StatusMacrosTest, ReturnIfErrorReturnsTheError) {
  bool reached = false;
  absl::Status s = ReturnIfError(true, &reached);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "bad");
  EXPECT_FALSE(reached);
}

TEST(StatusMacrosTest, ReturnIfErrorGoesOnWhenOk) {
  bool reached = false;
  EXPECT_TRUE(ReturnIfError(false, &reached).ok());
  EXPECT_TRUE(reached);
}

TEST(StatusMacrosTest, ReturnIfErrorInAFunctionReturningStatusOr) {
  EXPECT_EQ(ReturnIfErrorInStatusOr(true).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*ReturnIfErrorInStatusOr(false), 1);
}

TEST(StatusMacrosTest, ReturnIfErrorEvaluatesOnce) {
  calls = 0;
  auto f = []() -> absl::Status {
    RETURN_IF_ERROR(Counted());
    return absl::OkStatus();
  };
  EXPECT_TRUE(f().ok());
  EXPECT_EQ(calls, 1);
}

TEST(StatusMacrosTest, AssignOrReturn) {
  EXPECT_EQ(*AssignDeclared(false), "text!");
  EXPECT_EQ(AssignDeclared(true).status().code(), absl::StatusCode::kNotFound);
  std::string out;
  EXPECT_TRUE(AssignTwiceInOneScope(&out).ok());
  EXPECT_EQ(out, "text7");
  std::string existing = "old";
  EXPECT_EQ(AssignExisting(true, &existing).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(existing, "old");
  EXPECT_TRUE(AssignExisting(false, &existing).ok());
  EXPECT_EQ(existing, "text");
}

}  // namespace
}  // namespace crosscheck
