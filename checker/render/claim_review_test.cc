#include "checker/render/claim_review.h"

#include <string>
#include <vector>

#include "checker/internal/testing.h"
#include "checker/render/render.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck {
namespace {

using ::google::protobuf::ListValue;
using ::google::protobuf::Struct;
using ::google::protobuf::Value;
using ::testing::HasSubstr;
using ::testing::Not;

Claim MakeClaim(const std::string& article, const std::string& outlet, const std::string& date,
                const std::string& quote) {
  Claim c;
  c.set_article_id(article);
  c.set_outlet(outlet);
  c.set_published(date);
  c.set_quote(quote);
  c.set_matched_text(quote.substr(0, 5));
  return c;
}

Review MakeReview(Decision decision, const std::string& side) {
  Review r;
  r.set_decision(decision);
  r.set_correct_article_id(side);
  r.set_reviewer("ana");
  r.set_time("2026-11-24T15:04:05Z");
  r.set_note("The order said 72 hours.");
  return r;
}

Report ReviewedReport() {
  Report r;
  ArticleSummary* a1 = r.add_articles();
  a1->set_id("a1");
  a1->set_outlet("McClatchy");
  a1->set_title("Siege");
  a1->set_url("https://example.com/a1");
  ArticleSummary* a2 = r.add_articles();
  a2->set_id("a2");
  a2->set_outlet("The Post");
  a2->set_url("javascript:alert(1)");

  Finding* confirmed = r.add_findings();
  confirmed->set_id("f-confirmed");
  confirmed->set_verdict(CONTRADICTION);
  confirmed->set_explanation("Sunday vs Saturday.");
  *confirmed->add_claims() = MakeClaim("a1", "McClatchy", "2019-01-24", "Depart by Sunday.");
  *confirmed->add_claims() = MakeClaim("a2", "The Post", "2019-01-25", "A Saturday deadline.");
  *confirmed->mutable_review() = MakeReview(DECISION_CONFIRMED, "a2");

  Finding* dismissed = r.add_findings();
  dismissed->set_id("f-dismissed");
  dismissed->set_verdict(DISCREPANCY);
  *dismissed->add_claims() = MakeClaim("a1", "McClatchy", "2019-01-24", "12 dead.");
  *dismissed->add_claims() = MakeClaim("a2", "The Post", "2019-01-25", "20 dead this week.");
  *dismissed->mutable_review() = MakeReview(DECISION_DISMISSED, "");

  Finding* unreviewed = r.add_findings();
  unreviewed->set_id("f-unreviewed");
  unreviewed->set_verdict(CONTRADICTION);
  *unreviewed->add_claims() = MakeClaim("a1", "McClatchy", "2019-01-24", "Not reviewed.");
  return r;
}

ListValue Parse(const std::string& json) {
  ListValue list;
  auto status = google::protobuf::util::JsonStringToMessage(json, &list);
  EXPECT_TRUE(status.ok()) << status.message() << "\n" << json;
  return list;
}

const Value* Field(const Value& v, const std::string& name) {
  if (v.kind_case() != Value::kStructValue) return nullptr;
  auto it = v.struct_value().fields().find(name);
  return it == v.struct_value().fields().end() ? nullptr : &it->second;
}

std::string Str(const Value& v, const std::string& path_a, const std::string& path_b = "") {
  const Value* f = Field(v, path_a);
  if (f != nullptr && !path_b.empty()) f = Field(*f, path_b);
  return f != nullptr && f->kind_case() == Value::kStringValue ? f->string_value() : "";
}

// The fields schema.org and search engines need of a ClaimReview.
void ExpectValidClaimReview(const Value& review) {
  SCOPED_TRACE(review.DebugString());
  EXPECT_EQ(Str(review, "@context"), "https://schema.org");
  EXPECT_EQ(Str(review, "@type"), "ClaimReview");
  EXPECT_NE(Str(review, "claimReviewed"), "");
  EXPECT_NE(Str(review, "identifier"), "");
  EXPECT_TRUE(RE2::FullMatch(Str(review, "datePublished"), R"(\d{4}-\d{2}-\d{2})"));
  EXPECT_EQ(Str(review, "author", "@type"), "Person");
  EXPECT_NE(Str(review, "author", "name"), "");
  EXPECT_EQ(Str(review, "reviewRating", "@type"), "Rating");
  EXPECT_NE(Str(review, "reviewRating", "alternateName"), "");
  const Value* item = Field(review, "itemReviewed");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(Str(*item, "@type"), "Claim");
  EXPECT_EQ(Str(*item, "author", "@type"), "Organization");
  EXPECT_NE(Str(*item, "author", "name"), "");
  const Value* appearance = Field(*item, "appearance");
  ASSERT_NE(appearance, nullptr);
  ASSERT_EQ(appearance->kind_case(), Value::kListValue);
  ASSERT_GE(appearance->list_value().values_size(), 1);
  for (const Value& a : appearance->list_value().values()) {
    EXPECT_EQ(Str(a, "@type"), "NewsArticle");
    std::string url = Str(a, "url");
    if (!url.empty()) {
      EXPECT_TRUE(RE2::PartialMatch(url, "^https?://")) << url;
    }
  }
}

TEST(ClaimReviewTest, OnlyReviewedFindingsOneReviewPerClaim) {
  ListValue list = Parse(RenderClaimReview(ReviewedReport()));
  ASSERT_EQ(list.values_size(), 4);
  for (const Value& review : list.values()) {
    ExpectValidClaimReview(review);
    EXPECT_NE(Str(review, "identifier"), "f-unreviewed");
  }
}

TEST(ClaimReviewTest, RatingIsTheReviewersVerdict) {
  ListValue list = Parse(RenderClaimReview(ReviewedReport()));
  ASSERT_EQ(list.values_size(), 4);
  EXPECT_EQ(Str(list.values(0), "claimReviewed"), "Depart by Sunday.");
  EXPECT_EQ(Str(list.values(0), "reviewRating", "alternateName"), "Inaccurate");
  EXPECT_EQ(Str(list.values(1), "reviewRating", "alternateName"), "Accurate");
  EXPECT_EQ(Str(list.values(2), "reviewRating", "alternateName"), "No conflict");
  EXPECT_EQ(Str(list.values(0), "reviewRating", "ratingExplanation"),
            "Sunday vs Saturday. Reviewer's note: The order said 72 hours.");
  EXPECT_EQ(Str(list.values(0), "author", "name"), "ana");
  EXPECT_EQ(Str(list.values(0), "datePublished"), "2026-11-24");
  EXPECT_EQ(Str(list.values(0), "itemReviewed", "datePublished"), "2019-01-24");
  EXPECT_EQ(Str(*Field(list.values(0), "itemReviewed"), "author", "name"), "McClatchy");
}

TEST(ClaimReviewTest, AppearanceLinksOnlyHttpUrls) {
  std::string json = RenderClaimReview(ReviewedReport());
  EXPECT_THAT(json, HasSubstr("\"url\": \"https://example.com/a1\""));
  EXPECT_THAT(json, HasSubstr("\"headline\": \"Siege\""));
  EXPECT_THAT(json, Not(HasSubstr("javascript")));
}

TEST(ClaimReviewTest, NothingReviewedIsAnEmptyArray) {
  EXPECT_EQ(RenderClaimReview(Report()), "[]\n");
  Report r = ReviewedReport();
  for (Finding& f : *r.mutable_findings()) f.clear_review();
  EXPECT_EQ(RenderClaimReview(r), "[]\n");
}

TEST(ClaimReviewTest, UntrustedTextRoundTripsAndCannotCloseAScriptElement) {
  const std::string hostile =
      "</script><script>alert(\"x\")</script> \\ & \u2028 \t\n\x01 Guaidó 😀";
  Report r = ReviewedReport();
  r.mutable_findings(0)->mutable_claims(0)->set_quote(hostile);
  r.mutable_findings(0)->mutable_claims(0)->set_outlet(hostile);
  r.mutable_findings(0)->mutable_review()->set_reviewer(hostile);
  std::string json = RenderClaimReview(r);
  EXPECT_THAT(json, Not(HasSubstr("<")));
  EXPECT_THAT(json, Not(HasSubstr("\u2028")));
  ListValue list = Parse(json);
  ASSERT_GE(list.values_size(), 1);
  EXPECT_EQ(Str(list.values(0), "claimReviewed"), hostile);
  EXPECT_EQ(Str(list.values(0), "author", "name"), hostile);
  // Invalid UTF-8 cannot round-trip: it becomes U+FFFD, and the JSON stays valid.
  r.mutable_findings(0)->mutable_claims(0)->set_quote("caf\xe9");
  list = Parse(RenderClaimReview(r));
  EXPECT_EQ(Str(list.values(0), "claimReviewed"), "caf\xef\xbf\xbd");
}

TEST(ClaimReviewTest, IsDeterministicAndWiredIntoRenderReport) {
  EXPECT_EQ(RenderClaimReview(ReviewedReport()), RenderClaimReview(ReviewedReport()));
  absl::StatusOr<ReportFormat> format = ParseReportFormat("claimreview");
  ASSERT_OK(format);
  EXPECT_EQ(*format, ReportFormat::kClaimReview);
  absl::StatusOr<std::string> out = RenderReport(ReviewedReport(), *format);
  ASSERT_OK(out);
  EXPECT_EQ(*out, RenderClaimReview(ReviewedReport()));
}

}  // namespace
}  // namespace crosscheck
