#include "checker/render/json.h"

#include <sstream>
#include <string>

#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck {
namespace {

using ::crosscheck::testing::EqualsProto;
using ::crosscheck::testing::StatusIs;
using ::testing::HasSubstr;

Report SomeReport(int findings) {
  Report r;
  r.mutable_summary()->set_articles(2);
  ArticleSummary* a = r.add_articles();
  a->set_id("001");
  a->set_claim_count(3);
  for (int i = 0; i < findings; ++i) {
    Finding* f = r.add_findings();
    f->set_id(std::to_string(i));
    f->set_verdict(i % 2 == 0 ? CONTRADICTION : AGREEMENT);
    f->set_explanation(std::string(200, 'x'));
    f->add_claims()->set_article_id("001");
  }
  r.add_problems()->set_location("bad.txt:1");
  return r;
}

TEST(RenderJsonTest, PrettyCamelCaseWithEnumNames) {
  absl::StatusOr<std::string> json = RenderJson(SomeReport(1));
  ASSERT_OK(json);
  EXPECT_THAT(*json, HasSubstr("\n \"summary\": {\n  \"articles\": 2\n }"));
  EXPECT_THAT(*json, HasSubstr("\"claimCount\": 3"));
  EXPECT_THAT(*json, HasSubstr("\"verdict\": \"CONTRADICTION\""));
  Report parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &parsed).ok());
  EXPECT_THAT(parsed, EqualsProto(SomeReport(1)));
}

TEST(WriteReportJsonTest, StreamsTheBytesRenderJsonGives) {
  for (int findings : {0, 1, 10000}) {  // 10000: several pieces of a megabyte
    const Report report = SomeReport(findings);
    absl::StatusOr<std::string> whole = RenderJson(report);
    ASSERT_OK(whole);
    std::ostringstream streamed;
    ASSERT_OK(WriteReportJson(report, streamed));
    EXPECT_EQ(streamed.str(), *whole) << findings;
  }
  std::ostringstream empty;
  ASSERT_OK(WriteReportJson(Report(), empty));
  EXPECT_EQ(empty.str(), "{}\n");
}

TEST(WriteReportJsonTest, AStreamThatFailsIsAnError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_THAT(WriteReportJson(SomeReport(3), out),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("cannot write the JSON")));
}

}  // namespace
}  // namespace crosscheck
