#include "checker/review/ledger.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "checker/base/textproto.h"
#include "checker/storage/atomic_file.h"
#include "google/protobuf/text_format.h"

namespace crosscheck {

namespace fs = std::filesystem;

absl::StatusOr<Ledger> ReadLedger(const std::string& path) {
  Ledger ledger;
  std::error_code ec;
  if (!fs::exists(path, ec)) return ledger;
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot read the ledger"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (absl::Status s = ParseTextProto(path, buffer.str(), &ledger); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(s.message(),
                     "\n(the ledger is kept as it is; fix it by hand or restore it from "
                     "version control)"));
  }
  absl::flat_hash_set<std::string> seen;
  for (const Review& r : ledger.reviews()) {
    if (r.finding_id().empty() || r.decision() == DECISION_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat(
          path,
          ": a review needs finding_id and decision (DECISION_CONFIRMED or "
          "DECISION_DISMISSED); entry ",
          seen.size() + 1, " has ", r.finding_id().empty() ? "no finding_id" : "no decision"));
    }
    if (!seen.insert(r.finding_id()).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": finding ", r.finding_id(), " is reviewed twice"));
    }
  }
  return ledger;
}

absl::Status WriteLedger(const std::string& path, const Ledger& ledger) {
  std::string body;
  if (!google::protobuf::TextFormat::PrintToString(ledger, &body)) {
    return absl::InternalError("cannot print the ledger");
  }
  std::string content = absl::StrCat(
      "# proto-message: crosscheck.Ledger\n"
      "# Review verdicts of crosscheck findings; written by `crosscheck review`.\n",
      body);
  absl::Status written = WriteFileAtomically(path, content);
  if (!written.ok()) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot write the ledger: ", written.message()));
  }
  return absl::OkStatus();
}

void RecordReview(Review review, Ledger* ledger) {
  for (Review& r : *ledger->mutable_reviews()) {
    if (r.finding_id() == review.finding_id()) {
      r = std::move(review);
      return;
    }
  }
  *ledger->add_reviews() = std::move(review);
}

const Review* FindReview(const Ledger& ledger, absl::string_view finding_id) {
  for (const Review& r : ledger.reviews()) {
    if (r.finding_id() == finding_id) return &r;
  }
  return nullptr;
}

Review MakeReview(const Finding& finding, Decision decision, std::string correct_article_id,
                  std::string note, std::string reviewer, absl::Time now) {
  Review r;
  r.set_finding_id(finding.id());
  r.set_decision(decision);
  r.set_correct_article_id(std::move(correct_article_id));
  r.set_note(std::move(note));
  r.set_reviewer(std::move(reviewer));
  r.set_time(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", now, absl::UTCTimeZone()));
  r.set_kind(finding.kind());
  r.set_subject(finding.subject());
  r.set_verdict(finding.verdict());
  r.set_explanation(finding.explanation());
  return r;
}

void ApplyLedger(const Ledger& ledger, Report* report) {
  absl::flat_hash_set<std::string> present;
  for (Finding& f : *report->mutable_findings()) {
    present.insert(f.id());
    if (const Review* r = FindReview(ledger, f.id())) {
      *f.mutable_review() = *r;
    } else {
      f.clear_review();
    }
  }
  report->clear_stale_reviews();
  for (const Review& r : ledger.reviews()) {
    if (!present.contains(r.finding_id())) *report->add_stale_reviews() = r;
  }
}

absl::StatusOr<Decision> ParseDecision(absl::string_view text) {
  std::string t = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (t == "confirm" || t == "confirmed" || t == "c") return DECISION_CONFIRMED;
  if (t == "dismiss" || t == "dismissed" || t == "false-positive" || t == "false_positive" ||
      t == "d") {
    return DECISION_DISMISSED;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown decision '", text, "'; valid choices: confirm, dismiss (false positive)"));
}

}  // namespace crosscheck
