#include "checker/render/html_outlets.h"

#include <cmath>
#include <string>

#include "checker/render/html_parts.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck::html_internal {
namespace {

using ::testing::HasSubstr;

TEST(NumberTest, TwoDecimalsOrNotAvailable) {
  EXPECT_EQ(Number(0.854), "0.85");
  EXPECT_EQ(Number(1), "1.00");
  EXPECT_EQ(Number(NAN), "n/a");
  EXPECT_EQ(Number(INFINITY), "n/a");
}

TEST(PercentTest, ClampedToTheBar) {
  EXPECT_EQ(Percent(0.42), "42.0%");
  EXPECT_EQ(Percent(-0.2), "0.0%");
  EXPECT_EQ(Percent(1.5), "100.0%");
  EXPECT_EQ(Percent(NAN), "0.0%");
}

TEST(AppendOutletsTest, PlaceholderWithoutScores) {
  std::string out;
  AppendOutlets(Report(), &out);
  EXPECT_THAT(out, HasSubstr("<p class=\"placeholder\">Outlet reliability was not computed"));
}

TEST(AppendOutletsTest, ScoreBandPriorAndReasons) {
  Report r;
  OutletScore* o = r.add_outlets();
  o->set_outlet("Reuters <wire>");
  o->set_score(0.8);
  o->set_uncertainty(0.1);
  o->set_prior(0.5);
  o->add_reasons("corroborated twice");
  std::string out;
  AppendOutlets(r, &out);
  EXPECT_THAT(out, HasSubstr("<span class=\"outlet\">Reuters &lt;wire&gt;</span>"
                             "<ul class=\"reasons\"><li>corroborated twice</li></ul>"));
  EXPECT_THAT(out, HasSubstr("0.80 &plusmn; 0.10<span class=\"bar\" aria-hidden=\"true\">"
                             "<span class=\"band\" style=\"left:70.0%;right:10.0%\"></span>"
                             "<span class=\"pt\" style=\"left:80.0%\"></span></span>"));
  EXPECT_THAT(out, HasSubstr("0.50<br><span class=\"muted\">default</span>"));
}

TEST(AppendCopiesTest, NoneOrLinkedArticles) {
  Report r;
  Context ctx;
  ctx.report = &r;
  std::string out;
  AppendCopies(r, ctx, &out);
  EXPECT_THAT(out, HasSubstr("No article repeats sentences of another."));

  ArticleSummary* a = r.add_articles();
  a->set_id("002");
  a->set_outlet("Daily");
  ctx.article_index.emplace("002", 0);
  Copy* c = r.add_copies();
  c->set_copier("002");
  c->set_source("001");
  c->set_shared_sentences(3);
  c->set_example("Same words.");
  out.clear();
  AppendCopies(r, ctx, &out);
  EXPECT_THAT(out, HasSubstr("<tr><td>Daily <a class=\"aid\" href=\"#a-1\"><code>002</code></a>"
                             "</td><td> <code>001</code></td><td class=\"num\">3</td>"
                             "<td><blockquote>Same words.</blockquote></td></tr>"));
}

}  // namespace
}  // namespace crosscheck::html_internal
