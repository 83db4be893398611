#include "checker/render/markdown.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/report.pb.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(RenderMarkdownTest, EmptyReportHasTheFixedSectionsOnly) {
  EXPECT_EQ(RenderMarkdown(Report()),
            "# crosscheck report\n\n"
            "0 articles from 0 outlets, 0 claims. Findings: .\n\n"
            "## Articles\n\n| id | outlet | published | event | claims | title |\n"
            "|---|---|---|---|---|---|\n\n"
            "## Findings\n\nNo findings.\n\n");
}

TEST(RenderMarkdownTest, EventsAndEachArticlesEvent) {
  Report r;
  Event* e = r.add_events();
  e->set_id("e1");
  e->set_label("Genoa, Morandi | bridge");
  e->set_first_published("2018-08-14");
  e->set_last_published("2018-08-20");
  e->add_article_ids("a");
  e = r.add_events();
  e->set_id("e2");
  e->set_label("Miami");
  e->add_article_ids("b");
  ArticleSummary* a = r.add_articles();
  a->set_id("a");
  a->set_event("e1");
  const std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("## Events\n\n2 events; claims of different events are not compared."),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| e1 | Genoa, Morandi \\| bridge | 2018-08-14 to 2018-08-20 | 1 |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| e2 | Miami | undated | 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| a | ? | ? | e1 | 0 |"), std::string::npos) << md;
}

TEST(RenderMarkdownTest, SummaryCountsAndNotes) {
  Report r;
  ReportSummary* s = r.mutable_summary();
  s->set_articles(3);
  s->set_outlets(2);
  s->set_claims(7);
  Count* c = s->add_findings_by_verdict();
  c->set_name("DISCREPANCY");
  c->set_count(2);
  c = s->add_findings_by_verdict();
  c->set_name("NOT_A_VERDICT");
  c->set_count(5);
  s->set_omitted_findings(4);
  s->set_uncompared_claims(6);
  s->set_kept_apart(1);
  s->add_kept_apart_examples("Troy | Vancouver");
  Count* kind = s->add_claims_by_kind();
  kind->set_name("death_toll");
  kind->set_count(7);
  std::string md = RenderMarkdown(r);
  EXPECT_THAT(md, HasSubstr("3 articles from 2 outlets, 7 claims. Findings: 2 discrepancies.\n"));
  EXPECT_THAT(md, HasSubstr("4 more findings were left out"));
  EXPECT_THAT(md, Not(HasSubstr("subjects had so many pairs")));
  EXPECT_THAT(md, HasSubstr("6 claims come from articles without a publication date"));
  EXPECT_THAT(md, HasSubstr("exclude each other (e.g. Troy \\| Vancouver).\n"));
  EXPECT_THAT(md, HasSubstr("Claims by kind: death_toll 7.\n"));
}

Finding ReviewedFinding() {
  Finding f;
  f.set_id("abc");
  f.set_verdict(CONTRADICTION);
  f.set_kind("death_toll");
  f.set_subject("blast");
  f.set_explanation("12 or 15.");
  Claim* c = f.add_claims();
  c->set_article_id("001");
  c->set_display_value("12");
  c->set_quote("Twelve people were killed.");
  c->mutable_sentence_span()->set_begin(10);
  c->mutable_span()->set_begin(10);
  c->mutable_span()->set_end(16);
  c->set_section(SECTION_HEADLINE);
  c->mutable_attribution()->set_source("police");
  c->mutable_attribution()->set_named(true);
  c->mutable_attribution()->set_hedged(true);
  return f;
}

TEST(RenderMarkdownTest, FindingWithItsClaimsQuotesAndReview) {
  Report r;
  *r.add_findings() = ReviewedFinding();
  std::string md = RenderMarkdown(r);
  EXPECT_THAT(md, HasSubstr("### 1. CONTRADICTION: death_toll / blast (id abc)\n\n"
                            "**Review:** not reviewed yet.\n\n12 or 15.\n\n"));
  EXPECT_THAT(md, HasSubstr("| ? | 001 | ? | 12 | headline | named: police, hedged |\n"));
  EXPECT_THAT(md, HasSubstr("> **Twelve** people were killed.\n>\n> (001, bytes 10-16)\n\n"));

  Review* review = r.mutable_findings(0)->mutable_review();
  review->set_decision(DECISION_CONFIRMED);
  review->set_reviewer("ana");
  review->set_time("2026-11-24T10:00:00Z");
  review->set_correct_article_id("001");
  review->set_note("checked with the police");
  EXPECT_THAT(RenderMarkdown(r),
              HasSubstr("**Review:** confirmed by ana, 2026-11-24 (001 is right): checked with "
                        "the police.\n\n"));
  review->Clear();
  review->set_decision(DECISION_DISMISSED);
  EXPECT_THAT(RenderMarkdown(r), HasSubstr("**Review:** dismissed as a false positive.\n\n"));
}

TEST(RenderMarkdownTest, ASpanOutsideItsQuoteIsNotBolded) {
  Report r;
  Finding* f = r.add_findings();
  *f = ReviewedFinding();
  f->mutable_claims(0)->mutable_span()->set_end(500);
  EXPECT_THAT(RenderMarkdown(r), HasSubstr("> Twelve people were killed.\n"));
}

TEST(RenderMarkdownTest, OptionalSectionsWhenTheReportHasThem) {
  Report r;
  OutletScore* o = r.add_outlets();
  o->set_outlet("Reuters");
  o->set_score(0.75);
  o->set_uncertainty(0.125);
  o->add_reasons("won a conflict");
  Copy* c = r.add_copies();
  c->set_copier("002");
  c->set_source("001");
  c->set_shared_sentences(3);
  Review* stale = r.add_stale_reviews();
  stale->set_finding_id("gone");
  stale->set_decision(DECISION_CONFIRMED);
  Problem* p = r.add_problems();
  p->set_location("bad.txt:1:1");
  p->set_message("empty file");
  std::string md = RenderMarkdown(r);
  EXPECT_THAT(md, HasSubstr("| Reuters | 0.75 | 0.12 | 0 | 0 | 0 | 0 | 0 |\n"));
  EXPECT_THAT(md, HasSubstr("**Reuters**\n- won a conflict\n\n"));
  EXPECT_THAT(md, HasSubstr("## Copies\n\n"));
  EXPECT_THAT(md, HasSubstr("| 002 | 001 | 3 |  |\n"));
  EXPECT_THAT(md, HasSubstr("## Stale reviews\n\n"));
  EXPECT_THAT(md, HasSubstr("- gone (DECISION_CONFIRMED,  ): \n"));
  EXPECT_THAT(md, HasSubstr("## Skipped inputs\n\n- bad.txt:1:1: empty file\n\n"));
  EXPECT_LT(md.find("## Outlets"), md.find("## Copies"));
  EXPECT_LT(md.find("## Copies"), md.find("## Stale reviews"));
  EXPECT_LT(md.find("## Stale reviews"), md.find("## Skipped inputs"));
}

}  // namespace
}  // namespace crosscheck
