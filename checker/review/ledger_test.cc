#include "checker/review/ledger.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "checker/internal/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;
using ::crosscheck::testing::EqualsProto;
using ::crosscheck::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::SizeIs;

std::string TempPath(const std::string& name) {
  return std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
}

Finding AFinding(const std::string& id, Verdict verdict = CONTRADICTION) {
  Finding f;
  f.set_id(id);
  f.set_kind("deadline");
  f.set_subject("departure deadline");
  f.set_verdict(verdict);
  f.set_explanation("Sunday vs Saturday.");
  return f;
}

TEST(LedgerTest, MissingFileIsAnEmptyLedger) {
  absl::StatusOr<Ledger> ledger = ReadLedger(TempPath("does-not-exist.textproto"));
  ASSERT_OK(ledger);
  EXPECT_THAT(ledger->reviews(), SizeIs(0));
}

TEST(LedgerTest, RoundTrip) {
  Ledger ledger;
  absl::Time now = absl::FromUnixSeconds(1764000000);
  RecordReview(
      MakeReview(AFinding("abc"), DECISION_CONFIRMED, "003", "the Post is right", "ana", now),
      &ledger);
  RecordReview(MakeReview(AFinding("def", DISCREPANCY), DECISION_DISMISSED, "", "", "ana", now),
               &ledger);
  std::string path = TempPath("ledger.textproto");
  ASSERT_OK(WriteLedger(path, ledger));
  absl::StatusOr<Ledger> back = ReadLedger(path);
  ASSERT_OK(back);
  EXPECT_THAT(*back, EqualsProto(ledger));
  EXPECT_EQ(back->reviews(0).time(), "2025-11-24T16:00:00Z");
  EXPECT_EQ(back->reviews(0).explanation(), "Sunday vs Saturday.");
  // No temporary file is left beside it.
  int files = 0;
  for (const auto& e : fs::directory_iterator(std::getenv("TEST_TMPDIR"))) {
    files += e.path().filename().string().rfind("ledger.textproto", 0) == 0;
  }
  EXPECT_EQ(files, 1);
}

TEST(LedgerTest, RecordingAgainReplacesTheEarlierVerdict) {
  Ledger ledger;
  absl::Time now = absl::Now();
  RecordReview(MakeReview(AFinding("abc"), DECISION_CONFIRMED, "", "", "ana", now), &ledger);
  RecordReview(MakeReview(AFinding("abc"), DECISION_DISMISSED, "", "misread", "bo", now), &ledger);
  ASSERT_THAT(ledger.reviews(), SizeIs(1));
  EXPECT_EQ(ledger.reviews(0).decision(), DECISION_DISMISSED);
  EXPECT_EQ(ledger.reviews(0).reviewer(), "bo");
}

TEST(LedgerTest, MalformedLedgerIsAnErrorNamingFileAndLineAndIsKept) {
  std::string path = TempPath("bad.textproto");
  const std::string content =
      "reviews {\n  finding_id: \"abc\"\n  decison: DECISION_CONFIRMED\n}\n";
  std::ofstream(path) << content;
  EXPECT_THAT(ReadLedger(path),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("bad.textproto:3:"), HasSubstr("decison"))));
  std::ifstream in(path);
  std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(kept, content);
}

TEST(LedgerTest, EntriesNeedIdAndDecisionAndAreUnique) {
  std::string path = TempPath("incomplete.textproto");
  std::ofstream(path) << "reviews { finding_id: \"abc\" }\n";
  EXPECT_THAT(ReadLedger(path),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no decision")));
  std::ofstream(path) << "reviews { finding_id: \"abc\" decision: DECISION_CONFIRMED }\n"
                         "reviews { finding_id: \"abc\" decision: DECISION_DISMISSED }\n";
  EXPECT_THAT(ReadLedger(path),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("reviewed twice")));
}

TEST(LedgerTest, ApplyAttachesReviewsAndKeepsStaleOnes) {
  Ledger ledger;
  absl::Time now = absl::Now();
  RecordReview(MakeReview(AFinding("abc"), DECISION_CONFIRMED, "", "", "ana", now), &ledger);
  RecordReview(MakeReview(AFinding("gone"), DECISION_DISMISSED, "", "", "ana", now), &ledger);
  Report report;
  *report.add_findings() = AFinding("abc");
  *report.add_findings() = AFinding("new");
  ApplyLedger(ledger, &report);
  EXPECT_EQ(report.findings(0).review().decision(), DECISION_CONFIRMED);
  EXPECT_FALSE(report.findings(1).has_review());
  ASSERT_THAT(report.stale_reviews(), SizeIs(1));
  EXPECT_EQ(report.stale_reviews(0).finding_id(), "gone");
  EXPECT_EQ(report.stale_reviews(0).explanation(), "Sunday vs Saturday.");
}

TEST(LedgerTest, ParseDecision) {
  EXPECT_EQ(*ParseDecision("confirm"), DECISION_CONFIRMED);
  EXPECT_EQ(*ParseDecision(" Dismissed "), DECISION_DISMISSED);
  EXPECT_EQ(*ParseDecision("false-positive"), DECISION_DISMISSED);
  EXPECT_THAT(ParseDecision("maybe"), StatusIs(absl::StatusCode::kInvalidArgument,
                                               HasSubstr("valid choices: confirm, dismiss")));
}

}  // namespace
}  // namespace crosscheck
