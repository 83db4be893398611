#include "checker/base/textproto.h"

#include "checker/internal/testing.h"
#include "gtest/gtest.h"
#include "proto/article.pb.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(ParseTextProtoTest, ParsesAndRecordsLocations) {
  Article article;
  google::protobuf::TextFormat::ParseInfoTree tree;
  ASSERT_OK(ParseTextProto("a.textproto", "id: \"x\"\noutlet: \"Y\"\n", &article, &tree));
  EXPECT_EQ(article.outlet(), "Y");
  EXPECT_EQ(tree.GetLocation(Article::descriptor()->FindFieldByName("outlet"), -1).line, 1);
}

TEST(ParseTextProtoTest, NamesFileLineAndColumn) {
  Article article;
  EXPECT_THAT(ParseTextProto("meta.textproto", "id: \"x\"\n  outlt: \"Y\"\n", &article),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("meta.textproto:2:"), HasSubstr("outlt"))));
}

}  // namespace
}  // namespace crosscheck
