#include "checker/review/junit.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Report MakeReport() {
  Report r;
  Finding* f = r.add_findings();
  f->set_id("aaa");
  f->set_kind("deadline");
  f->set_subject("departure deadline");
  f->set_verdict(CONTRADICTION);
  f->set_explanation("Sunday <b>vs</b> Saturday & more");
  Claim* c = f->add_claims();
  c->set_article_id("000");
  c->set_outlet("McClatchy \"quoted\"");
  c->set_quote("Leave by Sunday\x01\x1b[31m.");
  Finding* reviewed = r.add_findings();
  *reviewed = *f;
  reviewed->set_id("bbb");
  reviewed->mutable_review()->set_decision(DECISION_DISMISSED);
  reviewed->mutable_review()->set_reviewer("ana");
  Finding* minor = r.add_findings();
  *minor = *f;
  minor->set_id("ccc");
  minor->set_verdict(DISCREPANCY);
  return r;
}

TEST(JunitTest, OneCasePerFindingFailingOnlyUnreviewedAtOrAboveThreshold) {
  std::string xml = RenderJunitXml(MakeReport(), CONTRADICTION, "caracas");
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"caracas\" tests=\"3\" failures=\"1\""));
  EXPECT_THAT(xml, HasSubstr("name=\"CONTRADICTION departure deadline [aaa]\">\n      <failure"));
  EXPECT_THAT(xml, HasSubstr("reviewed: DECISION_DISMISSED by ana"));
  EXPECT_THAT(xml, HasSubstr("below the failing verdict"));
  // With a lower threshold the discrepancy fails too.
  EXPECT_THAT(RenderJunitXml(MakeReport(), DISCREPANCY, "caracas"), HasSubstr("failures=\"2\""));
}

TEST(JunitTest, ArticleTextIsEscaped) {
  std::string xml = RenderJunitXml(MakeReport(), CONTRADICTION, "a<b");
  EXPECT_THAT(xml, HasSubstr("name=\"a&lt;b\""));
  EXPECT_THAT(xml, HasSubstr("Sunday &lt;b&gt;vs&lt;/b&gt; Saturday &amp; more"));
  EXPECT_THAT(xml, HasSubstr("McClatchy &quot;quoted&quot;"));
  EXPECT_THAT(xml, Not(HasSubstr("\x01")));
  EXPECT_THAT(xml, Not(HasSubstr("\x1b")));
  EXPECT_THAT(xml, Not(HasSubstr("<b>")));
}

TEST(JunitTest, FailsTest) {
  Report r = MakeReport();
  EXPECT_TRUE(FailsTest(r.findings(0), CONTRADICTION));
  EXPECT_FALSE(FailsTest(r.findings(1), CONTRADICTION));
  EXPECT_FALSE(FailsTest(r.findings(2), CONTRADICTION));
  EXPECT_TRUE(FailsTest(r.findings(2), DISCREPANCY));
}

}  // namespace
}  // namespace crosscheck
