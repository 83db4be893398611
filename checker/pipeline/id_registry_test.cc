#include "checker/pipeline/id_registry.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

TEST(IdRegistryTest, ADuplicateNamesBothPaths) {
  IdRegistry ids;
  ASSERT_OK(ids.Register("x", "corpus/a/x.txt"));
  ASSERT_OK(ids.Register("y", "corpus/a/y.txt"));
  EXPECT_THAT(ids.Register("x", "corpus/b/x.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "corpus/b/x.txt: duplicate article id 'x' (also corpus/a/x.txt); ids must "
                       "be unique: rename the file or fix the \"id\""));
  EXPECT_THAT(ids.Register("x", "corpus/c/x.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(also corpus/a/x.txt)")));
}

// A JSONL record's path (file:line) comes back whole, whichever file's
// records came last.
TEST(IdRegistryTest, JsonlPathsComeBackWithTheirLines) {
  IdRegistry ids;
  ASSERT_OK(ids.Register("a1", "one.jsonl:1"));
  ASSERT_OK(ids.Register("b1", "two.jsonl:1"));
  ASSERT_OK(ids.Register("a2", "one.jsonl:2"));
  ASSERT_OK(ids.Register("c", "three.jsonl:x"));  // not a line: kept whole
  EXPECT_THAT(ids.Register("a2", "two.jsonl:7"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(also one.jsonl:2)")));
  EXPECT_THAT(ids.Register("b1", "one.jsonl:9"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(also two.jsonl:1)")));
  EXPECT_THAT(ids.Register("c", "x.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(also three.jsonl:x)")));
}

// More ids than one block holds, and one id larger than a block.
TEST(IdRegistryTest, IdsPastOneBlockAreAllKept) {
  IdRegistry ids;
  const std::string large(IdRegistry::kBlock + 10, 'L');
  ASSERT_OK(ids.Register(large, "large.txt"));
  for (int i = 0; i < 40000; ++i) {
    ASSERT_OK(ids.Register(absl::StrCat("article-number-", i), absl::StrCat("many.jsonl:", i + 1)));
  }
  EXPECT_THAT(ids.Register("article-number-17", "more.jsonl:3"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(also many.jsonl:18)")));
  EXPECT_THAT(ids.Register(large, "again.txt"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("(also large.txt)")));
  EXPECT_OK(ids.Register("article-number-40000", "more.jsonl:4"));
}

}  // namespace
}  // namespace crosscheck
