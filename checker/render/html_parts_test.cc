#include "checker/render/html_parts.h"

#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck::html_internal {
namespace {

TEST(HtmlPartsTest, EscapesUntrustedText) {
  EXPECT_EQ(E("<b>\"Tom & Jerry's\"</b>"), "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;");
}

TEST(HtmlPartsTest, SlugKeepsOnlySafeCharacters) {
  EXPECT_EQ(Slug("death_toll-3"), "death_toll-3");
  EXPECT_EQ(Slug("a b\"><script>"), "a_b___script_");
  EXPECT_EQ(Slug(""), "");
}

TEST(HtmlPartsTest, StyleOfKnownAndUnknownVerdicts) {
  EXPECT_STREQ(StyleOf(CONTRADICTION).css, "contradiction");
  EXPECT_STREQ(StyleOf(DISCREPANCY).plural, "Discrepancies");
  EXPECT_EQ(&StyleOf(VERDICT_UNSPECIFIED), &kUnknownVerdict);
  EXPECT_EQ(&StyleOf(static_cast<Verdict>(99)), &kUnknownVerdict);
  // Most severe first.
  EXPECT_EQ(kVerdictStyles[0].verdict, CONTRADICTION);
  EXPECT_EQ(std::end(kVerdictStyles)[-1].verdict, AGREEMENT);
}

TEST(HtmlPartsTest, PluralAndOrUnknown) {
  EXPECT_EQ(Plural(1, "claim", "claims"), "1 claim");
  EXPECT_EQ(Plural(0, "claim", "claims"), "0 claims");
  EXPECT_EQ(Plural(3, "day", "days"), "3 days");
  EXPECT_EQ(OrUnknown(""), "unknown");
  EXPECT_EQ(OrUnknown("", "?"), "?");
  EXPECT_EQ(OrUnknown("AP"), "AP");
}

TEST(HtmlPartsTest, ArticleRefLinksKnownArticles) {
  Report report;
  report.add_articles()->set_id("001");
  ArticleSummary* a = report.add_articles();
  a->set_id("002");
  a->set_outlet("Reuters");
  Context ctx;
  ctx.report = &report;
  ctx.article_index.emplace("001", 0);
  ctx.article_index.emplace("002", 1);
  EXPECT_EQ(ArticleRef(ctx, "002"), "<a class=\"aid\" href=\"#a-2\"><code>002</code></a>");
  EXPECT_EQ(ArticleRef(ctx, "<x>"), "<code>&lt;x&gt;</code>");
  EXPECT_EQ(OutletOf(ctx, "002"), "Reuters");
  EXPECT_EQ(OutletOf(ctx, "001"), "");
  EXPECT_EQ(OutletOf(ctx, "999"), "");
}

}  // namespace
}  // namespace crosscheck::html_internal
