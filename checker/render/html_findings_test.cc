#include "checker/render/html_findings.h"

#include <string>

#include "absl/strings/match.h"
#include "checker/render/html_parts.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck::html_internal {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A claim quoting `quote` (at `sentence_begin` in its article) whose span is
// the bytes [begin, end) of the article.
Claim QuoteClaim(const std::string& quote, int sentence_begin, int begin, int end) {
  Claim c;
  c.set_quote(quote);
  c.mutable_sentence_span()->set_begin(sentence_begin);
  c.mutable_span()->set_begin(begin);
  c.mutable_span()->set_end(end);
  return c;
}

TEST(SplitQuoteTest, CutsAtTheSpanRelativeToTheSentence) {
  Claim c = QuoteClaim("Twelve people were killed.", 100, 107, 113);
  QuoteParts q = SplitQuote(c);
  EXPECT_TRUE(q.marked);
  EXPECT_EQ(q.before, "Twelve ");
  EXPECT_EQ(q.match, "people");
  EXPECT_EQ(q.after, " were killed.");
}

TEST(SplitQuoteTest, AnUntrustedSpanGivesWayToTheMatchedText) {
  Claim c = QuoteClaim("Guaidó won the vote.", 0, 6, 9);  // cuts "ó"
  c.set_matched_text("won");
  QuoteParts q = SplitQuote(c);
  EXPECT_TRUE(q.marked);
  EXPECT_EQ(q.match, "won");
  EXPECT_EQ(q.after, " the vote.");
}

TEST(SplitQuoteTest, NothingToMarkLeavesTheWholeQuote) {
  Claim c = QuoteClaim("Twelve people were killed.", 0, 30, 20);
  c.set_matched_text("not there");
  QuoteParts q = SplitQuote(c);
  EXPECT_FALSE(q.marked);
  EXPECT_EQ(q.before, "Twelve people were killed.");
  EXPECT_TRUE(q.match.empty());
}

class AppendFindingsTest : public ::testing::Test {
 protected:
  AppendFindingsTest() {
    ArticleSummary* a = report_.add_articles();
    a->set_id("001");
    a->set_outlet("Reuters");
    ctx_.report = &report_;
    ctx_.article_index.emplace("001", 0);
  }

  Finding* AddFinding(const std::string& id, Verdict v) {
    Finding* f = report_.add_findings();
    f->set_id(id);
    f->set_verdict(v);
    f->set_kind("death_toll");
    f->set_subject("blast");
    Claim* c = f->add_claims();
    *c = QuoteClaim("Twelve people were killed.", 0, 0, 6);
    c->set_article_id("001");
    c->set_outlet("Reuters");
    c->set_display_value("12");
    return f;
  }

  std::string Render() {
    std::string out;
    AppendFindings(report_, ctx_, &out);
    return out;
  }

  Report report_;
  Context ctx_;
};

TEST_F(AppendFindingsTest, NoFindings) {
  EXPECT_EQ(Render(),
            "<section id=\"findings\">\n<h2>Findings</h2>\n<p class=\"muted\">No "
            "findings.</p>\n</section>\n");
}

TEST_F(AppendFindingsTest, GroupsBySeverityAndFoldsAgreements) {
  AddFinding("agree", AGREEMENT);
  AddFinding("contra", CONTRADICTION);
  std::string html = Render();
  size_t contradiction = html.find("id=\"v-contradiction\"");
  size_t agreement = html.find("id=\"v-agreement\"");
  ASSERT_NE(contradiction, std::string::npos);
  ASSERT_NE(agreement, std::string::npos);
  EXPECT_LT(contradiction, agreement);
  EXPECT_THAT(html, HasSubstr("<details class=\"fold\"><summary>Show the agreement</summary>"));
  EXPECT_THAT(html, HasSubstr("<article class=\"finding v-contradiction\" id=\"f-contra\" "
                              "data-finding-id=\"contra\" data-verdict=\"CONTRADICTION\">"));
}

TEST_F(AppendFindingsTest, ClaimsShowTheirMarkProvenanceAndReview) {
  Finding* f = AddFinding("f1", DISCREPANCY);
  std::string html = Render();
  EXPECT_THAT(html, HasSubstr("<mark class=\"claim-span\" data-finding-id=\"f1\" "
                              "data-claim=\"0\">Twelve</mark> people were killed."));
  EXPECT_THAT(html, HasSubstr("<a class=\"aid\" href=\"#a-1\"><code>001</code></a> &middot; "
                              "bytes 0&ndash;6"));
  EXPECT_THAT(html, HasSubstr("<b>Review:</b> not reviewed yet"));
  EXPECT_THAT(html, HasSubstr("<li class=\"own\">outlet&rsquo;s own voice</li>"));

  Review* r = f->mutable_review();
  r->set_decision(DECISION_CONFIRMED);
  r->set_reviewer("ana");
  r->set_correct_article_id("001");
  html = Render();
  EXPECT_THAT(html, HasSubstr("<b>Review:</b> confirmed by ana; right: Reuters "));
  EXPECT_THAT(html, HasSubstr("<span class=\"side right\">reviewer: right</span>"));
  EXPECT_THAT(html, Not(HasSubstr("not reviewed yet")));
}

TEST_F(AppendFindingsTest, LinksTheTimelineOfItsSubject) {
  AddFinding("f1", UPDATE);
  EXPECT_THAT(Render(), Not(HasSubstr("timeline</a>")));
  ctx_.timeline_anchor[{"death_toll", "blast"}] = "t-3";
  EXPECT_THAT(Render(), HasSubstr("<a href=\"#t-3\">timeline</a> &middot; "));
}

}  // namespace
}  // namespace crosscheck::html_internal
