// Test helpers: Status matchers, proto equality, and where test data lives.
#ifndef CROSSCHECK_CHECKER_INTERNAL_TESTING_H_
#define CROSSCHECK_CHECKER_INTERNAL_TESTING_H_

#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/message_differencer.h"

namespace crosscheck::testing {

// Path of a file in this repository, from inside a Bazel test.
inline std::string RunfilePath(const std::string& path) {
  const char* dir = std::getenv("TEST_SRCDIR");
  const char* ws = std::getenv("TEST_WORKSPACE");
  if (dir == nullptr) return path;
  return absl::StrCat(dir, "/", ws ? ws : "crosscheck", "/", path);
}

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

MATCHER(IsOk, "is OK") {
  const absl::Status& s = GetStatus(arg);
  if (!s.ok()) *result_listener << "status: " << s;
  return s.ok();
}

MATCHER_P2(StatusIs, code, message_matcher, "") {
  const absl::Status& s = GetStatus(arg);
  *result_listener << "status: " << s;
  return s.code() == code &&
         ::testing::ExplainMatchResult(message_matcher, std::string(s.message()), result_listener);
}

MATCHER_P(EqualsProto, expected, "") {
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  if (!differencer.Compare(expected, arg)) {
    *result_listener << diff;
    return false;
  }
  return true;
}

}  // namespace crosscheck::testing

#define ASSERT_OK(expr) ASSERT_THAT(expr, ::crosscheck::testing::IsOk())
#define EXPECT_OK(expr) EXPECT_THAT(expr, ::crosscheck::testing::IsOk())

#endif  // CROSSCHECK_CHECKER_INTERNAL_TESTING_H_
