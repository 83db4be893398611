#include "checker/review/review.h"

#include <sstream>
#include <string>

#include "checker/internal/testing.h"
#include "checker/review/ledger.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

Finding MakeFinding(const std::string& id, Verdict verdict) {
  Finding f;
  f.set_id(id);
  f.set_kind("deadline");
  f.set_subject("departure deadline");
  f.set_verdict(verdict);
  f.set_explanation("McClatchy says Sunday; the Post says Saturday.");
  for (const char* article : {"000", "003"}) {
    Claim* c = f.add_claims();
    c->set_article_id(article);
    c->set_outlet(article[1] == '0' && article[2] == '0' ? "McClatchy" : "The Washington Post");
    c->set_published("2019-01-24");
    c->set_display_value("Sunday 2019-01-27");
    c->set_quote("They must depart by Sunday \x1b[31mnow\x1b[0m.");
  }
  return f;
}

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    *report_.add_findings() = MakeFinding("f1", CONTRADICTION);
    *report_.add_findings() = MakeFinding("f2", DISPUTED);
    *report_.add_findings() = MakeFinding("f3", DISCREPANCY);
    *report_.add_findings() = MakeFinding("f4", AGREEMENT);
    options_.ledger_path = std::string(std::getenv("TEST_TMPDIR")) + "/" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                           ".textproto";
    options_.reviewer = "ana";
    options_.now = [] { return absl::FromUnixSeconds(1764000000); };
  }

  Ledger Saved() {
    absl::StatusOr<Ledger> ledger = ReadLedger(options_.ledger_path);
    EXPECT_OK(ledger);
    return ledger.ok() ? *ledger : Ledger();
  }

  Report report_;
  ReviewOptions options_;
};

TEST_F(ReviewTest, RecordsEachKeyAndWritesTheLedgerAsItGoes) {
  std::istringstream in("x\nn\nwrong day\n2\nd\ns\n");
  std::ostringstream out;
  absl::StatusOr<ReviewSummary> s = RunReviewSession(report_, Ledger(), options_, in, out);
  ASSERT_OK(s);
  EXPECT_EQ(s->offered, 3);  // AGREEMENT is not offered by default
  EXPECT_EQ(s->recorded, 2);
  EXPECT_EQ(s->skipped, 1);
  EXPECT_FALSE(s->quit);
  Ledger ledger = Saved();
  ASSERT_THAT(ledger.reviews(), SizeIs(2));
  EXPECT_EQ(ledger.reviews(0).finding_id(), "f1");
  EXPECT_EQ(ledger.reviews(0).decision(), DECISION_CONFIRMED);
  EXPECT_EQ(ledger.reviews(0).correct_article_id(), "003");
  EXPECT_EQ(ledger.reviews(0).note(), "wrong day");
  EXPECT_EQ(ledger.reviews(0).reviewer(), "ana");
  EXPECT_EQ(ledger.reviews(1).finding_id(), "f2");
  EXPECT_EQ(ledger.reviews(1).decision(), DECISION_DISMISSED);
  EXPECT_THAT(out.str(), HasSubstr("'x' is not one of the keys"));
  // Article text reaches the terminal without its escape sequences.
  EXPECT_THAT(out.str(), Not(HasSubstr("\x1b")));
  EXPECT_THAT(out.str(), HasSubstr("depart by Sunday now."));
}

TEST_F(ReviewTest, QuittingKeepsWhatWasRecorded) {
  std::istringstream in("c\nq\n");
  std::ostringstream out;
  absl::StatusOr<ReviewSummary> s = RunReviewSession(report_, Ledger(), options_, in, out);
  ASSERT_OK(s);
  EXPECT_TRUE(s->quit);
  EXPECT_THAT(Saved().reviews(), SizeIs(1));
}

TEST_F(ReviewTest, EndOfInputIsAQuitNotALoss) {
  std::istringstream in("c\n");
  std::ostringstream out;
  absl::StatusOr<ReviewSummary> s = RunReviewSession(report_, Ledger(), options_, in, out);
  ASSERT_OK(s);
  EXPECT_TRUE(s->quit);
  EXPECT_THAT(Saved().reviews(), SizeIs(1));
}

TEST_F(ReviewTest, ReviewedFindingsAreNotOfferedAgain) {
  Ledger ledger;
  RecordReview(MakeReview(report_.findings(0), DECISION_CONFIRMED, "", "", "bo", absl::Now()),
               &ledger);
  std::istringstream in("d\nd\n");
  std::ostringstream out;
  absl::StatusOr<ReviewSummary> s = RunReviewSession(report_, ledger, options_, in, out);
  ASSERT_OK(s);
  EXPECT_EQ(s->offered, 2);
  Ledger saved = Saved();
  ASSERT_THAT(saved.reviews(), SizeIs(3));
  EXPECT_EQ(saved.reviews(0).reviewer(), "bo");  // kept as it was
}

TEST_F(ReviewTest, ThresholdSelectsFindings) {
  options_.min_verdict = CONTRADICTION;
  std::istringstream in("");
  std::ostringstream out;
  absl::StatusOr<ReviewSummary> s = RunReviewSession(report_, Ledger(), options_, in, out);
  ASSERT_OK(s);
  EXPECT_EQ(s->offered, 1);
  EXPECT_TRUE(AtOrAbove(DISPUTED, DISCREPANCY));
  EXPECT_FALSE(AtOrAbove(UPDATE, DISCREPANCY));
}

TEST_F(ReviewTest, AnUnwritableLedgerIsAnError) {
  options_.ledger_path = "/nonexistent-dir/ledger.textproto";
  std::istringstream in("c\n");
  std::ostringstream out;
  EXPECT_FALSE(RunReviewSession(report_, Ledger(), options_, in, out).ok());
}

}  // namespace
}  // namespace crosscheck
